// The uploaded bank-holiday files: the newest is the working-day calendar. Each is checked
// against the stored shape as it is written, so that what is read back needs no cast.
import { desc, eq } from 'drizzle-orm'
import { z } from 'zod'
import type { Db, Tx } from '../../../db/client.ts'
import { bankHolidayFiles, users } from '../../../db/schema/index.ts'
import type { BankHolidaysFile } from '../../../domain/calendar.ts'

const division = z.object({
  division: z.string(),
  events: z.array(
    z.object({ title: z.string(), date: z.iso.date(), notes: z.string(), bunting: z.boolean() }).strict(),
  ),
})

/** bank_holiday_files.data, as the domain's BankHolidaysFile. */
export const storedBankHolidays = z
  .object({ 'england-and-wales': division, scotland: division.optional(), 'northern-ireland': division.optional() })
  .strict() satisfies z.ZodType<BankHolidaysFile>

/** When the newest file was uploaded, and by whom (null once their account is gone). */
export async function latestUpload(db: Db) {
  const [latest] = await db
    .select({ at: bankHolidayFiles.uploadedAt, by: users.name })
    .from(bankHolidayFiles)
    .leftJoin(users, eq(users.id, bankHolidayFiles.uploadedBy))
    .orderBy(desc(bankHolidayFiles.uploadedAt))
    .limit(1)
  return latest
}

export async function latestFile(tx: Tx) {
  const [latest] = await tx.select().from(bankHolidayFiles).orderBy(desc(bankHolidayFiles.uploadedAt)).limit(1)
  return latest
}

export async function insertFile(
  tx: Tx,
  row: { data: BankHolidaysFile; coveredUntilYear: number; uploadedAt: Date; uploadedBy: string },
) {
  await tx.insert(bankHolidayFiles).values({
    data: storedBankHolidays.parse(row.data),
    coveredUntilYear: String(row.coveredUntilYear),
    uploadedAt: row.uploadedAt,
    uploadedBy: row.uploadedBy,
  })
}

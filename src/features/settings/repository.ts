// The queries behind the service settings and the working-day calendar.
import { desc, eq } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.ts'
import { bankHolidayFiles, settings } from '../../db/schema/index.ts'

export async function settingRows(db: Db | Tx) {
  return db.select().from(settings)
}

/** Each setting given, written (or replaced), in the caller's transaction. */
export async function saveSettings(
  tx: Tx,
  values: Record<string, string | number | boolean>,
  changed: { at: Date; by: string },
) {
  for (const [key, value] of Object.entries(values)) {
    await tx
      .insert(settings)
      .values({ key, value, updatedAt: changed.at, updatedBy: changed.by })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: changed.at, updatedBy: changed.by } })
  }
}

/** The id of the bank holidays uploaded last, if any were. */
export async function latestBankHolidayFileId(db: Db): Promise<string | undefined> {
  const [latest] = await db
    .select({ id: bankHolidayFiles.id })
    .from(bankHolidayFiles)
    .orderBy(desc(bankHolidayFiles.uploadedAt))
    .limit(1)
  return latest?.id
}

export async function bankHolidayFile(db: Db, id: string) {
  const [row] = await db.select().from(bankHolidayFiles).where(eq(bankHolidayFiles.id, id))
  return row
}

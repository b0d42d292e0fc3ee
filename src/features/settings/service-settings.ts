// Service-wide settings that administrators change. Each is read through zod with its default,
// so a missing or damaged value never breaks a page.
import { z } from 'zod'
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { recordChange } from '../audit/index.ts'
import { createCalendar, createShippedCalendar, type Calendar } from '../../domain/calendar.ts'
import { bankHolidayFile, latestBankHolidayFileId, saveSettings, settingRows } from './repository.ts'

/** Each setting's allowed values; what is stored is checked against these before it is written. */
const settingRules = {
  /** How the August and Christmas exclusions move an SEN appeal deadline (rules.md: IPSEA's reading by default). */
  appealExclusion: z.enum(['move-out', 'skip-days', 'none']),
  /** Working days after inviting (or chasing) a party before a chaser is suggested. */
  chaserWorkingDays: z.number().int().min(1).max(30),
  /** A deadline this many working days away or fewer is "due soon". */
  dueSoonWorkingDays: z.number().int().min(1).max(20),
  /** Working days before a meeting that each party is sent a reminder of it. */
  meetingReminderDays: z.number().int().min(1).max(10),
}

/** The settings as read: a missing or damaged value reads as its default. */
export const settingsSchema = z.object({
  appealExclusion: settingRules.appealExclusion.catch('move-out'),
  chaserWorkingDays: settingRules.chaserWorkingDays.catch(5),
  dueSoonWorkingDays: settingRules.dueSoonWorkingDays.catch(5),
  meetingReminderDays: settingRules.meetingReminderDays.catch(2),
})
// Only the settings named here are written: anything else in `values` is left out.
const settingsToWrite = z.object(settingRules).partial()
export type ServiceSettings = z.infer<typeof settingsSchema>

export async function readSettings(db: Db): Promise<ServiceSettings> {
  const rows = await settingRows(db)
  return settingsSchema.parse(Object.fromEntries(rows.map((r) => [r.key, r.value])))
}

/** Writes the settings given, with the change (each setting before and after) in the audit trail. */
export async function writeSettings(
  db: Db,
  clock: Clock,
  values: Partial<ServiceSettings>,
  userId: string,
  ip: string | null = null,
) {
  const written = settingsToWrite.parse(values)
  await db.transaction(async (tx) => {
    const was = settingsSchema.parse(Object.fromEntries((await settingRows(tx)).map((r) => [r.key, r.value])))
    await saveSettings(tx, written, { at: clock.now(), by: userId })
    await recordChange(tx, clock, {
      by: { userId, ip },
      action: 'settings.changed',
      record: { kind: 'settings', id: 'service' },
      before: Object.fromEntries(Object.keys(written).map((key) => [key, was[key as keyof ServiceSettings]])),
      after: written,
    })
  })
}

const parsedFiles = new Map<string, Calendar>()
const shipped = createShippedCalendar()

/** The working-day calendar: the newest uploaded bank holidays, else those shipped with Parley. */
export async function currentCalendar(db: Db): Promise<Calendar> {
  const latest = await latestBankHolidayFileId(db)
  if (!latest) return shipped
  let calendar = parsedFiles.get(latest)
  if (!calendar) {
    calendar = createCalendar((await bankHolidayFile(db, latest))!.data)
    parsedFiles.set(latest, calendar)
  }
  return calendar
}

// The working-day calendar's bank holidays: which years it covers, where they came from, and a
// newer GOV.UK file uploaded by an administrator. The newest bank_holiday_files row is the calendar
// (currentCalendar in the settings area). After an upload every open case's deadlines are worked
// out again.
import type { Clock } from '../../../clock.ts'
import type { Db } from '../../../db/client.ts'
import {
  createCalendar,
  parseBankHolidaysFile,
  shippedBankHolidays,
  type BankHolidaysFile,
} from '../../../domain/calendar.ts'
import { addMonths, parseIsoDate } from '../../../domain/dates.ts'
import { refuse, RefusalError, refusalsAsResults, type Result } from '../../../domain/result.ts'
import { recordChange, type AuditActor } from '../../audit/index.ts'
import { currentCalendar } from '../../settings/index.ts'
import { recomputeStatus, requestRecompute, type RecomputeStatus } from '../settings/recompute.ts'
import { insertFile, latestFile, latestUpload } from './repository.ts'

const GOV_UK_HINT = 'Download the latest file from https://www.gov.uk/bank-holidays.json and paste all of it.'

export interface CalendarStatus {
  coveredFromYear: number
  coveredUntilYear: number
  /** The last year of GOV.UK's published bank holidays; the years after it are provisional. */
  publishedUntilYear: number
  /** The last day of the published bank holidays. */
  coveredUntil: string
  /** The published ones end within the next 12 months (or have ended): time to upload a newer file. */
  endingSoon: boolean
  uploaded: { at: Date; by: string | null } | null
  /** Each year of the table, provisional ones marked. */
  years: { year: number; provisional: boolean; holidays: { title: string; date: string; notes: string }[] }[]
  /** How far the working out of deadlines again has got. */
  recomputing: RecomputeStatus
}

export async function calendarStatus(db: Db, clock: Clock): Promise<CalendarStatus> {
  const [calendar, latest, recomputing] = await Promise.all([
    currentCalendar(db),
    latestUpload(db),
    recomputeStatus(db),
  ])
  const coveredUntil = `${calendar.publishedUntilYear}-12-31`
  return {
    coveredFromYear: calendar.coveredFromYear,
    coveredUntilYear: calendar.coveredUntilYear,
    publishedUntilYear: calendar.publishedUntilYear,
    coveredUntil,
    endingSoon: coveredUntil < addMonths(clock.today(), 12),
    uploaded: latest ?? null,
    years: calendar.years(),
    recomputing,
  }
}

export interface Uploaded {
  coveredFromYear: number
  coveredUntilYear: number
  /** The last year the file publishes: the ones after it stay provisional. */
  publishedUntilYear: number
  /** England and Wales years the new file no longer lists, kept from the calendar before. */
  keptYears: { from: number; to: number } | null
}

const yearsOf = (file: BankHolidaysFile) => file['england-and-wales'].events.map((e) => parseIsoDate(e.date).year)

/**
 * Checks a pasted GOV.UK bank-holidays.json and, if it would not shorten the published years, saves it as
 * the calendar, and asks for every open case's deadlines to be worked out again (a job, in the same
 * transaction: see ../settings/recompute.ts). GOV.UK's file drops old years over time, so England and
 * Wales years before the new file's first year are kept from the calendar in use (deadlines of
 * older cases still need them).
 */
export async function uploadBankHolidays(
  db: Db,
  clock: Clock,
  text: string,
  by: AuditActor,
): Promise<Result<Uploaded>> {
  const userId = by.userId!
  const parsed = parseBankHolidaysFile(text)
  if (!parsed.ok) return refuse(parsed.error, 'bankHolidays')
  const uploaded = parsed.data
  const newYears = yearsOf(uploaded)
  const newFirst = Math.min(...newYears)
  const newLast = Math.max(...newYears)

  const saved = await refusalsAsResults(() =>
    db.transaction(async (tx) => {
      const latest = await latestFile(tx)
      const inUse: BankHolidaysFile = latest?.data ?? shippedBankHolidays
      const oldYears = yearsOf(inUse)
      const oldFirst = Math.min(...oldYears)
      const oldLast = Math.max(...oldYears)

      if (newLast < oldLast) {
        throw new RefusalError(
          `This file has England and Wales bank holidays up to ${newLast}, but the calendar Parley uses now goes up to ${oldLast}. ` +
            `Using it would shorten the calendar, so it has not been saved. ${GOV_UK_HINT}`,
          'bankHolidays',
        )
      }
      if (newFirst > oldLast + 1) {
        const missing = newFirst - 1 === oldLast + 1 ? `${oldLast + 1}` : `${oldLast + 1} to ${newFirst - 1}`
        throw new RefusalError(
          `This file starts in ${newFirst}, but the calendar Parley uses now ends in ${oldLast}, so the bank holidays for ${missing} would be missing. ` +
            `It has not been saved. ${GOV_UK_HINT}`,
          'bankHolidays',
        )
      }

      const kept = inUse['england-and-wales'].events.filter((e) => parseIsoDate(e.date).year < newFirst)
      const data: BankHolidaysFile = {
        ...uploaded,
        'england-and-wales': {
          division: 'england-and-wales',
          events: [...kept, ...uploaded['england-and-wales'].events],
        },
      }
      const calendar = createCalendar(data) // checks the joined data as a whole

      // The newest upload is the calendar: never let two share a time (a fixed clock, the same millisecond).
      let uploadedAt = clock.now()
      if (latest && latest.uploadedAt >= uploadedAt) uploadedAt = new Date(latest.uploadedAt.getTime() + 1)
      await insertFile(tx, { data, coveredUntilYear: calendar.publishedUntilYear, uploadedAt, uploadedBy: userId })
      await requestRecompute(tx, clock, { reason: 'bank-holidays', requestedBy: userId })
      await recordChange(tx, clock, {
        by,
        action: 'bank-holidays.uploaded',
        record: { kind: 'settings', id: 'bank-holidays' },
        before: { firstYear: oldFirst, lastYear: oldLast, shipped: !latest },
        after: { publishedUntilYear: calendar.publishedUntilYear, firstYear: newFirst, lastYear: newLast },
      })

      return {
        ok: true as const,
        coveredFromYear: calendar.coveredFromYear,
        coveredUntilYear: calendar.coveredUntilYear,
        publishedUntilYear: calendar.publishedUntilYear,
        keptYears: kept.length ? { from: oldFirst, to: newFirst - 1 } : null,
      }
    }),
  )
  return saved
}

// The service settings (how the August and Christmas exclusions move SEN appeal deadlines, when a
// chaser is suggested, what counts as "due soon"), with each council's update cadence shown (it is
// changed on the council's page). A change that moves deadlines works out the open cases' deadlines again.
import type { Clock } from '../../../clock.ts'
import type { Db } from '../../../db/client.ts'
import type { Calendar } from '../../../domain/calendar.ts'
import { computeDeadlines, type AppealExclusion } from '../../../domain/clocks.ts'
import { addMonths } from '../../../domain/dates.ts'
import { refuse, type Result } from '../../../domain/result.ts'
import { currentCalendar, readSettings, writeSettings, type ServiceSettings } from '../../settings/index.ts'
import type { AuditActor } from '../../audit/index.ts'
import { cadencesByName } from '../authorities-repository.ts'
import { exclusionNames, settingNames } from './names.ts'
import { recomputeStatus, requestRecompute } from './recompute.ts'
import { settingChanges } from './repository.ts'
import { appealExclusions } from './schema.ts'

/** What the page showed, to notice a change made by someone else before the form comes back. */
const fingerprint = (s: ServiceSettings) =>
  `${s.appealExclusion}/${s.chaserWorkingDays}/${s.dueSoonWorkingDays}/${s.meetingReminderDays}`

/** The last day to appeal from a decision letter alone, under each reading: worked out, not typed. */
function appealExamples(calendar: Calendar, year: string) {
  return [`${year}-06-10`, `${year}-07-10`, `${year}-10-27`].map((letter) => {
    const dueUnder = Object.fromEntries(
      appealExclusions.map((exclusion) => {
        const deadlines = computeDeadlines([{ type: 'decision-letter-sent', date: letter, data: {} }], {
          calendar,
          appealExclusion: exclusion,
        })
        return [exclusion, deadlines.find((d) => d.name === 'appeal')?.dueDate ?? '']
      }),
    ) as Record<AppealExclusion, string>
    return { letter, twoMonths: addMonths(letter, 2), dueUnder }
  })
}

export interface SettingsSaved {
  from: ServiceSettings
  /** Only what differs from the settings before: empty when nothing did. */
  changed: Partial<ServiceSettings>
  /** The change moves deadlines: the open cases' are being worked out again (a job). */
  recomputing?: boolean
}

export function createSettingsAdminService(db: Db, clock: Clock) {
  return {
    /** Everything the settings page shows. */
    async page() {
      const [current, calendar, authorities, changes, recomputing] = await Promise.all([
        readSettings(db),
        currentCalendar(db),
        cadencesByName(db),
        settingChanges(db),
        recomputeStatus(db),
      ])
      return {
        current,
        shown: fingerprint(current),
        authorities,
        changes: changes
          .filter((row): row is typeof row & { key: keyof ServiceSettings } => row.key in settingNames)
          .map((row) => ({ ...row, name: settingNames[row.key] })),
        examples: appealExamples(calendar, clock.today().slice(0, 4)),
        recomputing,
      }
    },

    /** Saves the settings chosen on a page that showed `shown`, unless someone changed them since. */
    async save(shown: string, chosen: ServiceSettings, by: AuditActor): Promise<Result<SettingsSaved>> {
      const userId = by.userId!
      const current = await readSettings(db)
      if (shown !== fingerprint(current)) {
        return refuse(
          `Someone else changed these settings while you were working on them. They are now: ${exclusionNames[current.appealExclusion].toLowerCase()}; ` +
            `a chaser after ${current.chaserWorkingDays} working days; due soon within ${current.dueSoonWorkingDays} working days; meeting reminders ${current.meetingReminderDays} working days before. Check your choices and save again`,
          'appealExclusion',
        )
      }
      const changed = Object.fromEntries(
        (Object.keys(chosen) as (keyof ServiceSettings)[])
          .filter((key) => chosen[key] !== current[key])
          .map((key) => [key, chosen[key]]),
      ) as Partial<ServiceSettings>
      if (Object.keys(changed).length === 0) return { ok: true, from: current, changed }
      await writeSettings(db, clock, changed, userId, by.ip)
      // The appeal deadline and the chasers in the deadline index move with these two.
      const reason = changed.appealExclusion
        ? 'appeal-exclusion'
        : changed.chaserWorkingDays
          ? 'chaser-interval'
          : undefined
      if (!reason) return { ok: true, from: current, changed }
      await requestRecompute(db, clock, { reason, requestedBy: userId })
      return { ok: true, from: current, changed, recomputing: true }
    },
  }
}

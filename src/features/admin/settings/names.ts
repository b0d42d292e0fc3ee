// What the service settings are called on the page and in its messages.
import type { AppealExclusion } from '../../../domain/clocks.ts'
import type { ServiceSettings } from '../../settings/index.ts'

export const exclusionNames: Record<AppealExclusion, string> = {
  'move-out': 'Move the deadline out of August and 25 December to 1 January',
  'skip-days': 'Do not count the days in August and from 25 December to 1 January',
  none: 'Treat August and 25 December to 1 January like the rest of the year',
}

export const settingNames: Record<keyof ServiceSettings, string> = {
  appealExclusion: 'August and Christmas for appeal deadlines',
  chaserWorkingDays: 'Working days before a chaser is suggested',
  dueSoonWorkingDays: 'Working days that count as due soon',
  meetingReminderDays: 'Working days before a meeting that reminders go out',
}

/** Said after a change that moves deadlines: a job works them out again (recompute.ts). */
export const recomputingText =
  'The deadlines of the cases that are not closed are being worked out again. Service settings shows how far it has got'

// What the sessions area offers others: the reminders job, its message wording, and the figures
// for the council reports.
import type { Config } from '../../config.ts'
import type { LinkDeps } from './notices.ts'

export { sessionFacts, sessionFigures, type SessionFigures } from './figures.ts'
export { queueSessionReminders } from './reminders.ts'
export { sessionSchedules } from './schedules.ts'
export { sessionTemplates } from './templates.ts'

/** What a booking's link is made from, from the settings. */
export const sessionLinks = (config: Pick<Config, 'PUBLIC_URL' | 'SESSION_SECRET'>): LinkDeps => ({
  publicUrl: config.PUBLIC_URL,
  linkSecret: config.SESSION_SECRET,
})

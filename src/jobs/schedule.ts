// Work that Parley does by itself, every few seconds or minutes: ONE list. Each task runs on one
// instance at a time (src/jobs/index.ts), whatever the number of instances. A task must be safe to
// run again: it works out what is due from the database each time (a reminder uses a dedupeKey,
// so running twice queues one message).
import type { Clock } from '../clock.ts'
import type { Config } from '../config.ts'
import type { Db } from '../db/client.ts'
import { RECOMPUTE_DEADLINES, runRecomputes } from '../features/admin/index.ts'
import { queueDueCheckIns } from '../features/agreements/index.ts'
import { anchorAudit } from '../features/audit/index.ts'
import { runDueImports } from '../features/imports/index.ts'
import { deleteForgottenSignInFailures } from '../features/auth/index.ts'
import { queueMeetingReminders } from '../features/meetings/index.ts'
import { deliverDueMessages, type Transports } from '../features/messages/index.ts'
import { runDueReports } from '../features/reports/index.ts'
import { runRetention } from '../features/retention/index.ts'
import { runRightsExports } from '../features/rights/index.ts'
import { queueSessionReminders, sessionLinks } from '../features/sessions/index.ts'
import { deleteEndedRateLimits } from '../web/rate-limit-store.ts'
import { deleteExpiredSessions } from '../web/session.ts'

export interface TaskContext {
  db: Db
  clock: Clock
  config: Config
  /** How messages leave Parley (only the delivery task needs them). */
  transports: Transports
  /** The job runner's log, for a task that reports what it did (the audit anchor). */
  logger?: { info(message: string): void }
}

export interface PeriodicTask {
  /** Also the pg-boss queue's name. */
  name: string
  everySeconds: number
  run(context: TaskContext): Promise<unknown>
}

export const DELIVER_MESSAGES = 'deliver-messages'
export const AUDIT_ANCHOR = 'audit-anchor'

export const periodicTasks: PeriodicTask[] = [
  // The outbox: anything due, including what a crashed worker left half done.
  {
    name: DELIVER_MESSAGES,
    everySeconds: 5,
    run: ({ db, clock, transports, config }) =>
      deliverAll({ db, clock, transports, leaseSeconds: config.MESSAGE_LEASE_SECONDS }),
  },
  // Agreement points that fell due: a check-in to the person responsible and the family, once per point.
  { name: 'agreement-check-ins', everySeconds: 3600, run: ({ db, clock }) => queueDueCheckIns({ db, clock }) },
  // Ended sessions, rate-limit windows and failed sign-ins long past: forgotten, so that no table grows for ever.
  {
    name: 'tidy-sessions-and-limits',
    everySeconds: 600,
    run: async ({ db, clock }) => {
      await deleteExpiredSessions(db, clock)
      await deleteEndedRateLimits(db, clock)
      await deleteForgottenSignInFailures(db, clock.now())
    },
  },
  // Meeting reminders, the set number of working days before: once per party and version of the meeting.
  { name: 'meeting-reminders', everySeconds: 3600, run: ({ db, clock }) => queueMeetingReminders({ db, clock }) },
  // Information session reminders, the day before: once per booking and version of the session (features/sessions).
  {
    name: 'session-reminders',
    everySeconds: 3600,
    run: ({ db, clock, config }) => queueSessionReminders({ db, clock, links: sessionLinks(config) }),
  },
  // Long reports asked for on the reports pages, a month at a time with their progress, one at a time.
  { name: 'report-runs', everySeconds: 5, run: ({ db, clock }) => runDueReports({ db, clock }) },
  // Files of existing cases imported (and imports undone), a chunk at a time with progress, one at a time (features/imports).
  { name: 'case-imports', everySeconds: 5, run: ({ db, clock }) => runDueImports({ db, clock }) },
  // Subject access exports too large to build while staff wait (features/rights).
  { name: 'rights-exports', everySeconds: 10, run: ({ db, clock }) => runRightsExports({ db, clock }) },
  // Deadlines worked out again after a change that moves them, a batch at a time, with progress (features/admin).
  { name: RECOMPUTE_DEADLINES, everySeconds: 5, run: ({ db, clock }) => runRecomputes({ db, clock }) },
  // The audit's hash chains anchored: each chain's last link to the log and to AUDIT_ANCHOR_FILE (features/audit).
  {
    name: AUDIT_ANCHOR,
    everySeconds: 3600,
    run: ({ db, clock, config, logger }) =>
      anchorAudit({ db, clock, file: config.AUDIT_ANCHOR_FILE, log: (m) => logger?.info(m) }),
  },
  // What each council's retention schedule says is due: anonymised, a case at a time, logged (features/retention).
  { name: 'retention', everySeconds: 6 * 3600, run: ({ db, clock }) => runRetention({ db, clock }) },
]

/** Delivers until nothing more is due (in batches, so one run never holds on for ever). */
export async function deliverAll({
  db,
  clock,
  transports,
  leaseSeconds,
}: Pick<TaskContext, 'db' | 'clock' | 'transports'> & { leaseSeconds?: number }) {
  const total = { sent: 0, retrying: 0, failed: 0, kept: 0 }
  for (let round = 0; round < 20; round++) {
    const report = await deliverDueMessages({ db, clock, transports, limit: 50, leaseSeconds })
    total.sent += report.sent
    total.retrying += report.retrying
    total.failed += report.failed
    total.kept += report.kept
    if (report.sent + report.retrying + report.failed < 50) break
  }
  return total
}

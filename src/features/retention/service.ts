// The retention schedule at work: each council's schedule (with the defaults), what the next run
// will anonymise, legal holds placed and lifted (audited), and the job's run, a batch at a time.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import {
  defaultRetention,
  endedOnOrBefore,
  type HoldReason,
  type RetentionKind,
  type RetentionSchedule,
} from '../../domain/retention.ts'
import { recordChange, type AuditActor } from '../audit/index.ts'
import { anonymiseCase } from './anonymise.ts'
import {
  caseByReference,
  councilsWithSchedules,
  dueCases,
  finishRun,
  holdForUpdate,
  insertHold,
  holdById,
  liftHoldRow,
  liveHoldOf,
  liveHolds,
  runsPage,
  saveSchedule,
  scheduleRow,
  startRun,
  type DueAfter,
  type PageAfter,
} from './repository.ts'

/** Cases anonymised a transaction at a time, read this many at a time. */
const BATCH = 50

export async function scheduleOf(db: Db, councilId: string): Promise<RetentionSchedule & { own: boolean }> {
  const row = await scheduleRow(db, councilId)
  return row
    ? { enquiryMonths: row.enquiryMonths, caseMonths: row.caseMonths, own: true }
    : { ...defaultRetention, own: false }
}

/** Every council's schedule, its own or the defaults. */
export async function schedules(db: Db) {
  return (await councilsWithSchedules(db)).map((c) => ({
    id: c.id,
    name: c.name,
    own: c.enquiryMonths !== null,
    enquiryMonths: c.enquiryMonths ?? defaultRetention.enquiryMonths,
    caseMonths: c.caseMonths ?? defaultRetention.caseMonths,
  }))
}

export async function changeSchedule(
  deps: { db: Db; clock: Clock },
  councilId: string,
  next: RetentionSchedule,
  by: AuditActor,
) {
  const before = await scheduleOf(deps.db, councilId)
  await deps.db.transaction(async (tx) => {
    await saveSchedule(tx, { localAuthorityId: councilId, ...next, updatedBy: by.userId, updatedAt: deps.clock.now() })
    await recordChange(tx, deps.clock, {
      by,
      action: 'retention.schedule-changed',
      record: { kind: 'retention-schedule', id: councilId },
      before: { enquiryMonths: before.enquiryMonths, caseMonths: before.caseMonths, own: before.own },
      after: { ...next },
    })
  })
}

/** The day each kind must have ended by to be anonymised today, for the council. */
export async function endedBy(db: Db, councilId: string, today: string): Promise<Record<RetentionKind, string>> {
  const s = await scheduleOf(db, councilId)
  return { enquiry: endedOnOrBefore(today, s.enquiryMonths), case: endedOnOrBefore(today, s.caseMonths) }
}

/** What the next run will anonymise for a council, a page at a time. */
export async function nextRunPage(
  deps: { db: Db; clock: Clock },
  councilId: string,
  after: DueAfter | undefined,
  limit: number,
) {
  const by = await endedBy(deps.db, councilId, deps.clock.today())
  return { endedBy: by, rows: await dueCases(deps.db, { councilId, endedBy: by, after, limit }) }
}

export type HoldResult = { ok: true; id: string } | { ok: false; field: 'reference'; message: string }

export async function placeHold(
  deps: { db: Db; clock: Clock },
  input: { reference: string; reason: HoldReason; note: string },
  by: AuditActor,
): Promise<HoldResult> {
  const found = await caseByReference(deps.db, input.reference.trim().toUpperCase())
  if (!found) return { ok: false, field: 'reference', message: 'There is no case with that reference' }
  const live = await liveHoldOf(deps.db, found.id)
  if (live) return { ok: true, id: live.id }
  return deps.db.transaction(async (tx) => {
    const made = await insertHold(tx, {
      caseId: found.id,
      reason: input.reason,
      note: input.note,
      placedBy: by.userId,
      placedAt: deps.clock.now(),
    })
    // Another request placed one at the same moment: that one stands.
    if (!made) return { ok: true as const, id: (await liveHoldOf(tx, found.id))!.id }
    await recordChange(tx, deps.clock, {
      by,
      action: 'retention.hold-placed',
      record: { kind: 'legal-hold', id: made.id, caseId: found.id },
      before: null,
      after: { reference: found.reference, reason: input.reason, note: input.note },
    })
    return { ok: true as const, id: made.id }
  })
}

export async function liftHold(deps: { db: Db; clock: Clock }, id: string, note: string, by: AuditActor) {
  return deps.db.transaction(async (tx) => {
    const hold = await holdForUpdate(tx, id)
    if (!hold) return { ok: false as const }
    if (hold.liftedAt) return { ok: true as const, already: true }
    await liftHoldRow(tx, id, by.userId, deps.clock.now(), note)
    await recordChange(tx, deps.clock, {
      by,
      action: 'retention.hold-lifted',
      record: { kind: 'legal-hold', id, caseId: hold.caseId },
      before: { reason: hold.reason, note: hold.note },
      after: { reason: hold.reason, note: hold.note, liftNote: note },
    })
    return { ok: true as const, already: false }
  })
}

/**
 * One run of the retention job: for each council and kind, what is due, oldest first, a batch at
 * a time by the index (never one statement over the whole table), each case in a transaction of
 * its own, so a run stopped half way keeps what it did and the next run goes on. Logged as it ends.
 */
export async function runRetention(deps: { db: Db; clock: Clock }, options: { maxCases?: number } = {}) {
  const { db, clock } = deps
  const max = options.maxCases ?? 20_000
  const run = await startRun(db, clock.now())
  const byCouncil: Record<string, { name: string; enquiries: number; cases: number }> = {}
  let anonymised = 0
  let skippedHeld = 0
  const failed: string[] = []
  try {
    for (const council of await councilsWithSchedules(db)) {
      const by = await endedBy(db, council.id, clock.today())
      let after: DueAfter | undefined
      for (;;) {
        const batch = await dueCases(db, {
          councilId: council.id,
          endedBy: by,
          after,
          limit: Math.min(BATCH, max - anonymised),
          withHeld: true,
        })
        for (const due of batch) {
          // A case that cannot be done (its data not as expected) is left for the next run and named
          // in the log by its id only (a failed query's message may hold its values): the rest go on.
          const done = await anonymiseCase({ db, clock }, due.caseId, {
            by: { userId: null, ip: null },
            why: 'retention',
          }).catch(() => {
            failed.push(due.caseId)
            return undefined
          })
          if (!done) continue
          if (done.ok && !done.already) {
            anonymised++
            const tally = (byCouncil[council.id] ??= { name: council.name, enquiries: 0, cases: 0 })
            if (done.kind === 'enquiry') tally.enquiries++
            else tally.cases++
          } else if (!done.ok && (done.code === 'held' || done.code === 'complaint-open')) skippedHeld++
        }
        const last = batch.at(-1)
        if (!last || batch.length < BATCH || anonymised >= max) break
        after = { closedOn: last.closedOn, caseId: last.caseId }
      }
      if (anonymised >= max) break
    }
    const error = failed.length
      ? `${failed.length} could not be anonymised and will be tried again; the first was the case with the id ${failed[0]}`
      : null
    await finishRun(db, run.id, { status: 'done', finishedAt: clock.now(), anonymised, skippedHeld, byCouncil, error })
  } catch (err) {
    await finishRun(db, run.id, {
      status: 'failed',
      finishedAt: clock.now(),
      anonymised,
      skippedHeld,
      byCouncil,
      // Never the database's own message: a failed query's may hold the values it was given.
      error: 'The run stopped with a problem: the job log says what (it goes on at the next run)',
    })
    throw err
  }
  return { runId: run.id, anonymised, skippedHeld, byCouncil, failed }
}

/** The holds in place, newest first, a page at a time. */
export const holdsPage = (db: Db, q: { after?: PageAfter; limit: number }) => liveHolds(db, q)

/** A hold still in place, for lifting (undefined when there is none, or it is lifted). */
export async function liveHold(db: Db, id: string) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined
  const found = await holdById(db, id)
  return found && !found.hold.liftedAt ? found : undefined
}

/** The job's runs, newest first, a page at a time. */
export const runsLog = (db: Db, q: { after?: PageAfter; limit: number }) => runsPage(db, q)

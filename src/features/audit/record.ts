// Recording a change to something that is not a case (a council, a staff account, ...): who made
// it, from where, what it was and the record before and after, in the same transaction as the
// change itself, so a change is never saved without its record. (Changes to a case are case events.)
import { z } from 'zod'
import type { Clock } from '../../clock.ts'
import type { Db, Tx } from '../../db/client.ts'
import type { AuditState } from '../../db/schema/index.ts'
import { insertChange } from './repository.ts'

/** Who made a change and from where: a member of staff over the web, or nobody (a command on the server). */
export interface AuditActor {
  userId: string | null
  ip: string | null
}

export interface Change {
  by: AuditActor
  /** What was done, as a short name: 'council.created', 'staff.councils-changed', ... */
  action: string
  /** Which record: its kind ('council', 'staff-account', ...) and id, and the case it belongs to, if any. */
  record: { kind: string; id: string; caseId?: string | null }
  /** The record's fields before the change (null when it is new) and after (null when it is gone). */
  before: AuditState | null
  after: AuditState | null
}

// A record's fields as JSON: dates become their ISO text before they are checked.
const stateSchema = z.record(z.string(), z.json()).nullable()
const asJson = (state: AuditState | null) =>
  stateSchema.parse(state === null ? null : JSON.parse(JSON.stringify(state)))

export async function recordChange(tx: Tx, clock: Clock, change: Change): Promise<void> {
  await insertChange(tx, {
    at: clock.now(),
    userId: change.by.userId,
    ip: change.by.ip,
    action: z.string().min(1).max(100).parse(change.action),
    recordKind: z.string().min(1).max(100).parse(change.record.kind),
    recordId: z.string().min(1).max(200).parse(change.record.id),
    caseId: change.record.caseId ?? null,
    before: asJson(change.before),
    after: asJson(change.after),
  })
}

/**
 * An entry that is not part of a change of its own (a download, a sign-in): written in a
 * transaction of its own, and awaited, so that what it records happens only once it is kept.
 */
export async function recordEntry(db: Db, clock: Clock, entry: Change): Promise<void> {
  await db.transaction((tx) => recordChange(tx, clock, entry))
}

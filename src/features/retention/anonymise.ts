// Anonymising one case or enquiry, now: by the retention job when its time has come, or for an
// erasure request (src/features/rights). One transaction: names, contact details, free text and
// documents go; the facts the reports count stay, so every report gives the same figures after.
// Its own event on the case says when and why. Case events and audit trail entries are changed
// only through audit_redact (migration 0019), so audit-verify still finds every chain intact.
import type { Clock } from '../../clock.ts'
import type { Db, Tx } from '../../db/client.ts'
import {
  REMOVED,
  birthYearOnly,
  personalPaths,
  postcodeDistrict,
  withoutPersonal,
  type RetentionKind,
} from '../../domain/retention.ts'
import type { AuditActor } from '../audit/index.ts'
import { appendEvent } from '../cases/index.ts'
import {
  anonymiseColumns,
  auditRowsOfCase,
  forgetSearchNames,
  jsonOfCase,
  kindAndEnd,
  lockCaseToAnonymise,
  markAnonymised,
  redact,
  writeJson,
} from './anonymise-repository.ts'

export type AnonymiseWhy = 'retention' | 'erasure'

export interface AnonymiseOptions {
  /** Who asks: a member of staff (an erasure request), or nobody (the retention job). */
  by: AuditActor
  why: AnonymiseWhy
  /** Who it was, as the case's timeline shows it ("Retention schedule" or "Erasure request" when unset). */
  label?: string
}

export type AnonymiseResult =
  | {
      ok: true
      /** True when the case had been anonymised before (nothing more was done). */
      already: boolean
      kind: RetentionKind
      councilId: string
      anonymisedAt: Date
    }
  | {
      ok: false
      /** not-found; open: the case has not ended; held: a legal hold; complaint-open: a complaint about it is open. */
      code: 'not-found' | 'open' | 'held' | 'complaint-open'
      reason: string
    }

const ENDED = ['closed', 'withdrawn', 'could-not-proceed']

/**
 * Anonymises a case or an enquiry (both are cases: an enquiry is a case that went no further).
 * Refused while it is open, under a legal hold, or while a complaint about it is open. Doing it
 * again answers ok with `already`.
 */
export async function anonymiseCase(
  deps: { db: Db; clock: Clock },
  caseId: string,
  options: AnonymiseOptions,
): Promise<AnonymiseResult> {
  const { db, clock } = deps
  return db.transaction((tx) => anonymiseIn(tx, clock, caseId, options))
}

/** The same, in the caller's transaction (the retention job's batch). */
export async function anonymiseIn(
  tx: Tx,
  clock: Clock,
  caseId: string,
  options: AnonymiseOptions,
): Promise<AnonymiseResult> {
  const c = await lockCaseToAnonymise(tx, caseId)
  if (!c) return { ok: false, code: 'not-found', reason: 'There is no such case.' }
  const { kind, closedOn } = await kindAndEnd(tx, caseId)
  if (c.anonymisedAt)
    return { ok: true, already: true, kind, councilId: c.localAuthorityId, anonymisedAt: c.anonymisedAt }
  if (!ENDED.includes(c.status)) {
    return { ok: false, code: 'open', reason: 'The case is still open: close or withdraw it first.' }
  }
  if (c.held) return { ok: false, code: 'held', reason: 'The case is under a legal hold: lift the hold first.' }
  if (c.openComplaint) {
    return { ok: false, code: 'complaint-open', reason: 'A complaint about the case is still open.' }
  }

  const now = clock.now()
  const request = withoutPersonal(c.request)
  const child = (request.child ?? {}) as Record<string, unknown>
  const dateOfBirth = birthYearOnly(c.childDateOfBirth)
  const postcode = postcodeDistrict(c.childPostcode)
  request.child = { ...child, dateOfBirth, postcode }
  await anonymiseColumns(tx, { id: caseId, request, childDateOfBirth: dateOfBirth, childPostcode: postcode, now })
  await forgetSearchNames(tx, caseId)
  for (const row of await jsonOfCase(tx, caseId)) {
    const value = row.col === 'not_agreed' && Array.isArray(row.value) ? row.value.map(() => REMOVED) : row.value
    const cleaned = withoutPersonal(value)
    if (JSON.stringify(cleaned) !== JSON.stringify(row.value)) await writeJson(tx, row, cleaned)
  }

  // The audit tables: only the personal fields, through the one narrow path.
  const byUser = options.by.userId
  const { events, entries } = await auditRowsOfCase(tx, caseId)
  for (const event of events) {
    const paths = personalPaths(event.data).map((p) => ['data', ...p])
    if (paths.length) await redact(tx, 'case_events', Number(event.id), paths, now, byUser, options.why)
  }
  for (const entry of entries) {
    const paths = [
      ...personalPaths(entry.before).map((p) => ['before', ...p]),
      ...personalPaths(entry.after).map((p) => ['after', ...p]),
    ]
    if (paths.length) await redact(tx, 'audit_trail', Number(entry.id), paths, now, byUser, options.why)
  }

  await appendEvent(tx, clock, {
    caseId,
    type: 'anonymised',
    actor: {
      ...(byUser ? { userId: byUser } : {}),
      label: options.label ?? (options.why === 'retention' ? 'Retention schedule' : 'Erasure request'),
    },
    data: { why: options.why },
  })
  await markAnonymised(tx, {
    id: caseId,
    localAuthorityId: c.localAuthorityId,
    kind,
    closedOn,
    at: now,
    why: options.why,
  })
  return { ok: true, already: false, kind, councilId: c.localAuthorityId, anonymisedAt: now }
}

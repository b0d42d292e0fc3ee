// People's rights requests, from recording to done: recorded once per form (due one calendar month
// from the day received, UK GDPR art. 12(3)); where the person was found, picked from the search;
// a rectification or erasure decided (accepted or refused, with the reasons kept); then carried out
// (a correction through the case's own pages, an erasure as the case's anonymisation) and marked
// done with what was done. Every change is in the audit trail, with the request before and after.
import type { Clock } from '../../clock.ts'
import type { Db, Tx } from '../../db/client.ts'
import type { RightsMatch } from '../../db/schema/index.ts'
import { oncePerKey } from '../../db/once-per-key.ts'
import type { Calendar } from '../../domain/calendar.ts'
import { addMonths } from '../../domain/dates.ts'
import { RefusalError, refusalsAsResults, type Result } from '../../domain/result.ts'
import { worksFor, type StaffUser } from '../../domain/staff.ts'
import { recordChange, type AuditActor } from '../audit/index.ts'
import { visibleCases } from '../cases/index.ts'
import { currentCalendar } from '../settings/index.ts'
import { canSeeRequest, handlesRights } from './access.ts'
import { erasureBlockers } from './erasure.ts'
import { visibleOf } from './find-repository.ts'
import type { RightsKind } from './labels.ts'
import { insertRequest, lockRequest, nextRequestNumber, updateRequest, type RightsRequestRow } from './repository.ts'

export const formatRightsReference = (year: number, n: number) => `DPR-${year}-${String(n).padStart(6, '0')}`

/**
 * One calendar month from the day received: the same date next month, or that month's last day;
 * on a weekend or bank holiday, the next working day (as the ICO counts it).
 */
export const rightsDueOn = (calendar: Calendar, receivedOn: string) =>
  calendar.nextWorkingDayOnOrAfter(addMonths(receivedOn, 1))

export interface NewRightsRequest {
  kind: RightsKind
  councilId: string
  requesterName: string
  requesterRelationship: string
  subjectName: string
  subjectEmail: string
  subjectPhone: string
  subjectDateOfBirth?: string
  details: string
  receivedOn: string
  submissionKey: string
}

const keyOf = (m: RightsMatch) => `${m.caseId}:${m.as}:${m.partyId ?? ''}`

const notFound = () => new RefusalError('There is no such request.', undefined, 'not-found')

/** What the audit keeps of a request: every field but its bookkeeping. */
const audited = (r: RightsRequestRow) => {
  const { createdAt: _c, updatedAt: _u, ...rest } = r
  return rest
}

export function createRightsService({ db, clock }: { db: Db; clock: Clock }) {
  /** The request, locked, if this person may change it and nobody changed it since they read it. */
  async function lockFor(tx: Tx, user: StaffUser, id: string, version: number) {
    const row = await lockRequest(tx, id)
    if (!row || !canSeeRequest(user, row)) throw notFound()
    if (row.version !== version)
      throw new RefusalError('Someone else changed this request. Check it again, then try again.', undefined, 'stale')
    return row
  }

  async function change(
    tx: Tx,
    by: AuditActor,
    before: RightsRequestRow,
    action: string,
    set: Partial<RightsRequestRow>,
  ) {
    const after = await updateRequest(tx, before.id, {
      ...set,
      version: before.version + 1,
      updatedAt: clock.now(),
    })
    await recordChange(tx, clock, {
      by,
      action,
      record: { kind: 'rights-request', id: before.id },
      before: audited(before),
      after: audited(after),
    })
    return after
  }

  return {
    /** Records a request, once per form, for a council this person works for. */
    record(user: StaffUser, by: AuditActor, input: NewRightsRequest): Promise<Result<{ id: string }>> {
      return refusalsAsResults(() =>
        oncePerKey(db, clock, input.submissionKey, async (tx) => {
          if (!handlesRights(user)) throw notFound()
          if (!worksFor(user, input.councilId)) throw new RefusalError('Select the council', 'council')
          const now = clock.now()
          const row = await insertRequest(tx, {
            reference: formatRightsReference(Number(input.receivedOn.slice(0, 4)), await nextRequestNumber(tx)),
            kind: input.kind,
            localAuthorityId: input.councilId,
            requesterName: input.requesterName,
            requesterRelationship: input.requesterRelationship,
            subjectName: input.subjectName,
            subjectEmail: input.subjectEmail || null,
            subjectPhone: input.subjectPhone || null,
            subjectDateOfBirth: input.subjectDateOfBirth ?? null,
            details: input.details,
            receivedOn: input.receivedOn,
            dueOn: rightsDueOn(await currentCalendar(tx as unknown as Db), input.receivedOn),
            status: 'open',
            createdBy: user.id,
            createdAt: now,
            updatedAt: now,
          })
          await recordChange(tx, clock, {
            by,
            action: 'rights.recorded',
            record: { kind: 'rights-request', id: row.id },
            before: null,
            after: audited(row),
          })
          return { ok: true as const, id: row.id }
        }),
      )
    },

    /**
     * Keeps where the person was found: of the people `shown` on the page, those `picked` (in cases
     * this person may see); matches the page did not show are kept as they were.
     */
    chooseMatches(
      user: StaffUser,
      by: AuditActor,
      id: string,
      version: number,
      choice: { shown: RightsMatch[]; picked: RightsMatch[] },
    ): Promise<Result> {
      return refusalsAsResults(() =>
        db.transaction(async (tx) => {
          const row = await lockFor(tx, user, id, version)
          if (row.completedAt) throw new RefusalError('This request is done: it cannot change now', 'matches')
          const seen = await visibleOf(tx as unknown as Db, visibleCases(user), [
            ...new Set(choice.picked.map((m) => m.caseId)),
          ])
          const shown = new Set(choice.shown.map(keyOf))
          const kept = row.matches.filter((m) => !shown.has(keyOf(m)))
          const added = choice.picked.filter((m) => seen.has(m.caseId) && !kept.some((k) => keyOf(k) === keyOf(m)))
          const matches = [...kept, ...added.filter((m, i) => added.findIndex((n) => keyOf(n) === keyOf(m)) === i)]
          await change(tx, by, row, 'rights.matches-chosen', { matches })
          return { ok: true as const }
        }),
      )
    },

    /** Accepts or refuses the request, with the reasons; an erasure the law does not allow cannot be accepted. */
    decide(
      user: StaffUser,
      by: AuditActor,
      id: string,
      version: number,
      decision: { accepted: boolean; reason: string },
    ): Promise<Result> {
      return refusalsAsResults(() =>
        db.transaction(async (tx) => {
          const row = await lockFor(tx, user, id, version)
          if (row.completedAt) throw new RefusalError('This request is done: it cannot change now', 'decision')
          if (decision.accepted && row.kind === 'erasure') {
            const stops = await erasureBlockers(tx as unknown as Db, row.matches)
            if (stops.length)
              throw new RefusalError(
                `The data cannot be erased: ${stops.join('; ')}. Refuse the request and give this as the reason`,
                'decision',
              )
          }
          await change(tx, by, row, 'rights.decided', {
            decision: decision.accepted ? 'accepted' : 'refused',
            decisionReason: decision.reason,
            decidedBy: user.id,
            decidedAt: clock.now(),
            status: decision.accepted ? 'accepted' : 'refused',
            // A refusal is the end of the request: the person is told why, and of their right to complain.
            ...(decision.accepted ? {} : { completedAt: clock.now(), completedBy: user.id, outcome: decision.reason }),
          })
          return { ok: true as const }
        }),
      )
    },

    /**
     * Marks the request done, with what was done: the copy released, the corrections made (through
     * the case pages), or, for an erasure, after `carryOut` has anonymised each case in this transaction.
     */
    complete(
      user: StaffUser,
      by: AuditActor,
      id: string,
      version: number,
      outcome: string,
      carryOut?: (tx: Tx, row: RightsRequestRow) => Promise<void>,
    ): Promise<Result> {
      return refusalsAsResults(() =>
        db.transaction(async (tx) => {
          const row = await lockFor(tx, user, id, version)
          if (row.completedAt) throw new RefusalError('This request is already done', 'outcome')
          if (row.kind !== 'access' && row.decision !== 'accepted')
            throw new RefusalError('Decide the request before carrying it out', 'outcome')
          if (row.kind !== 'access' && !row.matches.length)
            throw new RefusalError('Choose where the person was found first', 'outcome')
          if (carryOut) await carryOut(tx, row)
          await change(tx, by, row, 'rights.done', {
            status: 'done',
            outcome,
            completedAt: clock.now(),
            completedBy: user.id,
          })
          return { ok: true as const }
        }),
      )
    },
  }
}

export type RightsService = ReturnType<typeof createRightsService>

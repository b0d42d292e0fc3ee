// Deciding a case's scope: the decision, the case's scope and status, its version and the event,
// in one transaction. A stale version changes nothing.
import { z } from 'zod'
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { refuse, type Result } from '../../domain/result.ts'
import { refreshDeadlineIndex } from './deadline-index.ts'
import { appendEvent, type Actor } from './events.ts'
import { staleMessage, type DecidedScope } from './labels.ts'
import { findAgency, insertScopeDecision, lockCase, updateCase } from './repository.ts'

export interface ScopeDecisionInput {
  caseId: string
  /** The case's version when the form was shown. */
  version: number
  scope: DecidedScope
  reason: string
  /** Required when out of scope; ignored otherwise. */
  agencyId?: string
  actor: Actor & { userId: string }
}

export const agencyRequired = 'Select where you are signposting them to'

/** Statuses a scope decision moves a case on from; a case further along keeps its status. */
const triageStatuses = ['enquiry', 'scope-decided', 'signposted']

export function statusAfterScopeDecision(current: string, scope: DecidedScope): string {
  if (!triageStatuses.includes(current)) return current
  return scope === 'out-of-scope' ? 'signposted' : 'scope-decided'
}

export async function decideScope(db: Db, clock: Clock, input: ScopeDecisionInput): Promise<Result> {
  const outOfScope = input.scope === 'out-of-scope'
  // An agency that is not in the list (or none): the same answer as leaving it out.
  if (outOfScope && !z.guid().safeParse(input.agencyId).success) return refuse(agencyRequired, 'agency')
  return db.transaction(async (tx) => {
    const agency = outOfScope ? await findAgency(tx, input.agencyId!) : undefined
    if (outOfScope && !agency) return refuse(agencyRequired, 'agency')
    const current = await lockCase(tx, input.caseId)
    if (!current || current.version !== input.version) return refuse(staleMessage, undefined, 'stale')

    const now = clock.now()
    await updateCase(tx, input.caseId, {
      scope: input.scope,
      status: statusAfterScopeDecision(current.status, input.scope),
      version: current.version + 1,
      updatedAt: now,
    })
    await insertScopeDecision(tx, {
      caseId: input.caseId,
      scope: input.scope,
      reason: input.reason,
      signpostAgencyId: agency?.id ?? null,
      decidedBy: input.actor.userId,
      decidedAt: now,
    })
    await appendEvent(tx, clock, {
      caseId: input.caseId,
      type: 'scope-decided',
      actor: input.actor,
      data: {
        scope: input.scope,
        reason: input.reason,
        agencyId: agency?.id ?? null,
        agencyName: agency?.name ?? null,
      },
    })
    await refreshDeadlineIndex(tx, clock, input.caseId)
    return { ok: true }
  })
}

// Deciding a case's scope: the decision, the case's scope and status, its version and the event,
// in one transaction. A stale version changes nothing.
import { z } from 'zod'
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { appealSubjectSchema, type AppealSubject } from '../../domain/appeal-subject.ts'
import { refuse, type Result } from '../../domain/result.ts'
import { refreshDeadlineIndex } from './deadline-index.ts'
import { appendEvent, type Actor } from './events.ts'
import { staleMessage, type DecidedScope } from './labels.ts'
import { findAgency, findAgencyByCode, insertScopeDecision, lockCase, updateCase } from './repository.ts'

export interface ScopeDecisionInput {
  caseId: string
  /** The case's version when the form was shown; the API, which shows no form, gives none. */
  version?: number
  scope: DecidedScope
  reason: string
  /** Required when out of scope (by its id from the form, or its code from the API); ignored otherwise. */
  agencyId?: string
  agencyCode?: string
  /** SEN mediation: the decisions and plan sections the appeal is about; ignored otherwise. */
  appealSubject?: AppealSubject
  /** A member of staff (userId), or a council's system through the API. */
  actor: Actor
  /** The day it was decided, when it was earlier than today (the API records it late). */
  occurredOn?: string
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
  const byCode = input.agencyCode !== undefined
  if (outOfScope && !byCode && !z.guid().safeParse(input.agencyId).success) return refuse(agencyRequired, 'agency')
  // The appeal's subject only matters where there is an appeal: SEN mediation.
  const appealSubject =
    input.scope === 'sen-mediation' || input.scope === 'both'
      ? input.appealSubject && appealSubjectSchema.parse(input.appealSubject)
      : undefined
  return db.transaction(async (tx) => {
    const agency = !outOfScope
      ? undefined
      : byCode
        ? await findAgencyByCode(tx, input.agencyCode!)
        : await findAgency(tx, input.agencyId!)
    if (outOfScope && !agency) return refuse(agencyRequired, 'agency')
    const current = await lockCase(tx, input.caseId)
    if (!current) return refuse('There is no such case.', undefined, 'not-found')
    if (input.version !== undefined && current.version !== input.version)
      return refuse(staleMessage, undefined, 'stale')

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
      decidedBy: input.actor.userId ?? null,
      decidedByLabel: input.actor.label,
      appealSubject: appealSubject ?? null,
      decidedAt: now,
    })
    await appendEvent(tx, clock, {
      caseId: input.caseId,
      type: 'scope-decided',
      actor: input.actor,
      occurredOn: input.occurredOn,
      data: {
        scope: input.scope,
        reason: input.reason,
        agencyId: agency?.id ?? null,
        agencyName: agency?.name ?? null,
        ...(appealSubject ? { appealSubject } : {}),
      },
    })
    await refreshDeadlineIndex(tx, clock, input.caseId)
    return { ok: true }
  })
}

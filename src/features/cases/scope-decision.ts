// Deciding a case's scope: the decision, the case's scope and status, its version and the event,
// in one transaction. A stale version changes nothing.
import { and, eq, sql } from 'drizzle-orm'
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { agencies, cases, scopeDecisions } from '../../db/schema/index.ts'
import { refreshDeadlineIndex } from './deadline-index.ts'
import { appendEvent, type Actor } from './events.ts'
import type { DecidedScope } from './labels.ts'

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

export type ScopeDecisionResult = { ok: true } | { ok: false; problem: 'stale' | 'unknown-agency' | 'agency-required' }

/** Statuses a scope decision moves a case on from; a case further along keeps its status. */
const triageStatuses = ['enquiry', 'scope-decided', 'signposted']

export function statusAfterScopeDecision(current: string, scope: DecidedScope): string {
  if (!triageStatuses.includes(current)) return current
  return scope === 'out-of-scope' ? 'signposted' : 'scope-decided'
}

export async function decideScope(db: Db, clock: Clock, input: ScopeDecisionInput): Promise<ScopeDecisionResult> {
  const outOfScope = input.scope === 'out-of-scope'
  if (outOfScope && !input.agencyId) return { ok: false, problem: 'agency-required' }
  return db.transaction(async (tx) => {
    let agency: { id: string; name: string } | undefined
    if (outOfScope) {
      ;[agency] = await tx
        .select({ id: agencies.id, name: agencies.name })
        .from(agencies)
        .where(eq(agencies.id, input.agencyId!))
      if (!agency) return { ok: false, problem: 'unknown-agency' } as const
    }
    const [current] = await tx
      .select({ status: cases.status })
      .from(cases)
      .where(and(eq(cases.id, input.caseId), eq(cases.version, input.version)))
      .for('update')
    if (!current) return { ok: false, problem: 'stale' } as const

    const now = clock.now()
    const [updated] = await tx
      .update(cases)
      .set({
        scope: input.scope,
        status: statusAfterScopeDecision(current.status, input.scope),
        version: sql`${cases.version} + 1`,
        updatedAt: now,
      })
      .where(and(eq(cases.id, input.caseId), eq(cases.version, input.version)))
      .returning({ id: cases.id })
    if (!updated) return { ok: false, problem: 'stale' } as const

    await tx.insert(scopeDecisions).values({
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
    return { ok: true } as const
  })
}

// The scope page of one case: what they asked about, the last decision, and the agencies a case
// out of scope can be signposted to.
import type { Db } from '../../../db/client.ts'
import { disagreementAreas, ehcDecisions } from '../../../domain/request.ts'
import { labelOf, scopeLabel } from '../labels.ts'
import { latestScopeDecision, listAgencies, type CaseRow } from '../repository.ts'

export async function scopePage(db: Db, found: CaseRow) {
  const [agencies, decision] = await Promise.all([listAgencies(db), latestScopeDecision(db, found.id)])
  return {
    agencies,
    decision: decision ? { ...decision, scopeText: scopeLabel(decision.scope) } : undefined,
    asked: {
      areas: (found.request.areas ?? []).map((a) => labelOf(disagreementAreas, a)),
      decision: found.request.decision ? labelOf(ehcDecisions, found.request.decision.kind) : undefined,
    },
  }
}

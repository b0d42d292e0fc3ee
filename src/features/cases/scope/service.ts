// The scope page of one case: what they asked about, the last decision, and the agencies a case
// out of scope can be signposted to (its council's signposting list; every agency if it has none).
import type { Db } from '../../../db/client.ts'
import { disagreementAreas, ehcDecisions } from '../../../domain/request.ts'
import { labelOf, scopeLabel } from '../labels.ts'
import { latestScopeDecision, listAgencies, type CaseRow } from '../repository.ts'
import { councilSignposting } from './repository.ts'

export async function scopePage(db: Db, found: CaseRow) {
  const [listed, decision] = await Promise.all([
    councilSignposting(db, found.localAuthorityId),
    latestScopeDecision(db, found.id),
  ])
  const agencies = listed.length ? listed.map((l) => l.agency) : await listAgencies(db)
  return {
    agencies,
    decision: decision ? { ...decision, scopeText: scopeLabel(decision.scope) } : undefined,
    asked: {
      areas: (found.request.areas ?? []).map((a) => labelOf(disagreementAreas, a)),
      decision: found.request.decision ? labelOf(ehcDecisions, found.request.decision.kind) : undefined,
    },
  }
}

// The panel ranked for one case (domain/allocation.ts): what the case needs from its mediator, and
// each mediator's allocations in the rotation period, read here and passed to the pure ranking.
import { isoDateInLondon, type Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import {
  likelyWindow,
  rankMediators,
  ROTATION_DAYS,
  type CaseNeeds,
  type OrganisationKind,
  type RankedMediator,
} from '../../domain/allocation.ts'
import { createWorkflowService, type CaseRow } from '../cases/index.ts'
import { listMediatorsForAllocation, type MediatorForAllocation } from '../mediators/index.ts'
import { allocationTimes, casePartyRows, localAuthorityOf, mediatorsObjectedTo } from './repository.ts'

export type Candidate = MediatorForAllocation & { allocatedOn: string[] }
export type Ranked = RankedMediator<Candidate>

const partyKinds: Record<string, OrganisationKind> = {
  'local-authority': 'local-authority',
  'social-care': 'local-authority',
  school: 'school',
  health: 'health',
}

export function createRanking({ db, clock }: { db: Db; clock: Clock }) {
  /** What the case needs from its mediator: who is in it, the language, the likely dates. */
  async function caseNeeds(caseRow: CaseRow): Promise<CaseNeeds> {
    const [la, parties, deadlines, upheld] = await Promise.all([
      localAuthorityOf(db, caseRow.localAuthorityId),
      casePartyRows(db, caseRow.id),
      createWorkflowService({ db, clock }).deadlinesOf(caseRow.id),
      mediatorsObjectedTo(db, caseRow.id),
    ])
    const organisations: CaseNeeds['organisations'] = []
    for (const p of parties) {
      const kind = partyKinds[p.role]
      const name = (p.organisation || p.name).trim()
      if (kind && name) organisations.push({ kind, name })
    }
    const facts = caseRow.request
    if (facts.child?.setting?.trim()) organisations.push({ kind: 'school', name: facts.child.setting.trim() })

    const languages = new Set<string>()
    for (const adjustments of [facts.adjustments, ...parties.map((p) => p.adjustments)]) {
      const kinds = adjustments?.kinds ?? []
      if (kinds.includes('bsl')) languages.add('BSL')
      if (kinds.includes('interpreter') && adjustments?.language?.trim()) languages.add(adjustments.language.trim())
    }

    const held = deadlines.find((d) => d.name === 'mediation-held' && d.urgency !== 'met' && d.urgency !== 'stopped')
    return {
      localAuthority: la,
      organisations,
      languages: [...languages],
      window: likelyWindow(clock.today(), held?.dueDate),
      excluded: upheld.map((mediatorId) => ({
        mediatorId,
        reason: "A party's objection to them on this case was upheld",
      })),
    }
  }

  /** The dates each mediator was allocated cases in the rotation period, and their latest (once). */
  async function allocationDates(ids: string[]): Promise<Map<string, string[]>> {
    const out = new Map<string, string[]>()
    const since = new Date(clock.now().getTime() - (ROTATION_DAYS + 1) * 24 * 60 * 60 * 1000)
    const { recent, latestBefore } = await allocationTimes(db, ids, since)
    for (const r of recent) out.set(r.mediatorId, [...(out.get(r.mediatorId) ?? []), isoDateInLondon(r.at)])
    for (const r of latestBefore) {
      if (r.at && !out.has(r.mediatorId)) out.set(r.mediatorId, [isoDateInLondon(new Date(r.at))])
    }
    return out
  }

  /** Every mediator on the panel, ranked and explained for this case, and what the case needs. */
  async function ranking(caseRow: CaseRow): Promise<{ ranked: Ranked[]; needs: CaseNeeds }> {
    const [panel, needs] = await Promise.all([listMediatorsForAllocation(db), caseNeeds(caseRow)])
    const dates = await allocationDates(panel.map((m) => m.id))
    const candidates: Candidate[] = panel.map((m) => ({ ...m, allocatedOn: dates.get(m.id) ?? [] }))
    return { ranked: rankMediators(candidates, needs, clock.today()), needs }
  }

  return { ranking }
}

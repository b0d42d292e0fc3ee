// What each allocation page shows, read in one call per page (in parallel where it can be).
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { findCase, labelOf, partiesOf, partyRoles, type CaseRow } from '../cases/index.ts'
import { createRanking } from './ranking.ts'
import {
  currentAllocation,
  findObjection,
  objectionsOf,
  partiesSentUpdate,
  pastAllocations,
  type CurrentAllocation,
} from './repository.ts'
import { toldNote } from './told-service.ts'

const endings: Record<string, string> = {
  'objection-upheld': "A party's objection was upheld",
  replaced: 'Replaced by another mediator',
  withdrawn: 'Withdrawn',
}

const nameOf = (p: { name: string; organisation: string | null }) => p.name || p.organisation || 'Not named'

export function createAllocationPages({ db, clock }: { db: Db; clock: Clock }) {
  const { ranking } = createRanking({ db, clock })

  /** The parties told who the current mediator is (an update recorded with the note, since the allocation). */
  const toldParties = (caseId: string, allocation: CurrentAllocation) =>
    partiesSentUpdate(db, caseId, allocation.allocatedAt, toldNote(allocation.mediatorName))

  /**
   * The case as the page shows it: as found, or read again when a form was refused (the form
   * then carries the version the case has now).
   */
  const caseNow = async (found: CaseRow, reread: boolean) => (reread && (await findCase(db, found.id))) || found

  return {
    /**
     * /cases/:id/mediator: the mediator, why they were chosen, who has been told, any objections,
     * and earlier allocations; with none allocated, the panel ranked, for those who may allocate
     * (a mediator does not see colleagues' standing).
     */
    async mediatorTab(found: CaseRow, canAllocate: boolean) {
      const [current, past, parties] = await Promise.all([
        currentAllocation(db, found.id),
        pastAllocations(db, found.id),
        partiesOf(db, found.id),
      ])
      const [objections, told, ranked] = await Promise.all([
        current ? objectionsOf(db, current.id) : [],
        current ? toldParties(found.id, current) : new Map<string, Date>(),
        !current && canAllocate ? ranking(found) : undefined,
      ])
      return {
        allocation: current && {
          ...current,
          objections: objections.map((o) => ({
            ...o.objection,
            partyName: nameOf({ name: o.partyName, organisation: o.partyOrganisation }),
            decidedByName: o.decidedByName,
          })),
          parties: parties.map((p) => ({
            id: p.id,
            name: nameOf(p),
            roleText: labelOf(partyRoles, p.role),
            toldAt: told.get(p.id),
          })),
        },
        past: past.map((p) => ({ ...p, endedText: labelOf(endings, p.endedBecause) })),
        ranked: ranked?.ranked,
        needs: ranked?.needs,
      }
    },

    /** /cases/:id/mediator/allocate/:mediatorId: this mediator's place in the ranking, or undefined. */
    async allocatePage(found: CaseRow, mediatorId: string, reread = false) {
      const caseRow = await caseNow(found, reread)
      const choice = (await ranking(caseRow)).ranked.find((r) => r.mediator.id === mediatorId)
      return choice && { caseRow, choice }
    },

    /** /cases/:id/mediator/told/:partyId: the party and the mediator, or undefined without either. */
    async toldPage(found: CaseRow, partyId: string, reread = false) {
      const [caseRow, parties, allocation] = await Promise.all([
        caseNow(found, reread),
        partiesOf(db, found.id),
        currentAllocation(db, found.id),
      ])
      const party = parties.find((p) => p.id === partyId)
      if (!party || !allocation) return undefined
      return {
        caseRow,
        party: { id: party.id, name: nameOf(party) },
        allocation,
        told: toldNote(allocation.mediatorName),
      }
    },

    /** /cases/:id/mediator/objections/new: the mediator (if any) and the parties who may object. */
    async newObjectionPage(found: CaseRow, reread = false) {
      const [caseRow, allocation, parties] = await Promise.all([
        caseNow(found, reread),
        currentAllocation(db, found.id),
        partiesOf(db, found.id),
      ])
      return {
        caseRow,
        allocation,
        parties: parties.map((p) => ({ value: p.id, text: `${nameOf(p)} (${labelOf(partyRoles, p.role)})` })),
      }
    },

    /** /cases/:id/mediator/objections/:objectionId: the objection and the mediator, or undefined. */
    async decidePage(found: CaseRow, objectionId: string, reread = false) {
      const [caseRow, objection, allocation] = await Promise.all([
        caseNow(found, reread),
        findObjection(db, found.id, objectionId),
        currentAllocation(db, found.id),
      ])
      if (!objection) return undefined
      return {
        caseRow,
        objection: {
          ...objection.objection,
          partyName: nameOf({ name: objection.partyName, organisation: objection.partyOrganisation }),
        },
        allocation,
      }
    },
  }
}

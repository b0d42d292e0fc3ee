// One change by a party, in their own case, in the caller's transaction: lock the case, find the
// party, do the work, append its events (in the party's name) and move the case's version on, as
// every other change to a case does. The work throws a RefusalError to refuse (undoing it all).
import type { Clock } from '../../clock.ts'
import type { Tx } from '../../db/client.ts'
import { RefusalError } from '../../domain/result.ts'
import { appendEvent } from '../cases/index.ts'
import { partyLabel } from '../preparation/index.ts'
import { bumpCaseVersion, lockCase, partyOfCase, type CaseRecord, type PartyRecord } from './changes-repository.ts'
import type { PortalParty } from './party-access.ts'
import { portalActor } from './sign-in-service.ts'

export interface PartyEvent {
  type: string
  data: Record<string, unknown>
}

export type PartyWork<T> = (ctx: {
  tx: Tx
  caseRow: CaseRecord
  party: PartyRecord
}) => Promise<{ events: PartyEvent[]; answer: T }>

export async function changeAsParty<T>(tx: Tx, clock: Clock, who: PortalParty, work: PartyWork<T>): Promise<T> {
  const caseRow = await lockCase(tx, who.caseId)
  const party = caseRow ? await partyOfCase(tx, who.caseId, who.partyId) : undefined
  if (!caseRow || !party) throw new RefusalError('There is no such case.', undefined, 'not-found')
  const { events, answer } = await work({ tx, caseRow, party })
  for (const event of events) {
    await appendEvent(tx, clock, {
      caseId: caseRow.id,
      type: event.type,
      actor: portalActor(party),
      data: { partyId: party.id, party: partyLabel(party), ...event.data },
    })
  }
  if (events.length) await bumpCaseVersion(tx, caseRow.id, clock.now())
  return answer
}

// The party a preparation form names: one of this case's parties who prepares for the meeting.
import type { Tx } from '../../db/client.ts'
import { RefusalError } from '../../domain/result.ts'
import { partyOfCase } from './change-repository.ts'
import { isPreparingParty } from './rules.ts'

/** The party, or a refusal on the form's party field. */
export async function preparingPartyOf(tx: Tx, caseId: string, partyId: string) {
  const party = await partyOfCase(tx, caseId, partyId)
  if (!party || !isPreparingParty(party)) throw new RefusalError('Select the party', 'party')
  return party
}

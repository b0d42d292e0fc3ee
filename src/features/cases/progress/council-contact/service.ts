// Setting the council's SEN team contact details on a case, so that the council is sent its
// invitations: checked against the version the form was made on, and kept as a case event with
// what it was before and after, in the same transaction.
import type { Clock } from '../../../../clock.ts'
import type { Db } from '../../../../db/client.ts'
import { refuse, type Result } from '../../../../domain/result.ts'
import { appendEvent, type Actor } from '../../events.ts'
import { staleMessage } from '../../labels.ts'
import { lockCase } from '../../repository.ts'
import { councilPartyOf, setPartyContact } from './repository.ts'

export interface CouncilContact {
  email: string
  phone: string
}

/** The case's council party, as the form shows it. */
export const councilContactOf = (db: Db, caseId: string) => councilPartyOf(db, caseId)

export async function setCouncilContact(
  { db, clock }: { db: Db; clock: Clock },
  input: { caseId: string; contact: CouncilContact; expectedVersion: number; actor: Actor },
): Promise<Result> {
  return db.transaction(async (tx) => {
    if (!(await lockCase(tx, input.caseId))) return refuse('There is no such case.', undefined, 'not-found')
    const party = await councilPartyOf(tx, input.caseId)
    if (!party) return refuse('This case has no council party.', undefined, 'not-found')
    if (party.version !== input.expectedVersion) return refuse(staleMessage, undefined, 'stale')
    const after = { email: input.contact.email, phone: input.contact.phone || null }
    await setPartyContact(tx, party.id, { ...after, version: party.version + 1 })
    await appendEvent(tx, clock, {
      caseId: input.caseId,
      type: 'council-contact-set',
      actor: input.actor,
      data: {
        partyId: party.id,
        party: party.organisation || party.name || 'the council',
        before: { email: party.email, phone: party.phone },
        after,
      },
    })
    return { ok: true }
  })
}

// Each party's acceptance of the draft as it stands (its version): recorded at the meeting by the
// mediator, or by the party through the portal. A changed draft needs accepting again.
import type { Clock } from '../../clock.ts'
import type { Tx } from '../../db/client.ts'
import { refuse, RefusalError, type Result } from '../../domain/result.ts'
import { appendEvent, type Actor } from '../cases/index.ts'
import { partyLabel } from '../preparation/index.ts'
import { finalMessage, inTransaction, staleMessage, type AgreementDeps } from './draft.ts'
import { insertAcceptance, lockAgreement } from './draft-repository.ts'
import { agreementWithPoints, mediationParty } from './repository.ts'

/**
 * A party accepts the agreement as it stood at `agreementVersion`, in the caller's transaction.
 * Idempotent: accepting the same version twice records it once (and one event). Refused when the
 * agreement has changed since.
 */
export async function recordAcceptance(
  tx: Tx,
  clock: Clock,
  input: {
    agreementId: string
    partyId: string
    agreementVersion: number
    how: 'at-meeting' | 'portal'
    recordedBy?: string
    actor?: Actor
  },
): Promise<Result<{ recorded: boolean }>> {
  const agreement = await lockAgreement(tx, input.agreementId)
  if (!agreement) return refuse('There is no such agreement.', undefined, 'not-found')
  if (agreement.version !== input.agreementVersion)
    return refuse('The agreement has changed since it was read. Read it again before accepting it.', undefined, 'stale')
  const party = await mediationParty(tx, agreement.caseId, input.partyId)
  if (!party) return refuse('Select a party to this case', 'parties')
  const recorded = await insertAcceptance(tx, {
    agreementId: agreement.id,
    partyId: party.id,
    agreementVersion: agreement.version,
    how: input.how,
    recordedBy: input.recordedBy,
    acceptedAt: clock.now(),
  })
  if (!recorded) return { ok: true, recorded: false }
  await appendEvent(tx, clock, {
    caseId: agreement.caseId,
    type: 'agreement-accepted',
    actor:
      input.actor ??
      (input.how === 'portal'
        ? { label: party.name || partyLabel(party) }
        : { userId: input.recordedBy, label: 'Staff' }),
    data: {
      agreementId: agreement.id,
      partyId: party.id,
      party: partyLabel(party),
      version: agreement.version,
      how: input.how,
    },
  })
  return { ok: true, recorded: true }
}

export function createAcceptanceService({ db, clock }: AgreementDeps) {
  return {
    /** Each party ticked accepted the draft at the meeting. */
    async acceptAtMeeting(
      caseId: string,
      input: { partyIds: string[]; agreementVersion: number },
      options: { actor: Actor & { userId: string } },
    ): Promise<Result<{ recorded: number }>> {
      return inTransaction(db, async (tx) => {
        const agreement = await agreementWithPoints(tx, caseId)
        if (!agreement) throw new RefusalError('Write the agreement before recording who accepted it', 'parties')
        if (agreement.status === 'final') throw new RefusalError(finalMessage)
        let recorded = 0
        for (const partyId of input.partyIds) {
          const result = await recordAcceptance(tx, clock, {
            agreementId: agreement.id,
            partyId,
            agreementVersion: input.agreementVersion,
            how: 'at-meeting',
            recordedBy: options.actor.userId,
            actor: options.actor,
          })
          if (!result.ok)
            throw result.code === 'stale'
              ? new RefusalError(staleMessage, 'parties', 'stale')
              : new RefusalError(result.reason, 'parties')
          if (result.recorded) recorded++
        }
        return { ok: true, recorded }
      })
    },
  }
}

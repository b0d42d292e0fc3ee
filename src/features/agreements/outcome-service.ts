// Closing the case with a structured outcome, for reporting (full, partial or no agreement;
// withdrawn, by whom and why; could not go ahead, which party was not willing; referred, to
// whom): the points kept and not kept are counted, and the workflow's 'close' (or 'withdraw',
// then 'close' when it may) is applied in the same transaction.
import { followUpCounts } from '../../domain/agreement-rules.ts'
import { outcomeActions, type OutcomeInput } from '../../domain/case-outcome.ts'
import { refuse, RefusalError, type Result } from '../../domain/result.ts'
import { appendEvent, type Actor } from '../cases/index.ts'
import { withWorkflow, type AgreementDeps } from './draft.ts'
import { insertCaseOutcome } from './follow-through-repository.ts'
import { agreementWithPoints, mediationParties, outcomeOf } from './repository.ts'
import { loadAgreement } from './view-model.ts'

const alreadyRecorded = 'The outcome has already been recorded'

export function createOutcomeService(deps: AgreementDeps) {
  const { db, clock } = deps
  return {
    /** The outcome page: the agreement's picture and the points kept and not kept. */
    async outcomePage(caseId: string) {
      const data = await loadAgreement(db, clock, caseId)
      return { ...data, counts: followUpCounts(data.points) }
    },

    /** Closes the case with a structured outcome; applies 'close' (or 'withdraw') as fits. */
    async recordOutcome(
      caseId: string,
      input: OutcomeInput,
      options: { actor: Actor & { userId: string } },
    ): Promise<Result<{ status: string }>> {
      if (await outcomeOf(db, caseId)) return refuse(alreadyRecorded, 'recorded-outcome')
      let unwillingLabel = ''
      if (input.outcome === 'could-not-proceed') {
        const party = (await mediationParties(db, caseId)).find((p) => p.id === input.unwillingPartyId)
        if (!party) return refuse('Select the party that was not willing to take part', 'unwillingPartyId')
        unwillingLabel = party.label
      }
      let reason: string | undefined
      const result = await withWorkflow(
        deps,
        caseId,
        options.actor,
        (state) => {
          const planned = outcomeActions(state, input, unwillingLabel)
          if ('refused' in planned) {
            reason = planned.refused
            return []
          }
          return planned.actions
        },
        async (tx) => {
          if (reason) throw new RefusalError(reason, 'outcome')
          if (await outcomeOf(tx, caseId)) throw new RefusalError(alreadyRecorded, 'recorded-outcome')
          const counts = followUpCounts((await agreementWithPoints(tx, caseId))?.points ?? [])
          await insertCaseOutcome(tx, {
            caseId,
            outcome: input.outcome,
            withdrawnBy: input.outcome === 'withdrawn' ? input.withdrawnBy : null,
            reason: input.reason || null,
            unwillingPartyId: input.outcome === 'could-not-proceed' ? input.unwillingPartyId : null,
            referredTo: input.outcome === 'referred' ? input.referredTo : null,
            pointsKept: counts.kept,
            pointsNotKept: counts.notKept,
            recordedBy: options.actor.userId,
            recordedAt: clock.now(),
          })
          await appendEvent(tx, clock, {
            caseId,
            type: 'case-outcome-recorded',
            actor: options.actor,
            data: { outcome: input.outcome, pointsKept: counts.kept, pointsNotKept: counts.notKept },
          })
        },
      )
      if (!result.ok) return { ...result, field: result.field ?? 'outcome' }
      return { ok: true, status: result.state.status }
    },
  }
}

// Following the final agreement through: whether each point was kept, kept late or not kept, with
// a note. The point's deadline is then met (or stopped), and the case starts its follow-up when
// the workflow allows.
import type { FollowUp } from '../../domain/agreement-rules.ts'
import { RefusalError, type Result } from '../../domain/result.ts'
import { refusalReason } from '../../domain/workflow.ts'
import { appendEvent, type Actor } from '../cases/index.ts'
import { staleMessage, withWorkflow, type AgreementDeps } from './draft.ts'
import { agreementById, lockPointOfCase, recordPointFollowUp } from './follow-through-repository.ts'
import { loadAgreement } from './view-model.ts'

export type FollowUpOutcome = Exclude<FollowUp, 'open'>

export function createFollowUpService(deps: AgreementDeps) {
  const { db, clock } = deps
  return {
    /** A point of the final agreement, as the agreement pages show it; undefined while it is a draft. */
    async followUpPage(caseId: string, pointId: string) {
      const data = await loadAgreement(db, clock, caseId)
      if (data.agreement?.status !== 'final') return undefined
      return data.points.find((p) => p.id === pointId)
    },

    /** Whether a point was kept, once it falls due. Starts follow-up when the case is ready for it. */
    async recordFollowUp(
      caseId: string,
      pointId: string,
      input: { outcome: FollowUpOutcome; note: string | null },
      options: { actor: Actor; version: number },
    ): Promise<Result> {
      return withWorkflow(
        deps,
        caseId,
        options.actor,
        (state) => (refusalReason(state, 'start-follow-up') === undefined ? [{ type: 'start-follow-up' }] : []),
        async (tx) => {
          const point = await lockPointOfCase(tx, caseId, pointId)
          if (!point) throw new RefusalError('There is no such point.', undefined, 'not-found')
          const agreement = await agreementById(tx, point.agreementId)
          if (agreement?.status !== 'final')
            throw new RefusalError('Points are followed up once the agreement is final', 'outcome')
          if (point.version !== options.version) throw new RefusalError(staleMessage, undefined, 'stale')
          await recordPointFollowUp(tx, point, { followUp: input.outcome, note: input.note, on: clock.today() })
          await appendEvent(tx, clock, {
            caseId,
            type: 'agreement-point-followed-up',
            actor: options.actor,
            data: { pointId, number: point.position, what: point.what, outcome: input.outcome, note: input.note },
          })
        },
        undefined,
        [{ type: 'agreement-point-followed-up' }],
      )
    },
  }
}

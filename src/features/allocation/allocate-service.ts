// Allocating a mediator from the ranked panel: the choice and the ranking as the coordinator saw
// it, recorded with the workflow's 'allocate-mediator' event in one transaction, once per form.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { oncePerKey } from '../../db/once-per-key.ts'
import { RefusalError, refusalsAsResults, type Result } from '../../domain/result.ts'
import { refusalReason, stateFromEvents } from '../../domain/workflow.ts'
import { createWorkflowService, eventsOf, type Actor, type CaseRow } from '../cases/index.ts'
import { caseMovedOn, throwUnlessDone } from './case-change.ts'
import { createRanking } from './ranking.ts'
import { currentAllocation, insertAllocation } from './repository.ts'

export interface AllocateInput {
  mediatorId: string
  note: string
  expectedVersion: number
  submissionKey: string
  actor: Actor & { userId: string }
}

export function createAllocateService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /** Refused if the case cannot take a mediator now, one is allocated, or they are not eligible. */
    allocate(caseRow: CaseRow, input: AllocateInput): Promise<Result<{ mediator: string }>> {
      // The key first, so that a repeat gets the first answer. The case is locked only once the
      // panel is ranked (by the workflow's step), and the checks are made again under the lock.
      return refusalsAsResults(() =>
        oncePerKey(db, clock, input.submissionKey, async (tx) => {
          const q = tx as unknown as Db
          const notNow = refusalReason(stateFromEvents(await eventsOf(q, caseRow.id)), 'allocate-mediator')
          if (notNow) throw caseMovedOn(notNow)
          const current = await currentAllocation(q, caseRow.id)
          if (current) {
            throw caseMovedOn(
              `${current.mediatorName} is already the mediator. A party's objection must be upheld before another mediator can be allocated.`,
            )
          }
          const { ranked, needs } = await createRanking({ db: q, clock }).ranking(caseRow)
          const choice = ranked.find((r) => r.mediator.id === input.mediatorId)
          if (!choice) throw new RefusalError('There is no such mediator on the panel.', undefined, 'not-found')
          if (!choice.eligible) {
            const why = choice.reasons.filter((r) => r.tone === 'bad').map((r) => r.text)
            throw caseMovedOn(`${choice.mediator.name} cannot be allocated to this case: ${why.join('; ')}.`)
          }
          const reasons = {
            rank: choice.rank,
            of: ranked.length,
            score: choice.score,
            reasons: choice.reasons,
            window: needs.window,
          }
          const done = await createWorkflowService({ db: q, clock }).apply(
            caseRow.id,
            { type: 'allocate-mediator', mediator: choice.mediator.name, mediatorId: choice.mediator.id },
            {
              actor: input.actor,
              expectedVersion: input.expectedVersion,
              beforeEvent: async (locked) => {
                if (await currentAllocation(locked, caseRow.id))
                  throw caseMovedOn('Another mediator was allocated in the meantime. Check the case and try again.')
                await insertAllocation(locked, {
                  caseId: caseRow.id,
                  mediatorId: choice.mediator.id,
                  allocatedBy: input.actor.userId,
                  allocatedAt: clock.now(),
                  reasons,
                  note: input.note,
                })
              },
            },
          )
          throwUnlessDone(done)
          return { ok: true as const, mediator: choice.mediator.name }
        }),
      )
    },
  }
}

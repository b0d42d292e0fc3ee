// Telling a party who the mediator is: an update to them (so it restarts their update clock) whose
// note names the mediator, recorded once per form.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { oncePerKey } from '../../db/once-per-key.ts'
import { refusalsAsResults, type Result } from '../../domain/result.ts'
import { createWorkflowService, type Actor } from '../cases/index.ts'
import { caseMovedOn, throwUnlessDone } from './case-change.ts'
import { currentAllocation } from './repository.ts'

/** The note recorded with the update that tells a party who the mediator is (and how the page knows they were told). */
export const toldNote = (mediatorName: string) => `Told them the mediator is ${mediatorName}.`

const mediatorChanged = 'The mediator for this case has changed. Check the case and try again.'

export interface ToldInput {
  allocationId: string
  partyId: string
  channel: string
  note: string
  expectedVersion: number
  submissionKey: string
  actor: Actor
}

export function createToldService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    recordTold(caseId: string, input: ToldInput): Promise<Result> {
      return refusalsAsResults(() =>
        oncePerKey(db, clock, input.submissionKey, async (tx) => {
          const q = tx as unknown as Db
          const current = await currentAllocation(q, caseId)
          if (!current || current.id !== input.allocationId) throw caseMovedOn(mediatorChanged)
          const note = [toldNote(current.mediatorName), input.note].filter(Boolean).join(' ')
          const done = await createWorkflowService({ db: q, clock }).recordUpdate(
            caseId,
            { partyId: input.partyId, channel: input.channel, note },
            {
              actor: input.actor,
              expectedVersion: input.expectedVersion,
              beforeEvent: async (locked) => {
                if ((await currentAllocation(locked, caseId))?.id !== input.allocationId)
                  throw caseMovedOn(mediatorChanged)
              },
            },
          )
          return throwUnlessDone(done)
        }),
      )
    },
  }
}

// Objections to the mediator: a party objects, with a reason (once per form); a coordinator
// decides. Upheld ends the allocation, so a mediator can be allocated again; dismissed keeps it.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { oncePerKey } from '../../db/once-per-key.ts'
import { refusalsAsResults, type Result } from '../../domain/result.ts'
import type { Actor } from '../cases/index.ts'
import { caseMovedOn, changeCase } from './case-change.ts'
import {
  currentAllocation,
  endAllocation,
  insertObjection,
  objectionById,
  partyOfCase,
  recordDecision,
} from './repository.ts'

export interface ObjectionInput {
  allocationId: string
  partyId: string
  reason: string
  expectedVersion: number
  submissionKey: string
  actor: Actor
}

export interface DecisionInput {
  decision: 'upheld' | 'dismissed'
  reason: string
  expectedVersion: number
  actor: Actor & { userId: string }
}

const partyName = (party: { name: string; organisation: string | null } | undefined) =>
  party?.name || party?.organisation || ''

export function createObjectionService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /** A party objects to the mediator, with a reason: recorded for a coordinator to decide. */
    raiseObjection(caseId: string, input: ObjectionInput): Promise<Result> {
      return refusalsAsResults(() =>
        oncePerKey(db, clock, input.submissionKey, (tx) =>
          changeCase(tx, clock, caseId, input, async (locked) => {
            const current = await currentAllocation(locked, caseId)
            if (!current || current.id !== input.allocationId)
              throw caseMovedOn('The mediator for this case has changed. Check the case and try again.')
            const party = await partyOfCase(locked, caseId, input.partyId)
            if (!party) throw caseMovedOn('Choose a person in this case.')
            const objectionId = await insertObjection(locked, {
              allocationId: current.id,
              partyId: party.id,
              reason: input.reason,
              raisedOn: clock.today(),
            })
            return {
              type: 'mediator-objection',
              data: {
                objectionId,
                allocationId: current.id,
                mediator: current.mediatorName,
                partyId: party.id,
                partyName: partyName(party),
                reason: input.reason,
              },
            }
          }),
        ),
      )
    },

    /** A coordinator decides an objection: upheld ends the allocation (allocation opens again); dismissed keeps it. */
    decideObjection(caseId: string, objectionId: string, input: DecisionInput): Promise<Result> {
      return refusalsAsResults(() =>
        changeCase(db, clock, caseId, input, async (tx) => {
          const current = await currentAllocation(tx, caseId)
          const objection = await objectionById(tx, objectionId)
          if (!objection || !current || objection.allocationId !== current.id)
            throw caseMovedOn(
              'That objection is about a mediator who is no longer allocated: there is nothing to decide.',
            )
          if (objection.decision) throw caseMovedOn('That objection has already been decided.')
          const party = await partyOfCase(tx, caseId, objection.partyId)
          await recordDecision(tx, objectionId, {
            decision: input.decision,
            decisionReason: input.reason,
            decidedBy: input.actor.userId,
            decidedAt: clock.now(),
          })
          if (input.decision === 'upheld') await endAllocation(tx, current.id, clock.now(), 'objection-upheld')
          return {
            type: input.decision === 'upheld' ? 'mediator-objection-upheld' : 'mediator-objection-dismissed',
            data: {
              objectionId,
              allocationId: current.id,
              mediator: current.mediatorName,
              partyName: partyName(party),
              reason: input.reason,
              ...(input.decision === 'upheld' ? { allocationEnded: true } : {}),
            },
          }
        }),
      )
    },
  }
}

// Cancelling the meeting, with a reason, through the workflow's 'cancel-meeting' (the case goes
// back to preparation), in one transaction: the meeting marked cancelled, its calendar sequence
// raised, and a CANCEL for the same UID to every party and the mediator.
import type { Db } from '../../db/client.ts'
import { refusalsAsResults, refuse, RefusalError } from '../../domain/result.ts'
import { createWorkflowService, type Actor } from '../cases/index.ts'
import { workflowRefusal, type MeetingChanged } from './booking-service.ts'
import { onceIfKeyed, type MeetingDeps } from './deps.ts'
import { tellEveryone } from './invitations.ts'
import { cancelMeetingRow } from './meeting-repository.ts'
import { liveMeeting, withPlace, type PlacedMeeting } from './repository.ts'
import { placeText } from './words.ts'

export interface CancelInput {
  /** The meeting's version and the case's, as the form was shown. */
  meetingVersion: number
  expectedVersion: number
  reason: string
}

export function createCancelService(deps: MeetingDeps) {
  const { db, clock } = deps
  return {
    /** Cancels the live meeting: the whole use case, from the form to the messages. */
    async cancelMeeting(
      caseId: string,
      input: CancelInput,
      options: { actor: Actor; submissionKey?: string },
    ): Promise<MeetingChanged> {
      const live = await liveMeeting(db, caseId)
      if (!live) return refuse('There is no meeting to cancel', 'reason')
      return refusalsAsResults(() =>
        onceIfKeyed(deps, options.submissionKey, async (tx) => {
          // The workflow's own transaction is a savepoint of ours, so the messages below go with it.
          const workflow = createWorkflowService({ db: tx as unknown as Db, clock })
          let cancelled: PlacedMeeting | undefined
          const result = await workflow.apply(
            caseId,
            { type: 'cancel-meeting', reason: input.reason, place: placeText(live) },
            {
              actor: options.actor,
              expectedVersion: input.expectedVersion,
              beforeEvent: async (inner) => {
                const row = await cancelMeetingRow(
                  inner,
                  caseId,
                  { id: live.id, version: input.meetingVersion },
                  { reason: input.reason, at: clock.now() },
                )
                if (!row)
                  throw new RefusalError(
                    'Someone else changed this meeting while you were working on it. Check the meeting and try again',
                    'reason',
                    'stale',
                  )
                cancelled = await withPlace(inner, row)
              },
            },
          )
          if (!result.ok) throw workflowRefusal(result, 'reason')
          const unreached = await tellEveryone(tx, clock, cancelled!, 'cancellation', options.actor, input.reason)
          return { ok: true as const, meetingId: cancelled!.id, unreached }
        }),
      )
    },
  }
}

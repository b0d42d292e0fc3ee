// The voice of the child: their views, how and when they were gathered, and with whom they agreed
// to share them. Recorded once per form; the views themselves stay out of the case event.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { RefusalError, type Result } from '../../domain/result.ts'
import { createChanges, type ChangeOptions } from './change.ts'
import { insertChildViews, partyRolesOf } from './change-repository.ts'

export interface ChildViewsInput {
  views: string
  gatheredBy: string
  gatheredOn: string
  consentToShare: boolean
  shareWith: string[]
  submissionKey: string
}

export function createChildViewsService({ db, clock }: { db: Db; clock: Clock }) {
  const { once } = createChanges({ db, clock })
  return {
    recordChildViews(
      caseId: string,
      { submissionKey, ...input }: ChildViewsInput,
      options: ChangeOptions,
    ): Promise<Result> {
      return once(caseId, submissionKey, options, async ({ tx }) => {
        if (input.gatheredOn > clock.today())
          throw new RefusalError('The date their views were gathered must be today or in the past', 'gatheredOn-day')
        const roles = await partyRolesOf(tx, caseId)
        const shareWith = input.consentToShare ? input.shareWith.filter((r) => r !== 'referrer' && roles.has(r)) : []
        if (input.consentToShare && !shareWith.length)
          throw new RefusalError('Select who they agreed can see their views', 'shareWith')
        const childViewId = await insertChildViews(tx, {
          caseId,
          ...input,
          shareWith,
          recordedBy: options.actor.userId,
          createdAt: clock.now(),
        })
        // The views themselves stay out of the event: the timeline is read more widely than they may be.
        return {
          events: [
            {
              type: 'child-views-recorded',
              occurredOn: input.gatheredOn,
              data: { childViewId, gatheredBy: input.gatheredBy, consentToShare: input.consentToShare, shareWith },
            },
          ],
        }
      })
    },
  }
}

// Why a step cannot be taken yet, with links to what comes first: for pages of other areas that
// take a workflow step (the meeting booking), so they can say it before the form is filled in.
import type { Db } from '../../db/client.ts'
import { refusalReason, stateFromEvents, transition, type ActionType } from '../../domain/workflow.ts'
import { meetingContactRefusal } from '../preparation/index.ts'
import { eventsOf } from './deadline-index.ts'
import { linksForRefusal, type StepLink } from './step-links.ts'

export async function whatComesFirst(
  db: Db,
  caseId: string,
  type: ActionType,
): Promise<{ reason: string; links: StepLink[] } | undefined> {
  const state = stateFromEvents(await eventsOf(db, caseId))
  // Booking the meeting starts preparation itself (meetings/booking-service.ts).
  const started =
    type === 'arrange-meeting' && state.status === 'mediator-allocated'
      ? transition(state, { type: 'start-preparation' })
      : undefined
  const reason =
    refusalReason(started?.ok ? started.state : state, type) ??
    (type === 'arrange-meeting' ? await meetingContactRefusal(db, caseId) : undefined)
  return reason ? { reason, links: linksForRefusal(caseId, state, type, reason) } : undefined
}

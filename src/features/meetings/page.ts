// What the case's Meeting pages share: who may use them, the case layout with the Meeting tab, and
// the meetings service (what the tab shows is meeting-picture.ts).
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../app-deps.ts'
import { roles } from '../../domain/staff.ts'
import { currentUser, hasRole } from '../../web/auth.ts'
import { caseWorkers, caseContext, caseForView, visibleCaseOr404, type CaseRow } from '../cases/index.ts'
import { createMeetingService } from './service.ts'

export { actorOf } from '../cases/index.ts'

/** Every staff role may look (a mediator only at their own cases); booking is for case workers. */
export const meetingViewers = { access: roles }
export const meetingBookers = { access: caseWorkers }

export const meetingBase = (caseId: string) => `/cases/${caseId}/meeting`

export { caseForView }

/** For a POST: the case if this person may see it (else a 404 is sent). */
export const caseForChange = (deps: AppDeps, request: FastifyRequest, reply: FastifyReply) =>
  visibleCaseOr404(deps.database.db, request, reply)

export const meetingServiceOf = (deps: AppDeps) => createMeetingService({ db: deps.database.db, clock: deps.clock })

export function meetingContext(found: CaseRow, request: FastifyRequest) {
  return {
    ...caseContext(found, 'meeting'),
    base: meetingBase(found.id),
    canBook: hasRole(currentUser(request), ...caseWorkers),
  }
}

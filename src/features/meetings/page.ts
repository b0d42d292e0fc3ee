// What the case's Meeting pages share: who may use them, and everything the tab shows: each
// party's availability over the coming weeks, the dates that suit everyone, the meeting, the
// mediator, and the 30-day deadline for holding the mediation.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../app-deps.ts'
import { roles } from '../../db/schema/index.ts'
import type { Db } from '../../db/client.ts'
import type { Clock } from '../../clock.ts'
import {
  availabilityGrid,
  availabilityLabels,
  comingWorkingDays,
  NOT_GIVEN,
  sessionLabels,
} from '../../domain/meeting-availability.ts'
import { checkNotice } from '../../domain/meeting-notice.ts'
import { formatTimeRange } from '../../domain/meeting-times.ts'
import { addDays, compare } from '../../domain/dates.ts'
import {
  caseWorkers,
  caseContext,
  caseForView,
  visibleCaseOr404,
  type CaseRow,
  createWorkflowService,
} from '../cases/index.ts'
import { preparingParties } from '../preparation/index.ts'
import { currentCalendar } from '../settings/index.ts'
import { hasRole, currentUser } from '../../web/auth.ts'
import { availabilityOf, caseMediator, lastCancelledMeeting, liveMeeting } from './repository.ts'
import { accessText, placeText } from './service.ts'

/** Every staff role may look (a mediator only at their own cases); booking is for case workers. */
export const meetingViewers = { access: roles }
export const meetingBookers = { access: caseWorkers }

export const meetingBase = (caseId: string) => `/cases/${caseId}/meeting`

export { caseForView }

/** For a POST: the case if this person may see it (else a 404 is sent). */
export const caseForChange = (deps: AppDeps, request: FastifyRequest, reply: FastifyReply) =>
  visibleCaseOr404(deps.database.db, request, reply)

export const WEEKS_AHEAD = 4

/** The 30-day "mediation held" deadline, while it is still to meet. */
export async function mediationHeldDeadline(db: Db, clock: Clock, caseId: string) {
  const deadlines = await createWorkflowService({ db, clock }).deadlinesOf(caseId)
  const held = deadlines.find((d) => d.name === 'mediation-held')
  return held && (held.status === 'open' || held.status === 'overdue') ? held : undefined
}

/** Everything the Meeting tab and its forms show. */
export async function meetingPicture(db: Db, clock: Clock, found: CaseRow) {
  const today = clock.today()
  const calendar = await currentCalendar(db)
  const [parties, entries, meeting, mediator, deadline, cancelled] = await Promise.all([
    preparingParties(db, found.id),
    availabilityOf(db, found.id),
    liveMeeting(db, found.id),
    caseMediator(db, found.id),
    mediationHeldDeadline(db, clock, found.id),
    lastCancelledMeeting(db, found.id),
  ])
  const days = comingWorkingDays(today, calendar, WEEKS_AHEAD)
  const grid = availabilityGrid(
    days,
    parties.map((p) => p.id),
    entries,
  )
  const afterDeadline = (day: string) => deadline !== undefined && compare(day, deadline.dueDate) > 0
  const rows = grid.map((d) => ({
    day: d.day,
    cells: d.answers.map((a) => (a.availability ? availabilityLabels[a.availability] : NOT_GIVEN)),
    verdict:
      d.verdict === 'everyone'
        ? `Yes: ${sessionLabels[d.session!].toLowerCase()}`
        : d.verdict === 'waiting'
          ? 'Not known yet'
          : 'No',
    afterDeadline: afterDeadline(d.day),
  }))
  const suitable = grid
    .filter((d) => d.verdict === 'everyone')
    .map((d) => ({ day: d.day, session: sessionLabels[d.session!], afterDeadline: afterDeadline(d.day) }))
  // The first day an invitation sent today gives 5 working days' notice of.
  let firstWithNotice = addDays(today, 1)
  while (!checkNotice(today, firstWithNotice, calendar).enough) firstWithNotice = addDays(firstWithNotice, 1)
  const placed = meeting
    ? {
        ...meeting,
        time: formatTimeRange(meeting.startTime, meeting.endTime),
        place: placeText(meeting),
        access: accessText(meeting),
        link: meeting.onlineLink || meeting.venue?.onlineLink || '',
        notice: checkNotice(meeting.noticeSentOn, meeting.day, calendar),
        afterDeadline: afterDeadline(meeting.day),
      }
    : undefined
  return {
    today,
    calendar,
    parties,
    entries,
    days,
    rows,
    suitable,
    meeting: placed,
    mediator,
    deadline,
    cancelled,
    firstWithNotice,
  }
}

export function meetingContext(found: CaseRow, request: FastifyRequest) {
  return {
    ...caseContext(found, 'meeting'),
    base: meetingBase(found.id),
    canBook: hasRole(currentUser(request), ...caseWorkers),
  }
}

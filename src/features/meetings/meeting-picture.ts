// Everything the case's Meeting tab and its forms show: each party's availability over the coming
// weeks, the dates that suit everyone, the meeting, the mediator, and the 30-day deadline for
// holding the mediation.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { addDays, compare } from '../../domain/dates.ts'
import {
  availabilityGrid,
  availabilityLabels,
  comingWorkingDays,
  NOT_GIVEN,
  sessionLabels,
} from '../../domain/meeting-availability.ts'
import { checkNotice } from '../../domain/meeting-notice.ts'
import { formatTimeRange } from '../../domain/meeting-times.ts'
import { createWorkflowService } from '../cases/index.ts'
import { preparingParties } from '../preparation/index.ts'
import { currentCalendar } from '../settings/index.ts'
import { availabilityOf, caseMediator, lastCancelledMeeting, liveMeeting } from './repository.ts'
import { accessText, linkOf, placeText } from './words.ts'

export const WEEKS_AHEAD = 4

/** The 30-day "mediation held" deadline, while it is still to meet. */
async function mediationHeldDeadline(db: Db, clock: Clock, caseId: string) {
  const deadlines = await createWorkflowService({ db, clock }).deadlinesOf(caseId)
  const held = deadlines.find((d) => d.name === 'mediation-held')
  return held && (held.status === 'open' || held.status === 'overdue') ? held : undefined
}

export type MeetingPicture = Awaited<ReturnType<typeof meetingPicture>>

export async function meetingPicture(db: Db, clock: Clock, caseId: string) {
  const today = clock.today()
  const [calendar, parties, entries, meeting, mediator, deadline, cancelled] = await Promise.all([
    currentCalendar(db),
    preparingParties(db, caseId),
    availabilityOf(db, caseId),
    liveMeeting(db, caseId),
    caseMediator(db, caseId),
    mediationHeldDeadline(db, clock, caseId),
    lastCancelledMeeting(db, caseId),
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
        link: linkOf(meeting),
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

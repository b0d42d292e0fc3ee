// Everyone must be told the date and place of the meeting at least 5 working days before it.
import { formatLongDate as fmt, isValidIsoDate } from '../dates.ts'
import { STOPPED_BY, type Clock } from './deadline.ts'
import { ref } from './events.ts'

export const meetingNoticeClock: Clock = (history, { calendar }) => {
  // A rescheduled meeting replaces the earlier one; a cancelled one needs no notice.
  const scheduled = history.last(['meeting-scheduled', 'meeting-cancelled'])
  if (scheduled?.type !== 'meeting-scheduled') return undefined
  const meetingDate = scheduled.data.meetingDate
  if (!isValidIsoDate(meetingDate))
    throw new RangeError(`Event "meeting-scheduled" has an invalid meetingDate: ${JSON.stringify(meetingDate)}`)
  const shorter = scheduled.data.shorterNoticeAgreed === true
  return {
    name: 'meeting-notice',
    dueDate: shorter ? meetingDate : calendar.subtractWorkingDays(meetingDate, 5),
    startedBy: ref(scheduled),
    rule: shorter
      ? `The parent or young person agreed to shorter notice, so the date and place only need to reach everyone before the meeting on ${fmt(meetingDate)}.`
      : `The date and place of the meeting (${fmt(meetingDate)}) must be sent to everyone at least 5 working days before it, unless the parent or young person agrees to less.`,
    source: 'SEND Code of Practice 2015, as quoted in Kumar v LB Hillingdon [2020] EWHC 3326',
    metBy: ['meeting-notice-sent'],
    stoppedBy: STOPPED_BY,
  }
}

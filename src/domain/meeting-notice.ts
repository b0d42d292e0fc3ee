// The notice rule: the date and place of the meeting must reach everyone at least 5 working days
// before it, unless the parent or young person agrees to less (rules.md; Kumar v LB Hillingdon).
// The same reading as the meeting-notice clock in clocks.ts: notice sent on or before the 5th
// working day before the meeting is enough.
import type { Calendar } from './calendar.ts'
import { addDays, compare, formatLongDate, type IsoDate } from './dates.ts'

export const NOTICE_WORKING_DAYS = 5

export interface NoticeCheck {
  /** Working days from the day the notice is sent up to (not including) the meeting day. */
  workingDays: number
  enough: boolean
  /** The last day the notice can be sent and still give 5 working days. */
  latestSendDate: IsoDate
  /** Plain English, for the booking page. */
  message: string
}

/** Working days in [sentOn, meetingDate): the days of notice people actually get. */
export function workingDaysOfNotice(sentOn: IsoDate, meetingDate: IsoDate, calendar: Calendar): number {
  if (compare(sentOn, meetingDate) >= 0) return 0
  return calendar.workingDaysBetween(addDays(sentOn, -1), addDays(meetingDate, -1))
}

export function checkNotice(sentOn: IsoDate, meetingDate: IsoDate, calendar: Calendar): NoticeCheck {
  const workingDays = workingDaysOfNotice(sentOn, meetingDate, calendar)
  const latestSendDate = calendar.subtractWorkingDays(meetingDate, NOTICE_WORKING_DAYS)
  const enough = compare(sentOn, latestSendDate) <= 0
  const days = `${workingDays} working ${workingDays === 1 ? 'day' : 'days'}`
  const message = enough
    ? `Sent on ${formatLongDate(sentOn)}, the invitation gives ${days}' notice of the meeting on ${formatLongDate(meetingDate)}: at least ${NOTICE_WORKING_DAYS}, as the rules ask.`
    : `Sent on ${formatLongDate(sentOn)}, the invitation gives only ${days}' notice of the meeting on ${formatLongDate(meetingDate)}. The rules ask for at least ${NOTICE_WORKING_DAYS} (it would have to be sent by ${formatLongDate(latestSendDate)}), so the parent or young person must agree to shorter notice.`
  return { workingDays, enough, latestSendDate, message }
}

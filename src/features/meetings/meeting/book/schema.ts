// The booking form (also used to move the meeting), with the GOV.UK messages. The date, times,
// place and the notice rule are checked here; clashes and the mediator's dates in the service.
import { z } from 'zod'
import type { Calendar } from '../../../../domain/calendar.ts'
import { checkNotice, type NoticeCheck } from '../../../../domain/meeting-notice.ts'
import { EARLIEST, LATEST, formatClockTime, minutesOf, parseClockTime } from '../../../../domain/meeting-times.ts'
import {
  readDateInput,
  submissionKey,
  text,
  toFormErrors,
  type FormErrors,
  type FormResult,
  combineErrors,
  dateProblem,
  fieldError as problem,
} from '../../../../web/forms.ts'
import type { BookingInput, Place } from '../../booking-checks.ts'
import { isMeetingLink } from '../../venues/schema.ts'

export const bookingFieldOrder = [
  'meetingDate-day',
  'meetingDate-month',
  'meetingDate-year',
  'startTime',
  'endTime',
  'place',
  'breakoutRoom',
  'onlineLink',
  'shorterNoticeAgreedBy',
  'shorterNoticeAgreedOn-day',
  'shorterNoticeAgreedOn-month',
  'shorterNoticeAgreedOn-year',
  'adjustments',
]

const bookingSchema = z
  .object({
    _csrf: z.string(),
    version: z.string().max(20),
    meetingVersion: z.string().max(20).optional(),
    'meetingDate-day': z.string().optional(),
    'meetingDate-month': z.string().optional(),
    'meetingDate-year': z.string().optional(),
    startTime: text('Enter the time the meeting starts', 20, 'The start time'),
    endTime: text('Enter the time the meeting ends', 20, 'The end time'),
    place: z
      .string({ error: 'Select where the meeting will be' })
      .regex(/^(room|online):[0-9a-f-]{36}$/, { error: 'Select where the meeting will be' }),
    breakoutRoom: z.union([z.literal(''), z.guid({ error: 'Select a breakout room, or none' })]).optional(),
    onlineLink: text(false, 500, 'The link'),
    shorterNoticeAgreedBy: text(false, 200, 'Who agreed'),
    'shorterNoticeAgreedOn-day': z.string().optional(),
    'shorterNoticeAgreedOn-month': z.string().optional(),
    'shorterNoticeAgreedOn-year': z.string().optional(),
    adjustments: text(false, 2000, 'The adjustments'),
  })
  .strict()

// A booking adds a meeting, so its form must carry its one-time key; moving changes the one there is.
const schemas = {
  book: bookingSchema.extend({ submissionKey }),
  move: bookingSchema.extend({ submissionKey: submissionKey.optional() }),
}

export interface BookingForm {
  input: BookingInput
  version: number
  meetingVersion?: number
  submissionKey?: string
  notice: NoticeCheck
}

export function validateBooking(
  body: Record<string, unknown>,
  today: string,
  calendar: Calendar,
  mode: 'book' | 'move',
): FormResult<BookingForm> {
  const parsed = schemas[mode].safeParse(body)
  const parts: (FormErrors | undefined)[] = [parsed.success ? undefined : toFormErrors(parsed.error)]
  const date = readDateInput(body, 'meetingDate', 'the date of the meeting')
  parts.push(dateProblem(date))
  if (date.ok && date.value <= today)
    parts.push(problem('meetingDate-day', 'The date of the meeting must be in the future'))
  const times = { start: parseClockTime(String(body.startTime ?? '')), end: parseClockTime(String(body.endTime ?? '')) }
  const range = `between ${formatClockTime(EARLIEST)} and ${formatClockTime(LATEST)}`
  const typed = (name: string) => String(body[name] ?? '').trim() !== ''
  {
    // Each time is checked once it is typed: an empty one is the schema's "Enter the time ...".
    if (!times.start && typed('startTime'))
      parts.push(problem('startTime', 'Enter the start time as a time of day, like 9:30am or 14:00'))
    else if (
      times.start &&
      (minutesOf(times.start) < minutesOf(EARLIEST) || minutesOf(times.start) >= minutesOf(LATEST))
    )
      parts.push(problem('startTime', `The meeting must start ${range}`))
    if (!times.end && typed('endTime'))
      parts.push(problem('endTime', 'Enter the end time as a time of day, like 12pm or 15:30'))
    else if (times.end && minutesOf(times.end) > minutesOf(LATEST))
      parts.push(problem('endTime', `The meeting must end by ${formatClockTime(LATEST)}`))
    else if (times.end && times.start && minutesOf(times.end) <= minutesOf(times.start))
      parts.push(problem('endTime', 'The end time must be after the start time'))
    if (parsed.success && parsed.data.onlineLink && !isMeetingLink(parsed.data.onlineLink))
      parts.push(problem('onlineLink', 'Enter the link in the right format, starting https://'))
  }
  let notice: NoticeCheck | undefined
  let shorterNotice: BookingInput['shorterNotice']
  if (date.ok && date.value > today) {
    notice = checkNotice(today, date.value, calendar)
    if (!notice.enough) {
      const by = String(body.shorterNoticeAgreedBy ?? '').trim()
      if (!by) {
        parts.push(
          problem(
            'shorterNoticeAgreedBy',
            `The meeting is less than 5 working days away (${notice.workingDays} working days' notice): enter who agreed to shorter notice, or choose a later date`,
          ),
        )
      }
      const agreed = readDateInput(body, 'shorterNoticeAgreedOn', 'the date they agreed to shorter notice')
      parts.push(dateProblem(agreed))
      if (agreed.ok && agreed.value > today)
        parts.push(
          problem('shorterNoticeAgreedOn-day', 'The date they agreed to shorter notice must be today or in the past'),
        )
      if (by && agreed.ok) shorterNotice = { by, on: agreed.value }
    }
  }
  const errors = combineErrors(bookingFieldOrder, ...parts)
  if (errors || !parsed.success || !date.ok || !times.start || !times.end || !notice)
    return { ok: false, errors: errors ?? { summary: [], fields: {} } }
  const [kind, id] = parsed.data.place.split(':') as ['room' | 'online', string]
  const place: Place = kind === 'room' ? { kind, roomId: id } : { kind, venueId: id }
  return {
    ok: true,
    data: {
      notice,
      version: Number(parsed.data.version),
      ...(parsed.data.meetingVersion ? { meetingVersion: Number(parsed.data.meetingVersion) } : {}),
      ...(parsed.data.submissionKey ? { submissionKey: parsed.data.submissionKey } : {}),
      input: {
        day: date.value,
        start: times.start,
        end: times.end,
        place,
        ...(parsed.data.breakoutRoom ? { breakoutRoomId: parsed.data.breakoutRoom } : {}),
        ...(parsed.data.onlineLink ? { onlineLink: parsed.data.onlineLink } : {}),
        adjustments: parsed.data.adjustments,
        ...(shorterNotice ? { shorterNotice } : {}),
      },
    },
  }
}

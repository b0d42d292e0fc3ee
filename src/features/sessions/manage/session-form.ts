// The session form (to create a session, and to change or move one), with the GOV.UK messages:
// the fields here, the dates and times read as people type them, and the checks between them.
import { z } from 'zod'
import { compare } from '../../../domain/dates.ts'
import { audiences, londonDayAndTime } from '../../../domain/info-sessions.ts'
import { minutesOf, parseClockTime } from '../../../domain/meeting-times.ts'
import {
  combineErrors,
  dateInputValues,
  dateProblem,
  fieldError,
  readDateInput,
  submissionKey,
  text,
  toFormErrors,
  type FormResult,
} from '../../../web/forms.ts'
import type { FullSession } from '../booking-service.ts'
import type { SessionInput } from '../service.ts'

export const fieldOrder = [
  'councilId',
  'title',
  'description',
  'audience',
  'sessionDate-day',
  'sessionDate-month',
  'sessionDate-year',
  'startTime',
  'endTime',
  'mode',
  'venueId',
  'onlineLink',
  'capacity',
  'closesDate-day',
  'closesDate-month',
  'closesDate-year',
  'closesTime',
]

const dateParts = (name: string) => ({
  [`${name}-day`]: z.string().optional(),
  [`${name}-month`]: z.string().optional(),
  [`${name}-year`]: z.string().optional(),
})

const fields = z
  .object({
    _csrf: z.string(),
    submissionKey: submissionKey.optional(),
    version: z.string().max(20).optional(),
    councilId: z.guid({ error: 'Select the council the session is for' }).optional(),
    title: text('Enter the title of the session', 120, 'The title'),
    description: text('Enter what the session is about', 2000, 'The description'),
    audience: z.enum(audiences, { error: 'Select who the session is for' }),
    ...dateParts('sessionDate'),
    startTime: text('Enter the time the session starts', 20, 'The start time'),
    endTime: text('Enter the time the session ends', 20, 'The end time'),
    mode: z.enum(['in-person', 'online'], { error: 'Select whether the session is in person or online' }),
    venueId: z.string().max(40).optional(),
    onlineLink: text(false, 500, 'The link'),
    capacity: text('Enter the number of places', 10, 'The number of places'),
    ...dateParts('closesDate'),
    closesTime: text('Enter the time booking closes', 20, 'The time booking closes'),
  })
  .strict()

function isLink(value: string) {
  try {
    const url = new URL(value)
    return url.protocol === 'https:' && url.hostname.includes('.')
  } catch {
    return false
  }
}

export type SessionForm = SessionInput & { submissionKey?: string; version?: string }

/** The form read and checked; the council comes from the form when `askCouncil`, else it is kept. */
export function readSessionForm(
  body: Record<string, unknown>,
  { today, needsKey, askCouncil }: { today: string; needsKey: boolean; askCouncil: boolean },
): FormResult<SessionForm> {
  const parsed = fields.safeParse(body)
  const problems = parsed.success ? undefined : toFormErrors(parsed.error)
  const extra = []
  if (needsKey && !body.submissionKey)
    extra.push(fieldError('submissionKey', 'This form is out of date. Reload the page and try again.'))
  if (askCouncil && !body.councilId) extra.push(fieldError('councilId', 'Select the council the session is for'))
  const day = readDateInput(body, 'sessionDate', 'the date of the session')
  if (day.ok && compare(day.value, today) < 0)
    extra.push(fieldError('sessionDate-day', 'The date of the session must be today or in the future'))
  const closes = readDateInput(body, 'closesDate', 'the date booking closes')
  const raw = (name: string) => String(body[name] ?? '').trim()
  const time = (name: string, label: string) => {
    const value = parseClockTime(raw(name))
    if (raw(name) && !value) extra.push(fieldError(name, `Enter ${label} in the right format, like 10am or 2:30pm`))
    return value
  }
  const start = time('startTime', 'the start time')
  const end = time('endTime', 'the end time')
  const closesAt = time('closesTime', 'the time booking closes')
  if (start && end && minutesOf(end) <= minutesOf(start))
    extra.push(fieldError('endTime', 'The end time must be after the start time'))
  if (body.mode === 'in-person' && !raw('venueId')) extra.push(fieldError('venueId', 'Select the venue'))
  if (body.mode === 'online') {
    if (!raw('onlineLink')) extra.push(fieldError('onlineLink', 'Enter the link to join the session'))
    else if (!isLink(raw('onlineLink')))
      extra.push(fieldError('onlineLink', 'Enter the link in the right format, starting https://'))
  }
  const capacityText = raw('capacity')
  const capacity = Number(capacityText)
  if (capacityText && !/^\d+$/.test(capacityText))
    extra.push(fieldError('capacity', 'The number of places must be a whole number, like 20'))
  else if (capacityText && (capacity < 1 || capacity > 1000))
    extra.push(fieldError('capacity', 'The number of places must be between 1 and 1000'))
  const errors = combineErrors(fieldOrder, problems, dateProblem(day), dateProblem(closes), ...extra)
  if (errors || !parsed.success || !day.ok || !closes.ok || !start || !end || !closesAt)
    return { ok: false, errors: errors ?? fieldError('title', 'Check the form') }
  const data = parsed.data
  return {
    ok: true,
    data: {
      submissionKey: data.submissionKey,
      version: data.version,
      councilId: data.councilId ?? '',
      title: data.title,
      description: data.description,
      audience: data.audience,
      day: day.value,
      startTime: start,
      endTime: end,
      mode: data.mode,
      venueId: data.mode === 'in-person' ? raw('venueId') : '',
      onlineLink: data.mode === 'online' ? data.onlineLink : '',
      capacity,
      closesDay: closes.value,
      closesTime: closesAt,
    },
  }
}

/** The form filled in from a session, to change it. */
export function valuesOf(found: FullSession): Record<string, unknown> {
  const s = found.session
  const closes = londonDayAndTime(s.bookingClosesAt)
  return {
    version: String(s.version),
    councilId: s.localAuthorityId,
    title: s.title,
    description: s.description,
    audience: s.audience,
    ...dateInputValues('sessionDate', s.day),
    startTime: s.startTime,
    endTime: s.endTime,
    mode: s.mode,
    venueId: s.venueId ?? '',
    onlineLink: s.onlineLink ?? '',
    capacity: String(s.capacity),
    ...dateInputValues('closesDate', closes.day),
    closesTime: closes.time,
  }
}

/** The council and venue choices, with the chosen ones marked. */
export function choiceItems(
  councils: readonly { id: string; name: string }[],
  venues: readonly { id: string; name: string }[],
  values: Record<string, unknown>,
) {
  return {
    councilItems: councils.map((c) => ({ value: c.id, text: c.name, checked: values.councilId === c.id })),
    venueItems: [
      { value: '', text: 'Choose a venue' },
      ...venues.map((v) => ({ value: v.id, text: v.name, selected: values.venueId === v.id })),
    ],
  }
}

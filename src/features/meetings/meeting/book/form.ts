// The booking form's page, for booking the meeting (/book) and for moving it (/move): the date
// (with the 30-day deadline beside it), the times, the room (and a breakout room) or an online
// room, the notice the invitation gives today, the parent's or young person's agreement to shorter
// notice when it is less than 5 working days, and the adjustments for the mediator and venue
// (booking-service.ts does the rest).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { isValidIsoDate } from '../../../../domain/dates.ts'
import { formatClockTime } from '../../../../domain/meeting-times.ts'
import { dateInputValues, submitForm, type FormErrors } from '../../../../web/forms.ts'
import { whatComesFirst, type CaseRow, type StepLink } from '../../../cases/index.ts'
import {
  actorOf,
  caseForChange,
  caseForView,
  meetingBase,
  meetingBookers,
  meetingContext,
  meetingServiceOf,
} from '../../page.ts'
import { validateBooking } from './schema.ts'

const view = 'meetings/meeting/book/view.njk'

export function bookingPage(mode: 'book' | 'move') {
  return async function page(app: FastifyInstance, deps: AppDeps) {
    const meetings = meetingServiceOf(deps)
    const url = `/cases/:id/meeting/${mode}`
    type Page = Awaited<ReturnType<typeof meetings.bookingPage>>

    function render(
      reply: FastifyReply,
      request: FastifyRequest,
      found: CaseRow,
      page: Page,
      values: Record<string, unknown>,
      errors: FormErrors | undefined,
      notYet: { reason: string; links: StepLink[] } | undefined,
    ) {
      const placeItems = [
        { value: '', text: 'Choose a room or an online meeting' },
        ...page.venues.flatMap((v) =>
          v.kind === 'online'
            ? [{ value: `online:${v.id}`, text: `Online: ${v.name}` }]
            : v.rooms
                .filter((r) => !r.isBreakout)
                .map((r) => ({ value: `room:${r.id}`, text: `${v.name}: ${r.name} (holds ${r.capacity})` })),
        ),
      ].map((i) => ({ ...i, selected: i.value === values.place }))
      const breakoutItems = [
        { value: '', text: 'No breakout room' },
        ...page.venues.flatMap((v) =>
          v.rooms
            .filter((r) => r.isBreakout)
            .map((r) => ({ value: r.id, text: `${v.name}: ${r.name} (holds ${r.capacity})` })),
        ),
      ].map((i) => ({ ...i, selected: i.value === values.breakoutRoom }))
      return reply.view(view, {
        ...meetingContext(found, request),
        ...page.picture,
        mode,
        action: `${meetingBase(found.id)}/${mode}`,
        placeItems,
        breakoutItems,
        values,
        errors,
        backLink: meetingBase(found.id),
        // What the booking waits for, said before the form is filled in, with where to do it.
        notYet,
      })
    }

    app.get(url, { config: meetingBookers }, async (request, reply) => {
      const found = await caseForView(deps, request, reply)
      if (!found) return reply
      const page = await meetings.bookingPage(found.id)
      const m = page.picture.meeting
      if (mode === 'move' && !m) return reply.redirect(`${meetingBase(found.id)}/book`, 303)
      if (mode === 'book' && m) return reply.redirect(`${meetingBase(found.id)}/move`, 303)
      const day = (request.query as { day?: unknown }).day
      const values: Record<string, unknown> = m
        ? {
            ...dateInputValues('meetingDate', m.day),
            startTime: formatClockTime(m.startTime),
            endTime: formatClockTime(m.endTime),
            place: m.roomId ? `room:${m.roomId}` : `online:${m.venueId}`,
            breakoutRoom: m.breakoutRoomId ?? '',
            onlineLink: m.onlineLink ?? '',
            adjustments: m.adjustments ?? '',
            meetingVersion: String(m.version),
          }
        : {
            ...(isValidIsoDate(day) ? dateInputValues('meetingDate', day) : {}),
            adjustments: page.adjustments,
          }
      const notYet = mode === 'book' ? await whatComesFirst(deps.database.db, found.id, 'arrange-meeting') : undefined
      return render(reply, request, found, page, { ...values, version: String(found.version) }, undefined, notYet)
    })

    app.post(url, { config: meetingBookers }, async (request, reply) => {
      const found = await caseForChange(deps, request, reply)
      if (!found) return reply
      // The notice rule needs the working-day calendar, so the page is read first.
      const page = await meetings.bookingPage(found.id)
      const { today, calendar, deadline } = page.picture
      return submitForm(request, reply, {
        parse: (body) => validateBooking(body, today, calendar, mode),
        render: async (reply, { values, errors }) =>
          render(
            reply,
            request,
            found,
            page,
            reply.statusCode === 409 ? fresh(values) : values,
            errors,
            mode === 'book' ? await whatComesFirst(deps.database.db, found.id, 'arrange-meeting') : undefined,
          ),
        field: 'meetingDate-day',
        submit: async (form) => {
          const options = { actor: actorOf(request), expectedVersion: form.version }
          const result =
            mode === 'book'
              ? await meetings.bookMeeting(found.id, form.input, { ...options, submissionKey: form.submissionKey! })
              : await meetings.moveMeeting(found.id, form.input, {
                  ...options,
                  meetingVersion: form.meetingVersion,
                  submissionKey: form.submissionKey,
                })
          if (!result.ok) return result
          const afterDeadline = deadline && form.input.day > deadline.dueDate
          const flash = [
            mode === 'book'
              ? 'Meeting booked. The invitation, with a calendar file, is on its way to every party and the mediator.'
              : 'Meeting moved. The new details, with an updated calendar file, are on its way to every party and the mediator.',
            afterDeadline ? 'The meeting is after the 30-day deadline for holding the mediation.' : '',
            result.unreached.length
              ? `We have no way to send it to: ${result.unreached.join(', ')}. Contact them another way.`
              : '',
          ]
            .filter(Boolean)
            .join(' ')
          return { ok: true, redirect: meetingBase(found.id), flash }
        },
      })

      /** Someone else changed the case or the meeting (409): what was typed, against them as they are now. */
      function fresh(values: Record<string, unknown>) {
        const meetingVersion = page.picture.meeting ? String(page.picture.meeting.version) : values.meetingVersion
        return { ...values, version: String(found!.version), meetingVersion }
      }
    })
  }
}

// The booking form's page, for booking the meeting (/book) and for moving it (/move): the date
// (with the 30-day deadline beside it), the times, the room (and a breakout room) or an online
// room, the notice the invitation gives today, the parent's or young person's agreement to shorter
// notice when it is less than 5 working days, and the adjustments for the mediator and venue.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { eq } from 'drizzle-orm'
import type { AppDeps } from '../../../../app-deps.ts'
import { caseParties } from '../../../../db/schema/index.ts'
import { isValidIsoDate } from '../../../../domain/dates.ts'
import { formatClockTime } from '../../../../domain/meeting-times.ts'
import { dateInputValues, type FormErrors } from '../../../../web/forms.ts'
import { submitOnce } from '../../../../web/submission.ts'
import { type CaseRow, actorOf } from '../../../cases/index.ts'
import { venuesWithRooms } from '../../repository.ts'
import { createMeetingService, gatheredAdjustments, MeetingRefused } from '../../service.ts'
import { caseForChange, caseForView, meetingBase, meetingBookers, meetingContext, meetingPicture } from '../../page.ts'
import { validateBooking } from './schema.ts'

const view = 'meetings/meeting/book/view.njk'

export function bookingPage(mode: 'book' | 'move') {
  return async function page(app: FastifyInstance, deps: AppDeps) {
    const db = deps.database.db
    const url = `/cases/:id/meeting/${mode}`

    async function render(
      reply: FastifyReply,
      request: FastifyRequest,
      found: CaseRow,
      values: Record<string, unknown>,
      errors?: FormErrors,
    ) {
      const picture = await meetingPicture(db, deps.clock, found)
      const venues = (await venuesWithRooms(db)).filter((v) => v.active)
      const placeItems = [
        { value: '', text: 'Choose a room or an online meeting' },
        ...venues.flatMap((v) =>
          v.kind === 'online'
            ? [{ value: `online:${v.id}`, text: `Online: ${v.name}` }]
            : v.rooms
                .filter((r) => !r.isBreakout)
                .map((r) => ({ value: `room:${r.id}`, text: `${v.name}: ${r.name} (holds ${r.capacity})` })),
        ),
      ].map((i) => ({ ...i, selected: i.value === values.place }))
      const breakoutItems = [
        { value: '', text: 'No breakout room' },
        ...venues.flatMap((v) =>
          v.rooms
            .filter((r) => r.isBreakout)
            .map((r) => ({ value: r.id, text: `${v.name}: ${r.name} (holds ${r.capacity})` })),
        ),
      ].map((i) => ({ ...i, selected: i.value === values.breakoutRoom }))
      return reply.view(view, {
        ...meetingContext(found, request),
        ...picture,
        mode,
        action: `${meetingBase(found.id)}/${mode}`,
        placeItems,
        breakoutItems,
        values,
        errors,
        backLink: meetingBase(found.id),
      })
    }

    app.get(url, { config: meetingBookers }, async (request, reply) => {
      const found = await caseForView(deps, request, reply)
      if (!found) return reply
      const picture = await meetingPicture(db, deps.clock, found)
      if (mode === 'move' && !picture.meeting) return reply.redirect(`${meetingBase(found.id)}/book`, 303)
      if (mode === 'book' && picture.meeting) return reply.redirect(`${meetingBase(found.id)}/move`, 303)
      const m = picture.meeting
      const day = (request.query as { day?: unknown }).day
      const parties = await db.select().from(caseParties).where(eq(caseParties.caseId, found.id))
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
            adjustments: gatheredAdjustments(parties),
          }
      return render(reply, request, found, { ...values, version: String(found.version) })
    })

    app.post(url, { config: meetingBookers }, async (request, reply) => {
      const found = await caseForChange(deps, request, reply)
      if (!found) return reply
      const body = (request.body ?? {}) as Record<string, unknown>
      const picture = await meetingPicture(db, deps.clock, found)
      const form = validateBooking(body, deps.clock.today(), picture.calendar)
      if (!form.ok) return render(reply.code(400), request, found, body, form.errors)
      if (mode === 'move' && (!picture.meeting || form.meetingVersion === undefined)) {
        return render(reply.code(400), request, found, body, {
          summary: [{ text: 'There is no meeting to move: book one instead', href: '#meetingDate-day' }],
          fields: {},
        })
      }
      const service = createMeetingService({ db, clock: deps.clock })
      let unreached: string[] = []
      try {
        await submitOnce(db, deps.clock, body, async (tx) => {
          const result = await service.arrange(tx, found.id, form.input, {
            actor: actorOf(request),
            expectedVersion: form.version,
            ...(mode === 'move' ? { moving: { id: picture.meeting!.id, version: form.meetingVersion! } } : {}),
          })
          unreached = result.unreached
          return meetingBase(found.id)
        })
      } catch (error) {
        if (!(error instanceof MeetingRefused)) throw error
        if (error.code === 'not-found') return reply.code(404).view('cases/not-found.njk')
        const field = error.field
        const errors: FormErrors = {
          summary: [{ text: error.message, href: `#${field}` }],
          fields: error.code === 'stale' ? {} : { [field]: { text: error.message } },
        }
        return render(reply.code(400), request, found, body, errors)
      }
      const when = `${form.input.day}`
      const afterDeadline = picture.deadline && when > picture.deadline.dueDate
      request.session.flash = [
        mode === 'book'
          ? 'Meeting booked. The invitation, with a calendar file, is on its way to every party and the mediator.'
          : 'Meeting moved. The new details, with an updated calendar file, are on its way to every party and the mediator.',
        afterDeadline ? 'The meeting is after the 30-day deadline for holding the mediation.' : '',
        unreached.length ? `We have no way to send it to: ${unreached.join(', ')}. Contact them another way.` : '',
      ]
        .filter(Boolean)
        .join(' ')
      return reply.redirect(meetingBase(found.id), 303)
    })
  }
}

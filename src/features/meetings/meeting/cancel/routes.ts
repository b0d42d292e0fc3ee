// /cases/:id/meeting/cancel: call the meeting off, with a reason. Everyone is told, and their
// calendars get a CANCEL for the same UID with a higher sequence.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { AppDeps } from '../../../../app-deps.ts'
import { parseForm, text, type FormErrors } from '../../../../web/forms.ts'
import { submitOnce } from '../../../../web/submission.ts'
import { type CaseRow, actorOf } from '../../../cases/index.ts'
import { createMeetingService, MeetingRefused } from '../../service.ts'
import { caseForChange, caseForView, meetingBase, meetingBookers, meetingContext, meetingPicture } from '../../page.ts'

const view = 'meetings/meeting/cancel/view.njk'

const cancelSchema = z
  .object({
    _csrf: z.string(),
    submissionKey: z.string().max(100).optional(),
    version: z.string().max(20),
    meetingVersion: z.string().max(20),
    reason: text('Enter why the meeting is cancelled', 1000, 'The reason'),
  })
  .strict()

export default async function cancelMeeting(app: FastifyInstance, deps: AppDeps) {
  const db = deps.database.db

  async function render(
    reply: FastifyReply,
    request: FastifyRequest,
    found: CaseRow,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    const picture = await meetingPicture(db, deps.clock, found)
    return reply.view(view, {
      ...meetingContext(found, request),
      ...picture,
      values,
      errors,
      backLink: meetingBase(found.id),
    })
  }

  app.get('/cases/:id/meeting/cancel', { config: meetingBookers }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    const picture = await meetingPicture(db, deps.clock, found)
    if (!picture.meeting) return reply.redirect(meetingBase(found.id), 303)
    return render(reply, request, found, {
      version: String(found.version),
      meetingVersion: String(picture.meeting.version),
    })
  })

  app.post('/cases/:id/meeting/cancel', { config: meetingBookers }, async (request, reply) => {
    const found = await caseForChange(deps, request, reply)
    if (!found) return reply
    const body = (request.body ?? {}) as Record<string, unknown>
    const form = parseForm(cancelSchema, body)
    if (!form.ok) return render(reply.code(400), request, found, body, form.errors)
    const picture = await meetingPicture(db, deps.clock, found)
    if (!picture.meeting)
      return render(reply.code(400), request, found, body, {
        summary: [{ text: 'There is no meeting to cancel', href: '#reason' }],
        fields: {},
      })
    const service = createMeetingService({ db, clock: deps.clock })
    let unreached: string[] = []
    try {
      await submitOnce(db, deps.clock, body, async (tx) => {
        const result = await service.cancel(
          tx,
          found.id,
          {
            meetingId: picture.meeting!.id,
            meetingVersion: Number(form.data.meetingVersion),
            expectedVersion: Number(form.data.version),
            reason: form.data.reason,
          },
          actorOf(request),
        )
        unreached = result.unreached
        return meetingBase(found.id)
      })
    } catch (error) {
      if (!(error instanceof MeetingRefused)) throw error
      return render(reply.code(400), request, found, body, {
        summary: [{ text: error.message, href: '#reason' }],
        fields: {},
      })
    }
    request.session.flash = [
      'Meeting cancelled. Every party and the mediator are being told.',
      unreached.length ? `We have no way to tell: ${unreached.join(', ')}. Contact them another way.` : '',
    ]
      .filter(Boolean)
      .join(' ')
    return reply.redirect(meetingBase(found.id), 303)
  })
}

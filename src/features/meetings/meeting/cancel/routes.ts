// /cases/:id/meeting/cancel: call the meeting off, with a reason. Everyone is told, and their
// calendars get a CANCEL for the same UID with a higher sequence (cancel-service.ts).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { parseForm, submitForm, type FormErrors } from '../../../../web/forms.ts'
import type { CaseRow } from '../../../cases/index.ts'
import {
  actorOf,
  caseForChange,
  caseForView,
  meetingBase,
  meetingBookers,
  meetingContext,
  meetingServiceOf,
} from '../../page.ts'
import { cancelSchema } from './schema.ts'

const view = 'meetings/meeting/cancel/view.njk'

export default async function cancelMeeting(app: FastifyInstance, deps: AppDeps) {
  const meetings = meetingServiceOf(deps)

  type Picture = Awaited<ReturnType<typeof meetings.picture>>

  function render(
    reply: FastifyReply,
    request: FastifyRequest,
    found: CaseRow,
    picture: Picture,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) {
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
    const picture = await meetings.picture(found.id)
    if (!picture.meeting) return reply.redirect(meetingBase(found.id), 303)
    return render(reply, request, found, picture, {
      version: String(found.version),
      meetingVersion: String(picture.meeting.version),
    })
  })

  app.post('/cases/:id/meeting/cancel', { config: meetingBookers }, async (request, reply) => {
    const found = await caseForChange(deps, request, reply)
    if (!found) return reply
    return submitForm(request, reply, {
      parse: (body) => parseForm(cancelSchema, body),
      render: async (reply, { values, errors }) =>
        render(reply, request, found, await meetings.picture(found.id), values, errors),
      field: 'reason',
      submit: async (form) => {
        const result = await meetings.cancelMeeting(
          found.id,
          {
            meetingVersion: Number(form.meetingVersion),
            expectedVersion: Number(form.version),
            reason: form.reason,
          },
          { actor: actorOf(request), submissionKey: form.submissionKey },
        )
        if (!result.ok) return result
        const flash = [
          'Meeting cancelled. Every party and the mediator are being told.',
          result.unreached.length
            ? `We have no way to tell: ${result.unreached.join(', ')}. Contact them another way.`
            : '',
        ]
          .filter(Boolean)
          .join(' ')
        return { ok: true, redirect: meetingBase(found.id), flash }
      },
    })
  })
}

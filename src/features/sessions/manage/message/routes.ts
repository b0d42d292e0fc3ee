// /sessions/:id/message: a message to everyone with a place, each by the channel they chose
// (once per form: a doubled click sends it once).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { currentUser } from '../../../../web/auth.ts'
import { notFound } from '../../../../web/errors.ts'
import { parseForm, submitForm, type FormErrors } from '../../../../web/forms.ts'
import { auditActorOf } from '../../../audit/index.ts'
import { sessionServiceOf, sessionStaff, sessionView, staffBase } from '../../page.ts'
import { messageSchema } from './schema.ts'

const view = 'sessions/manage/message/view.njk'

export default async function messagePage(app: FastifyInstance, deps: AppDeps) {
  const sessions = sessionServiceOf(deps)

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    values: Record<string, unknown> = {},
    errors?: FormErrors,
  ) {
    const { id } = request.params as { id: string }
    const found = await sessions.session(currentUser(request), id)
    if (!found) return notFound(request, reply)
    return reply.view(view, {
      session: sessionView(found),
      booked: found.booked,
      values,
      errors,
      backLink: staffBase(id),
    })
  }

  app.get('/sessions/:id/message', { config: sessionStaff }, (request, reply) => render(request, reply))

  app.post('/sessions/:id/message', { config: sessionStaff }, async (request, reply) => {
    const { id } = request.params as { id: string }
    return submitForm(request, reply, {
      parse: (body) => parseForm(messageSchema, body),
      render: (reply, { values, errors }) => render(request, reply, values, errors),
      field: 'message',
      submit: async (form) => {
        const done = await sessions.messageEveryone(
          currentUser(request),
          id,
          form.message,
          form.submissionKey,
          auditActorOf(request),
        )
        if (!done.ok) return done
        return {
          ok: true,
          redirect: staffBase(id),
          flash: `Message sent to ${done.sent} ${done.sent === 1 ? 'person' : 'people'}.`,
        }
      },
    })
  })
}

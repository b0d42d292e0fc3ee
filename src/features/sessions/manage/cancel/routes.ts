// /sessions/:id/cancel: call the session off, with a reason. Everyone booked or waiting is told;
// those with a place get a calendar file that takes it out of their calendar.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { currentUser } from '../../../../web/auth.ts'
import { notFound } from '../../../../web/errors.ts'
import { parseForm, submitForm, type FormErrors } from '../../../../web/forms.ts'
import { auditActorOf } from '../../../audit/index.ts'
import { sessionServiceOf, sessionStaff, sessionView, staffBase } from '../../page.ts'
import { cancelSchema } from './schema.ts'

const view = 'sessions/manage/cancel/view.njk'

export default async function cancelSession(app: FastifyInstance, deps: AppDeps) {
  const sessions = sessionServiceOf(deps)

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    values?: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    const { id } = request.params as { id: string }
    const found = await sessions.session(currentUser(request), id)
    if (!found) return notFound(request, reply)
    if (found.session.cancelledAt) return reply.redirect(staffBase(id), 303)
    return reply.view(view, {
      session: sessionView(found),
      booked: found.booked,
      waiting: found.waiting,
      values: values ?? { version: String(found.session.version) },
      errors,
      backLink: staffBase(id),
    })
  }

  app.get('/sessions/:id/cancel', { config: sessionStaff }, (request, reply) => render(request, reply))

  app.post('/sessions/:id/cancel', { config: sessionStaff }, async (request, reply) => {
    const { id } = request.params as { id: string }
    return submitForm(request, reply, {
      parse: (body) => parseForm(cancelSchema, body),
      render: (reply, { values, errors }) => render(request, reply, values, errors),
      field: 'reason',
      submit: async (form) => {
        const done = await sessions.cancel(
          currentUser(request),
          id,
          Number(form.version),
          form.reason,
          auditActorOf(request),
        )
        if (!done.ok) return done
        return {
          ok: true,
          redirect: staffBase(id),
          flash: 'Session cancelled. Everyone booked or waiting is being told.',
        }
      },
    })
  })
}

// /sessions/:id/change: change or move the session. A new date, time or place goes to everyone
// booked or waiting, with the calendar file updated; more places move people up from the list.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { currentUser } from '../../../../web/auth.ts'
import { notFound } from '../../../../web/errors.ts'
import { submitForm, type FormErrors } from '../../../../web/forms.ts'
import { auditActorOf } from '../../../audit/index.ts'
import { sessionServiceOf, sessionStaff, staffBase } from '../../page.ts'
import { choiceItems, readSessionForm, valuesOf } from '../session-form.ts'

const view = 'sessions/manage/change/view.njk'

export default async function changeSession(app: FastifyInstance, deps: AppDeps) {
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
    const shown = values ?? valuesOf(found)
    return reply.view(view, {
      ...choiceItems([], await sessions.venues(), shown),
      values: shown,
      errors,
      askCouncil: false,
      sessionId: id,
      council: found.council,
      backLink: staffBase(id),
    })
  }

  app.get('/sessions/:id/change', { config: sessionStaff }, (request, reply) => render(request, reply))

  app.post('/sessions/:id/change', { config: sessionStaff }, async (request, reply) => {
    const { id } = request.params as { id: string }
    return submitForm(request, reply, {
      parse: (body) => readSessionForm(body, { today: deps.clock.today(), needsKey: false, askCouncil: false }),
      render: (reply, { values, errors }) => render(request, reply, values, errors),
      field: 'title',
      submit: async (form) => {
        const user = currentUser(request)
        const done = await sessions.change(user, id, Number(form.version), form, auditActorOf(request))
        if (!done.ok) return done
        return {
          ok: true,
          redirect: staffBase(id),
          flash: 'Session saved. If the date, time or place changed, everyone booked is being told.',
        }
      },
    })
  })
}

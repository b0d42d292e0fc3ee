// /sessions/new: add an information session for a council this person works for.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { auditActorOf } from '../../../audit/index.ts'
import { currentUser } from '../../../../web/auth.ts'
import { submitForm } from '../../../../web/forms.ts'
import { sessionServiceOf, sessionStaff } from '../../page.ts'
import { choiceItems, readSessionForm } from '../session-form.ts'

const view = 'sessions/manage/new/view.njk'

export default async function newSession(app: FastifyInstance, deps: AppDeps) {
  const sessions = sessionServiceOf(deps)

  async function context(request: FastifyRequest, given?: Record<string, unknown>) {
    const councils = await sessions.councilsFor(currentUser(request))
    const values = given ?? (councils.length === 1 ? { councilId: councils[0]!.id } : {})
    const items = choiceItems(councils, await sessions.venues(), values)
    return { ...items, values, askCouncil: true, backLink: '/sessions' }
  }

  app.get('/sessions/new', { config: sessionStaff }, async (request, reply) => reply.view(view, await context(request)))

  app.post('/sessions/new', { config: sessionStaff }, async (request, reply) =>
    submitForm(request, reply, {
      parse: (body) => readSessionForm(body, { today: deps.clock.today(), needsKey: true, askCouncil: true }),
      render: async (reply, { values, errors }) => reply.view(view, { ...(await context(request, values)), errors }),
      field: 'title',
      submit: async (form) => {
        const made = await sessions.create(currentUser(request), form, form.submissionKey!, auditActorOf(request))
        if (!made.ok) return made
        return {
          ok: true,
          redirect: `/sessions/${made.sessionId}`,
          flash: `${form.title} added. People can book it now.`,
        }
      },
    }),
  )
}

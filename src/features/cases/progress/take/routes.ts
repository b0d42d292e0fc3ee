// POST /cases/:id/progress/take: "Take this case": the signed-in person looks after it from now on.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { caseWorkers } from '../../access.ts'
import { currentUser } from '../../../../web/auth.ts'
import { parseForm, type FormErrors } from '../../../../web/forms.ts'
import { visibleCaseOr404 } from '../../case-page.ts'
import { staleMessage, takeCase } from '../assignment.ts'
import { renderProgress } from '../routes.ts'
import { takeSchema } from './schema.ts'

export default async function takeThisCase(app: FastifyInstance, { database, clock }: AppDeps) {
  app.post('/cases/:id/progress/take', { config: { access: caseWorkers } }, async (request, reply) => {
    const found = await visibleCaseOr404(database.db, request, reply)
    if (!found) return reply
    const user = currentUser(request)
    const form = parseForm(takeSchema, request.body)
    const version = form.ok ? form.data.version : 0
    const result = await takeCase(database.db, clock, { caseId: found.id, user, expectedVersion: version })
    if (!result.ok) {
      if (result.code === 'not-found') return reply.code(404).view('cases/not-found.njk')
      const errors: FormErrors = { summary: [{ text: staleMessage, href: '#case-now' }], fields: {} }
      return renderProgress({ db: database.db, clock }, reply.code(409), found, user, { errors })
    }
    request.session.flash = 'You are now looking after this case'
    return reply.redirect(`/cases/${found.id}/progress`, 303)
  })
}

// POST /cases/:id/progress/take: "Take this case": the signed-in person looks after it from now on.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { currentUser } from '../../../../web/auth.ts'
import { submitForm } from '../../../../web/forms.ts'
import { caseWorkers } from '../../access.ts'
import { visibleCaseOr404 } from '../../case-page.ts'
import { takeCase } from '../assignment.ts'
import { renderProgress } from '../routes.ts'
import { readTakeForm } from './schema.ts'

export default async function takeThisCase(app: FastifyInstance, { database, clock }: AppDeps) {
  const deps = { db: database.db, clock }
  app.post('/cases/:id/progress/take', { config: { access: caseWorkers } }, async (request, reply) => {
    const found = await visibleCaseOr404(database.db, request, reply)
    if (!found) return reply
    const user = currentUser(request)
    return submitForm(request, reply, {
      parse: readTakeForm,
      // Refused only when someone else changed the case: the progress page again, as it is now.
      render: (reply, { errors }) => renderProgress(deps, reply, found, user, { errors }),
      submit: async ({ version }) => {
        const taken = await takeCase(database.db, clock, { caseId: found.id, user, expectedVersion: version })
        if (!taken.ok) return taken
        return { ok: true, redirect: `/cases/${found.id}/progress`, flash: 'You are now looking after this case' }
      },
      field: 'case-now',
    })
  })
}

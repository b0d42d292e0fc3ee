// /cases/:id/agreement: the meeting record, the agreement as it stands (each point with its
// SMART advice while it is a draft), following it through, and how the case ended.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { agreementAccess, agreementServiceOf, caseForView, pageContext } from '../page.ts'

export default async function overviewPage(app: FastifyInstance, deps: AppDeps) {
  const agreements = agreementServiceOf(deps)

  app.get('/cases/:id/agreement', { config: agreementAccess }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    const data = await agreements.picture(found.id)
    return reply.view('agreements/overview/view.njk', { ...pageContext(found, request), ...data })
  })
}

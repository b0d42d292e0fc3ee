// /complaints/:id: one complaint: who, about what, each stage with its deadlines and answer, the
// letters sent, the route after the last stage (with its dates), and every step recorded.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { currentUser } from '../../../web/auth.ts'
import { complaintNotFound, complaintsAccess } from '../page.ts'
import { createComplaintPages } from '../page-service.ts'

type Params = { Params: { id: string } }

export default async function complaintPage(app: FastifyInstance, deps: AppDeps) {
  const pages = createComplaintPages({ db: deps.database.db, clock: deps.clock })

  app.get<Params>('/complaints/:id', { config: complaintsAccess }, async (request, reply) => {
    const page = await pages.complaint(currentUser(request), request.params.id.toLowerCase())
    if (!page) return complaintNotFound(reply)
    return reply.view('complaints/complaint/view.njk', { ...page, today: deps.clock.today(), backLink: '/complaints' })
  })
}

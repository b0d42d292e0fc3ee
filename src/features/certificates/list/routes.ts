// /cases/:id/certificates: the case's "Certificates" tab. The certificates issued, each as a page
// and as PDFs (standard and large print), and the certificate due, if one is.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { roles } from '../../../domain/staff.ts'
import { caseContext, caseForView } from '../../cases/index.ts'
import { certificatesTab } from '../service.ts'

export default async function certificatesList(app: FastifyInstance, deps: AppDeps) {
  app.get('/cases/:id/certificates', { config: { access: roles } }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    const tab = await certificatesTab({ db: deps.database.db, clock: deps.clock }, found)
    return reply.view('certificates/list/view.njk', { ...caseContext(found, 'certificates'), ...tab })
  })
}

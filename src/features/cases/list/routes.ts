// /cases: every case this person may see, filtered, searched, sorted and paged on the server.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { roles } from '../../../domain/staff.ts'
import { currentUser } from '../../../web/auth.ts'
import { readListQuery } from './schema.ts'
import { caseListPage } from './service.ts'

export default async function caseList(app: FastifyInstance, { database, clock }: AppDeps) {
  app.get('/cases', { config: { access: roles } }, async (request, reply) => {
    const query = readListQuery(request.query)
    const page = await caseListPage({ db: database.db, clock }, currentUser(request), query)
    return reply
      .code(query.errors ? 400 : 200)
      .view('cases/list/view.njk', { ...page, errors: query.errors, values: query.values })
  })
}

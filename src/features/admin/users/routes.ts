// /admin/users: every staff account, with its roles and whether it is active.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { adminOnly } from '../access.ts'
import { describeRoles } from '../roles.ts'
import { createAccountService } from './service.ts'

export default async function users(app: FastifyInstance, { database, clock }: AppDeps) {
  const accounts = createAccountService(database.db, clock)

  app.get('/admin/users', { config: adminOnly }, async (_request, reply) => {
    const rows = (await accounts.list()).map((a) => ({ ...a, rolesText: describeRoles(a.roles) }))
    return reply.view('admin/users/view.njk', { accounts: rows })
  })
}

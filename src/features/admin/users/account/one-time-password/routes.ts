// /admin/users/:id/one-time-password: the new account's (or reset) one-time password, shown once.
// A reload shows it no more; the administrator can reset the password again if it was lost.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../../../app-deps.ts'
import { notFound } from '../../../../../web/errors.ts'
import { adminOnly } from '../../../access.ts'
import { takeToShow } from '../../one-time-password.ts'
import { createAccountService } from '../../service.ts'

export default async function oneTimePassword(app: FastifyInstance, { database, clock, config }: AppDeps) {
  const accounts = createAccountService(database.db, clock)

  app.get<{ Params: { id: string } }>(
    '/admin/users/:id/one-time-password',
    { config: adminOnly },
    async (request, reply) => {
      const found = await accounts.find(request.params.id)
      if (!found) return notFound(request, reply)
      const password = takeToShow(request, config.SESSION_SECRET, found.id)
      reply.header('cache-control', 'no-store') // never kept by the browser or a proxy
      return reply.view('admin/users/account/one-time-password/view.njk', { account: found, password })
    },
  )
}

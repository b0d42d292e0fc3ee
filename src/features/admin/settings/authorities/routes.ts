// /admin/settings/authorities/:id was where a council's update cadence was changed: it is part of
// the council's page now (/admin/councils/:id), so the old address leads there.
import type { FastifyInstance } from 'fastify'
import { adminOnly } from '../../access.ts'

type Params = { Params: { id: string } }

export default async function authorityCadence(app: FastifyInstance) {
  app.get<Params>('/admin/settings/authorities/:id', { config: adminOnly }, async (request, reply) =>
    reply.redirect(`/admin/councils/${request.params.id}`, 301),
  )
}

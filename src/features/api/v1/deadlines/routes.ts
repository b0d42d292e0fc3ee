// POST /api/v1/deadlines: what the deadlines would be after these events. Nothing is stored.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { deadlineJson } from '../../cases.ts'
import { apiRoute, invalid, parseBody } from '../../http.ts'
import { whatIfSchema } from '../../schemas.ts'
import { workOutDeadlines } from '../../../cases/index.ts'

export default async function deadlines(app: FastifyInstance, { database, clock }: AppDeps) {
  const schema = whatIfSchema()

  app.post('/api/v1/deadlines', { config: apiRoute }, async (request, reply) => {
    const parsed = parseBody(schema, request.body)
    if (!parsed.ok) return invalid(reply, parsed.fields)
    const { deadlines } = await workOutDeadlines(database.db, parsed.data.events, parsed.data.today ?? clock.today())
    return reply.send({ deadlines: deadlines.map(deadlineJson) })
  })
}

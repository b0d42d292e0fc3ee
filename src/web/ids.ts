// One way to check an id in a URL. Every route parameter named `id` or ending in `Id` (:id,
// :pointId, :summaryId, ...) must be a UUID; anything else gets the not-found answer before the
// route runs, so no malformed id ever reaches the database.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { z } from 'zod'
import { notFound } from './errors.ts'

export const uuid = z.guid()

export const isUuid = (value: unknown): value is string => uuid.safeParse(value).success

const idParams = (url: string) =>
  [...url.matchAll(/:([A-Za-z_]\w*)/g)].map((m) => m[1]!).filter((n) => n === 'id' || n.endsWith('Id'))

export default fp(async function ids(app: FastifyInstance) {
  app.addHook('onRoute', (route) => {
    const names = idParams(route.url)
    if (!names.length) return
    const check = async (request: FastifyRequest, reply: FastifyReply) => {
      const params = request.params as Record<string, unknown>
      if (names.some((n) => !isUuid(params[n]))) return notFound(request, reply)
    }
    route.preValidation = [check, ...[route.preValidation ?? []].flat()]
  })
})

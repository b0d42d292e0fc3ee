// The commissioned service's name and contact details, shown on every page.
import { eq } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Db } from '../db/client.ts'
import { localAuthorities } from '../db/schema/index.ts'

/** Answers that are not pages (health checks, the JSON API) need no service details. */
const notPages = /^\/(health|ready|api\/)/

export default fp(async function serviceInfo(app: FastifyInstance, opts: { db: Db }) {
  let cached: typeof localAuthorities.$inferSelect | undefined
  app.addHook('preHandler', async (request, reply) => {
    if (notPages.test(request.url)) return
    cached ??= (
      await opts.db.select().from(localAuthorities).where(eq(localAuthorities.commissioned, true)).limit(1)
    )[0]
    reply.locals = { ...reply.locals, service: cached }
  })
})

// The directory feed: the service, its councils, venues, contacts and opening times in the Open
// Referral UK API standard (version 3, HSDS 3), for councils' Local Offer directories.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app-deps.ts'
import feedRoutes from './routes.ts'
import type { ScheduleSource } from './schedules.ts'
import { createFeedService } from './service.ts'

/** The standard's OpenAPI document, which this feed follows. */
const ORUK_OPENAPI = 'https://raw.githubusercontent.com/openreferral/uk-profile/main/schema/openapi.json'

export default async function openReferralArea(
  app: FastifyInstance,
  deps: AppDeps & { scheduleSources?: readonly ScheduleSource[] },
) {
  const feed = createFeedService({
    db: deps.database.db,
    baseUrl: deps.config.PUBLIC_URL,
    scheduleSources: deps.scheduleSources ?? [],
  })
  // Any website may read the feed (it is public, and sends no cookies' worth of anything).
  app.addHook('onSend', async (_request, reply) => {
    reply.header('access-control-allow-origin', '*')
    reply.header('cache-control', 'public, max-age=300')
  })
  await feedRoutes(app, feed, ORUK_OPENAPI)
}

// Builds the app without listening: server.ts listens, tests use app.inject().
import formbody from '@fastify/formbody'
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import type { Logger } from 'pino'
import type { Clock } from './clock.ts'
import type { Config } from './config.ts'
import type { Database } from './db/client.ts'
import adminArea from './features/admin/area.ts'
import agreementsArea from './features/agreements/area.ts'
import apiArea from './features/api/area.ts'
import authArea from './features/auth/area.ts'
import casesArea from './features/cases/area.ts'
import datesArea from './features/dates/area.ts'
import enquiriesArea from './features/enquiries/area.ts'
import healthRoutes from './features/health/routes.ts'
import homeArea from './features/home/area.ts'
import intakeArea from './features/intake/area.ts'
import mediatorsArea from './features/mediators/area.ts'
import meetingsArea from './features/meetings/area.ts'
import messagesArea from './features/messages/area.ts'
import portalArea from './features/portal/area.ts'
import todayArea from './features/today/area.ts'
import auth from './web/auth.ts'
import errors from './web/errors.ts'
import security from './web/security.ts'
import serviceInfo from './web/service-info.ts'
import session from './web/session.ts'
import staticAssets from './web/static.ts'
import views from './web/views.ts'

export interface AppDeps {
  config: Config
  database: Database
  clock: Clock
}

export async function buildApp(deps: AppDeps, logger?: Logger): Promise<FastifyInstance> {
  const { config, database, clock } = deps
  const app: FastifyInstance = Fastify({
    loggerInstance: logger as FastifyBaseLogger | undefined,
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    routerOptions: { ignoreTrailingSlash: true },
  })

  await app.register(views) // first: it resets reply.locals on each request
  await app.register(errors)
  await app.register(security)
  await app.register(formbody)
  await app.register(staticAssets)
  await app.register(session, { config, db: database.db, clock })
  await app.register(auth, { db: database.db, clock })
  await app.register(serviceInfo, { db: database.db })

  for (const area of [
    healthRoutes,
    homeArea,
    intakeArea,
    authArea,
    adminArea,
    enquiriesArea,
    casesArea,
    todayArea,
    apiArea,
    datesArea,
    mediatorsArea,
    messagesArea,
    meetingsArea,
    agreementsArea,
    portalArea,
  ]) {
    await app.register(area, deps)
  }
  return app
}

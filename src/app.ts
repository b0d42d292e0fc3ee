// Builds the app without listening: server.ts listens, tests use app.inject(). The one place that
// knows every area: each registers its own pages, in this list.
import formbody from '@fastify/formbody'
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify'
import type { Logger } from 'pino'
import type { AppDeps } from './app-deps.ts'
import type { MessageTemplate } from './domain/message-wording.ts'
import adminArea from './features/admin/area.ts'
import agreementsArea from './features/agreements/area.ts'
import { agreementTemplates } from './features/agreements/index.ts'
import { certificateTemplates } from './features/certificates/index.ts'
import allocationArea from './features/allocation/area.ts'
import apiArea from './features/api/area.ts'
import auditArea from './features/audit/area.ts'
import { auditDownloads } from './features/audit/index.ts'
import authArea from './features/auth/area.ts'
import { authTemplates, secondFactorTemplates } from './features/auth/index.ts'
import casesArea from './features/cases/area.ts'
import certificatesArea from './features/certificates/area.ts'
import complaintsArea from './features/complaints/area.ts'
import { complaintTemplates } from './features/complaints/index.ts'
import datesArea from './features/dates/area.ts'
import enquiriesArea from './features/enquiries/area.ts'
import healthArea from './features/health/area.ts'
import importsArea from './features/imports/area.ts'
import homeArea from './features/home/area.ts'
import intakeArea from './features/intake/area.ts'
import mediatorsArea from './features/mediators/area.ts'
import openReferralArea from './features/openreferral/area.ts'
import meetingsArea from './features/meetings/area.ts'
import { meetingTemplates } from './features/meetings/index.ts'
import messagesArea from './features/messages/area.ts'
import { generalTemplates } from './features/messages/index.ts'
import portalArea from './features/portal/area.ts'
import { partyAdmission, portalTemplates } from './features/portal/index.ts'
import preparationArea from './features/preparation/area.ts'
import publicPagesArea from './features/public-pages/area.ts'
import reportsArea from './features/reports/area.ts'
import retentionArea from './features/retention/area.ts'
import rightsArea from './features/rights/area.ts'
import sessionsArea from './features/sessions/area.ts'
import { sessionSchedules, sessionTemplates } from './features/sessions/index.ts'
import todayArea from './features/today/area.ts'
import auth from './web/auth.ts'
import errors from './web/errors.ts'
import ids from './web/ids.ts'
import { databaseRateLimitStore } from './web/rate-limit-store.ts'
import { OneLinePerRequest } from './web/request-log.ts'
import requestOrigin from './web/request-origin.ts'
import security from './web/security.ts'
import serviceInfo from './web/service-info.ts'
import session from './web/session.ts'
import staticAssets from './web/static.ts'
import storableText from './web/storable-text.ts'
import views from './web/views.ts'

export type { AppDeps }

/** Every message Parley sends, for the wording pages; each area owns its own. */
export const allTemplates: readonly MessageTemplate[] = [
  ...generalTemplates,
  ...meetingTemplates,
  ...agreementTemplates,
  ...certificateTemplates,
  ...portalTemplates,
  ...complaintTemplates,
  ...authTemplates,
  ...secondFactorTemplates,
  ...sessionTemplates,
]

export async function buildApp(deps: AppDeps, logger?: Logger): Promise<FastifyInstance> {
  const { config, database, clock } = deps
  const app: FastifyInstance = Fastify({
    loggerInstance: logger as FastifyBaseLogger | undefined,
    bodyLimit: config.BODY_LIMIT_BYTES,
    trustProxy: config.TRUST_PROXY,
    routerOptions: { ignoreTrailingSlash: true },
    logController: new OneLinePerRequest(),
  })

  await app.register(views) // first: it resets reply.locals on each request
  await app.register(errors)
  await app.register(requestOrigin) // each request's address, for the case events and looks it records
  await app.register(ids) // before the areas: it checks the ids of every route they add
  await app.register(security, { rateLimitStore: databaseRateLimitStore(database.db, clock) })
  await app.register(formbody)
  await app.register(storableText) // after the body is read, before any route
  await app.register(staticAssets)
  await app.register(session, { config, db: database.db, clock })
  await app.register(auth, { db: database.db, clock, admitParty: partyAdmission(database.db, clock) })
  await app.register(serviceInfo, { db: database.db })
  await app.register(auditDownloads, { db: database.db, clock }) // every download in the audit trail

  for (const area of [
    healthArea,
    homeArea,
    intakeArea,
    authArea,
    adminArea,
    auditArea,
    enquiriesArea,
    casesArea,
    allocationArea,
    preparationArea,
    certificatesArea,
    todayArea,
    apiArea,
    datesArea,
    mediatorsArea,
    meetingsArea,
    agreementsArea,
    portalArea,
    reportsArea,
    retentionArea,
    complaintsArea,
    rightsArea,
    importsArea,
    sessionsArea,
    publicPagesArea,
  ]) {
    await app.register(area, deps)
  }
  // The directory feed, with each council's upcoming information sessions among its service's schedules.
  await app.register(openReferralArea, {
    ...deps,
    scheduleSources: [sessionSchedules({ clock, publicUrl: config.PUBLIC_URL })],
  })
  await app.register(messagesArea, { ...deps, templates: allTemplates })
  return app
}

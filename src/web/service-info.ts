// The service's name and contact details, shown on every page, read as they are now on each
// request (an administrator's change shows at once, on every instance). Staff and public pages show
// the provider's own details: those of the first commissioning council, the one the install started
// with. A party in the portal sees their case's council's; a staff page of a case sets its case's
// council's itself (src/features/cases/case-page.ts).
import { asc, eq } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Db } from '../db/client.ts'
import { cases, localAuthorities } from '../db/schema/index.ts'
import { reachableCouncil } from './provider.ts'

/** Answers that are not pages (health checks, the JSON API) need no service details. */
const notPages = /^\/(health|ready|api\/)/

export type ServiceDetails = typeof localAuthorities.$inferSelect

/** The provider's own details: the first commissioning council's. */
export async function providerDetails(db: Db): Promise<ServiceDetails | undefined> {
  const [row] = await db
    .select()
    .from(localAuthorities)
    .where(eq(localAuthorities.commissioned, true))
    .orderBy(asc(localAuthorities.createdAt), asc(localAuthorities.code))
    .limit(1)
  return row
}

/** The details of the council a case is under. */
export async function caseServiceDetails(db: Db, caseId: string): Promise<ServiceDetails | undefined> {
  const [row] = await db
    .select({ council: localAuthorities })
    .from(cases)
    .innerJoin(localAuthorities, eq(localAuthorities.id, cases.localAuthorityId))
    .where(eq(cases.id, caseId))
  return row?.council
}

export default fp(async function serviceInfo(app: FastifyInstance, opts: { db: Db }) {
  // After auth's preHandler (registered before this plugin): a portal party is known by now.
  app.addHook('preHandler', async (request, reply) => {
    if (notPages.test(request.url)) return
    const council =
      (request.party && (await caseServiceDetails(opts.db, request.party.caseId))) || (await providerDetails(opts.db))
    // A council with no phone or email of its own is reached through the provider's.
    const service = council && (await reachableCouncil(opts.db, council))
    reply.locals = { ...reply.locals, service }
  })
})

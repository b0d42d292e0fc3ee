// Who may use each page. Every route declares it in its config: `access: 'public'`, the staff
// roles allowed, or 'party' (the parties' portal: a party signed in with a link or code, checked on
// every request); a route that declares nothing stops the app from starting.
import { eq } from 'drizzle-orm'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/client.ts'
import { recordAccess } from '../features/cases/access-log.ts'
import { users, type Role } from '../db/schema/index.ts'
import { loadPortalParty, type PortalParty } from '../features/portal/party-access.ts'

export type Access = 'public' | 'signed-in' | 'party' | readonly Role[]

export interface StaffUser {
  id: string
  email: string
  name: string
  roles: Role[]
  mustChangePassword: boolean
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access
  }
  interface FastifyRequest {
    user: StaffUser | null
    /** The party signed in to the portal, on routes with access 'party'. */
    party: PortalParty | null
  }
}

export function hasRole(user: StaffUser | null, ...roles: Role[]): boolean {
  return !!user && roles.some((r) => user.roles.includes(r))
}

export function currentUser(request: FastifyRequest): StaffUser {
  if (!request.user) throw new Error('this route must declare staff access')
  return request.user
}

/** The signed-in party on a route with access 'party'. */
export function currentParty(request: FastifyRequest): PortalParty {
  if (!request.party) throw new Error('this route must declare party access')
  return request.party
}

export default fp(async function auth(app: FastifyInstance, opts: { db: Db; clock: Clock }) {
  app.decorateRequest('user', null)
  app.decorateRequest('party', null)

  app.addHook('onRoute', (route) => {
    const access = route.config?.access
    const isAsset = route.url.startsWith('/assets/')
    if (!access && !isAsset && route.method !== 'HEAD') {
      throw new Error(`Route ${route.method} ${route.url} must declare who may use it (config.access)`)
    }
  })

  app.addHook('preHandler', async (request, reply) => {
    const userId = request.session?.userId
    if (userId) {
      const [row] = await opts.db.select().from(users).where(eq(users.id, userId))
      if (row && !row.disabledAt) {
        request.user = {
          id: row.id,
          email: row.email,
          name: row.name,
          roles: row.roles,
          mustChangePassword: row.mustChangePassword,
        }
      } else {
        request.session.userId = undefined
      }
      reply.locals = { ...reply.locals, user: request.user }
    }

    const access = request.routeOptions.config?.access
    if (!access || access === 'public') return
    if (access === 'party') {
      // Checked on every request: the party still exists, the address they proved is still theirs,
      // and someone acting for the family still has the family's permission.
      const partyId = request.session?.partyId
      request.party = partyId ? await loadPortalParty(opts.db, partyId, request.session.partyAddress) : null
      if (!request.party) {
        if (partyId) request.session.partyId = undefined
        return reply.redirect('/portal/sign-in', 303)
      }
      reply.locals = { ...reply.locals, party: request.party }
      // Every page and download a party opens shows their case's personal data: log the look.
      if (request.method === 'GET') {
        await recordAccess(opts.db, opts.clock, {
          partyId: request.party.partyId,
          caseId: request.party.caseId,
          path: request.url,
        })
      }
      return
    }
    if (!request.user) {
      const next = encodeURIComponent(request.url)
      return reply.redirect(request.method === 'GET' ? `/sign-in?next=${next}` : '/sign-in', 303)
    }
    if (
      request.user.mustChangePassword &&
      !request.url.startsWith('/account/password') &&
      request.url !== '/sign-out'
    ) {
      return reply.redirect('/account/password', 303)
    }
    if (access !== 'signed-in' && !hasRole(request.user, ...access)) {
      return reply.code(403).view('errors/forbidden.njk')
    }
  })
})

// Who may use each page. Every route declares it in its config: `access: 'public'`, the staff
// roles allowed, or 'party' (the parties' portal: a party signed in with a link or code, checked on
// every request); a route that declares nothing stops the app from starting.
import { and, eq, isNotNull, sql } from 'drizzle-orm'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/client.ts'
import { staffSecondFactors, users } from '../db/schema/index.ts'
import { hasRole, type Role, type StaffUser } from '../domain/staff.ts'

export { hasRole, type StaffUser }

export type Access = 'public' | 'signed-in' | 'party' | readonly Role[]

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access
  }
  interface Session {
    /** The second factor a staff session was signed in with (features/auth/second-step.ts). */
    secondFactorId?: string
    /** The password was right; the second step is still to do. */
    pendingUserId?: string
  }
  interface FastifyRequest {
    user: StaffUser | null
    /** The party signed in to the portal, on routes with access 'party' (the portal's own type). */
    party: SignedInParty | null
  }
}

export function currentUser(request: FastifyRequest): StaffUser {
  if (!request.user) throw new Error('this route must declare staff access')
  return request.user
}

/** What this plugin knows of a portal party; the portal area gives the whole of it. */
export interface SignedInParty {
  partyId: string
  caseId: string
}

export interface AuthOptions {
  db: Db
  clock: Clock
  /**
   * The portal's check, on every request to a route with access 'party': the party for this
   * session while their access stands (recording the look), or null.
   */
  admitParty(request: FastifyRequest): Promise<SignedInParty | null>
}

export default fp(async function auth(app: FastifyInstance, opts: AuthOptions) {
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
      const [row] = await opts.db
        .select({
          user: users,
          councils: sql<
            string[]
          >`array(select uc.local_authority_id from user_councils uc where uc.user_id = ${users.id})`,
          factorId: staffSecondFactors.id,
        })
        .from(users)
        .leftJoin(
          staffSecondFactors,
          and(eq(staffSecondFactors.userId, users.id), isNotNull(staffSecondFactors.confirmedAt)),
        )
        .where(eq(users.id, userId))
      // A session counts only with the second factor it was signed in with: once an administrator
      // resets it (or a new one is set up), every session signed in with the old one is over.
      if (row && !row.user.disabledAt && row.factorId && row.factorId === request.session.secondFactorId) {
        const { user } = row
        request.user = {
          id: user.id,
          email: user.email,
          name: user.name,
          roles: user.roles,
          mustChangePassword: user.mustChangePassword,
          councils: user.roles.includes('administrator') ? 'all' : row.councils,
        }
      } else {
        request.session.userId = undefined
      }
      reply.locals = { ...reply.locals, user: request.user }
    }

    const access = request.routeOptions.config?.access
    if (!access || access === 'public') return
    if (access === 'party') {
      request.party = await opts.admitParty(request)
      if (!request.party) return reply.redirect('/portal/sign-in', 303)
      reply.locals = { ...reply.locals, party: request.party }
      return
    }
    if (!request.user) {
      // Past the password but not the second step: that comes first (it knows where they were going).
      if (request.session?.pendingUserId) return reply.redirect('/sign-in/second-factor', 303)
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

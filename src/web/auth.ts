// Who may use each page. Every route declares it in its config: `access: 'public'` or the staff
// roles allowed; a route that declares nothing stops the app from starting.
import { eq } from 'drizzle-orm'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { Db } from '../db/client.ts'
import { users, type Role } from '../db/schema/index.ts'

export type Access = 'public' | 'signed-in' | readonly Role[]

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
  }
}

export function hasRole(user: StaffUser | null, ...roles: Role[]): boolean {
  return !!user && roles.some((r) => user.roles.includes(r))
}

export function currentUser(request: FastifyRequest): StaffUser {
  if (!request.user) throw new Error('this route must declare staff access')
  return request.user
}

export default fp(async function auth(app: FastifyInstance, opts: { db: Db }) {
  app.decorateRequest('user', null)

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
        request.user = { id: row.id, email: row.email, name: row.name, roles: row.roles, mustChangePassword: row.mustChangePassword }
      } else {
        request.session.userId = undefined
      }
      reply.locals = { ...reply.locals, user: request.user }
    }

    const access = request.routeOptions.config?.access
    if (!access || access === 'public') return
    if (!request.user) {
      const next = encodeURIComponent(request.url)
      return reply.redirect(request.method === 'GET' ? `/sign-in?next=${next}` : '/sign-in', 303)
    }
    if (request.user.mustChangePassword && !request.url.startsWith('/account/password') && request.url !== '/sign-out') {
      return reply.redirect('/account/password', 303)
    }
    if (access !== 'signed-in' && !hasRole(request.user, ...access)) {
      return reply.code(403).view('errors/forbidden.njk')
    }
  })
})

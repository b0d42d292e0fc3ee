// Sessions live in the database, so that signing out or disabling an account ends them at once.
import { randomUUID } from 'node:crypto'
import cookie from '@fastify/cookie'
import csrf from '@fastify/csrf-protection'
import session from '@fastify/session'
import { eq, lt, sql } from 'drizzle-orm'
import type { FastifyInstance, Session } from 'fastify'
import fp from 'fastify-plugin'
import { z } from 'zod'
import type { Clock } from '../clock.ts'
import type { Config } from '../config.ts'
import type { Db } from '../db/client.ts'
import { sessions } from '../db/schema/index.ts'
import { isUuid } from './ids.ts'

declare module 'fastify' {
  interface Session {
    userId?: string
    /** A party signed in to the portal (src/features/portal), and the email or phone they proved is theirs. */
    partyId?: string
    partyAddress?: string
    /** The portal's text-code sign-in: the number a code was sent to, and wrong codes tried. */
    pendingPhone?: string
    codeAttempts?: number
    /** Answers to the public request journey, kept until it is sent. */
    request?: Record<string, unknown>
    flash?: string
    /** A staff session's start, last request (to the minute: see TOUCH_MS), browser and address, for the account's sessions page. */
    startedAt?: string
    seenAt?: string
    userAgent?: string
    ip?: string
  }
}

type Callback = (err?: unknown) => void

/** What the store keeps: plain JSON, with the cookie's settings that the session is rebuilt from. */
const storedSession = z.looseObject({ cookie: z.looseObject({ originalMaxAge: z.number().nullable() }) })

/**
 * A request that changes nothing in the session writes nothing, except its new expiry at most
 * once a minute: each write sets it a minute further than the idle time, so a session never ends
 * sooner than its idle time after the last request (and at most a minute later).
 */
const TOUCH_MS = 60_000

function databaseStore(db: Db, clock: Clock, idleMs: number, partyIdleMs: number) {
  // A party's session ends sooner when left alone (PORTAL_IDLE_MINUTES) than a staff member's.
  const idleOf = (data: Record<string, unknown>) => (data.partyId ? partyIdleMs : idleMs)
  return {
    get(sid: string, cb: (err: unknown, session?: Session | null) => void) {
      const load = async () => {
        const [row] = await db.select().from(sessions).where(eq(sessions.sid, sid))
        const now = clock.now().getTime()
        if (!row || row.expiresAt.getTime() <= now) return null
        const idle = idleOf(row.data)
        if (row.expiresAt.getTime() - now < idle) {
          const expiresAt = new Date(now + idle + TOUCH_MS)
          const seenAt = new Date(now).toISOString()
          // Seen now: written with the new expiry, at most once a minute, and into what this request holds.
          await db
            .update(sessions)
            .set({ expiresAt, data: sql`jsonb_set(${sessions.data}, '{seenAt}', to_jsonb(${seenAt}::text))` })
            .where(eq(sessions.sid, sid))
          row.data.seenAt = seenAt
        }
        return row.data as Session
      }
      load().then((session) => cb(null, session), cb)
    },
    set(sid: string, data: Session, cb: Callback) {
      const expiresAt = new Date(clock.now().getTime() + idleOf(data as unknown as Record<string, unknown>) + TOUCH_MS)
      const stored = storedSession.safeParse(JSON.parse(JSON.stringify(data)))
      if (!stored.success) return cb(stored.error)
      const plain = stored.data
      db.insert(sessions)
        .values({ sid, data: plain, expiresAt })
        .onConflictDoUpdate({ target: sessions.sid, set: { data: plain, expiresAt } })
        .then(() => cb(), cb)
    },
    destroy(sid: string, cb: Callback) {
      db.delete(sessions)
        .where(eq(sessions.sid, sid))
        .then(() => cb(), cb)
    },
  }
}

export async function deleteExpiredSessions(db: Db, clock: Clock) {
  await db.delete(sessions).where(lt(sessions.expiresAt, clock.now()))
}

/** The one cookie Parley sets (the cookies page names it); the CSRF secret is kept in the session, not a cookie. */
export const SESSION_COOKIE = 'parley.sid'

export default fp(async function sessionPlugin(app: FastifyInstance, opts: { config: Config; db: Db; clock: Clock }) {
  const idleMs = opts.config.SESSION_IDLE_MINUTES * 60_000
  await app.register(cookie)
  await app.register(session, {
    secret: opts.config.SESSION_SECRET,
    cookieName: SESSION_COOKIE,
    cookie: { httpOnly: true, secure: opts.config.COOKIE_SECURE, sameSite: 'lax', path: '/' },
    saveUninitialized: false,
    // Not every response: the store moves the expiry on (see TOUCH_MS).
    rolling: false,
    store: databaseStore(opts.db, opts.clock, idleMs, opts.config.PORTAL_IDLE_MINUTES * 60_000),
  })
  await app.register(csrf, { sessionPlugin: '@fastify/session' })

  // Pages with a form call csrf() in their template; only they start a session for a visitor.
  app.addHook('onRequest', async (request, reply) => {
    reply.locals = {
      ...reply.locals,
      csrf: () => reply.generateCsrf(),
      // A form that adds something keeps one key across its error re-renders (see db/once-per-key.ts).
      submissionKey: () => {
        const sent = (request.body as { submissionKey?: unknown } | undefined)?.submissionKey
        return isUuid(sent) ? sent : randomUUID()
      },
    }
  })

  // A one-time message for the next page ("Your password has been changed").
  app.addHook('preHandler', async (request, reply) => {
    if (!request.session.flash) return
    reply.locals = { ...reply.locals, flash: request.session.flash }
    request.session.flash = undefined
  })

  // Every form post must carry the token from the page that showed the form (the API uses bearer tokens).
  app.addHook('preHandler', (request, reply, done) => {
    if (request.method === 'GET' || request.method === 'HEAD' || request.url.startsWith('/api/')) return done()
    app.csrfProtection(request, reply, done)
  })
})

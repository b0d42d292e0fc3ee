// A member of staff's sessions: started when they have signed in, with what the account page shows
// of each (when it started, when it was last used, which browser, from where), and ended from
// there one by one or all but this one. A session is named on the page by a hash of its id, never
// the id itself (which, signed, is the cookie).
import { createHash } from 'node:crypto'
import type { FastifyRequest } from 'fastify'
import type { Clock } from '../../clock.ts'
import type { Db, Tx } from '../../db/client.ts'
import { recordChange, type AuditActor } from '../audit/index.ts'
import { deleteSessionOf, deleteSessionsOf, sessionsOf } from './sessions-repository.ts'

export { deleteSessionsOf }

/** A new session for the person, signed in (a session fixed before signing in is worthless after it). */
export async function startStaffSession(request: FastifyRequest, userId: string, clock: Clock) {
  await request.session.regenerate()
  const now = clock.now().toISOString()
  request.session.userId = userId
  request.session.startedAt = now
  request.session.seenAt = now
  request.session.userAgent = String(request.headers['user-agent'] ?? '').slice(0, 300) || undefined
  request.session.ip = request.ip || undefined
}

export const sessionHandle = (sid: string) => createHash('sha256').update(sid).digest('base64url').slice(0, 22)

export interface StaffSessionView {
  handle: string
  current: boolean
  startedAt: Date | null
  seenAt: Date | null
  browser: string
  ip: string | null
}

const date = (iso: string | null) => (iso ? new Date(iso) : null)

export function createSessionService(db: Db, clock: Clock) {
  return {
    /** This person's sessions, the one in use first. */
    async list(userId: string, currentSid: string): Promise<StaffSessionView[]> {
      const rows = await sessionsOf(db, userId, clock.now())
      return rows
        .map((s) => ({
          handle: sessionHandle(s.sid),
          current: s.sid === currentSid,
          startedAt: date(s.startedAt),
          seenAt: date(s.seenAt),
          browser: describeBrowser(s.userAgent),
          ip: s.ip,
        }))
        .sort((a, b) => Number(b.current) - Number(a.current))
    },

    /** Ends the person's session with this handle; false if there is none (or it is the one in use). */
    async end(userId: string, handle: string, currentSid: string, by: AuditActor): Promise<boolean> {
      const found = (await sessionsOf(db, userId, clock.now())).find((s) => sessionHandle(s.sid) === handle)
      if (!found || found.sid === currentSid) return false
      await db.transaction(async (tx) => {
        await deleteSessionOf(tx, userId, found.sid)
        await audited(tx, by, userId, { ended: 'one', browser: describeBrowser(found.userAgent), ip: found.ip })
      })
      return true
    },

    /** Ends every session of the person but the one in use. */
    async endOthers(userId: string, currentSid: string, by: AuditActor): Promise<void> {
      await db.transaction(async (tx) => {
        await deleteSessionsOf(tx, userId, currentSid)
        await audited(tx, by, userId, { ended: 'all others' })
      })
    },
  }

  function audited(tx: Tx, by: AuditActor, userId: string, after: Record<string, string | null>) {
    return recordChange(tx, clock, {
      by,
      action: 'staff.sessions-ended',
      record: { kind: 'staff-account', id: userId },
      before: null,
      after,
    })
  }
}

/** A browser as a person would name it: "Firefox on Windows", from its user-agent text. */
export function describeBrowser(userAgent: string | null): string {
  if (!userAgent) return 'Unknown browser'
  const browser =
    [
      ['Edge', /Edg\//],
      ['Opera', /OPR\//],
      ['Samsung Internet', /SamsungBrowser\//],
      ['Firefox', /Firefox\//],
      ['Chrome', /Chrome\/|CriOS\//],
      ['Safari', /Safari\//],
    ].find(([, pattern]) => (pattern as RegExp).test(userAgent))?.[0] ?? 'Unknown browser'
  const system =
    [
      ['Android', /Android/],
      ['iPhone', /iPhone/],
      ['iPad', /iPad/],
      ['Windows', /Windows/],
      ['macOS', /Mac OS X|Macintosh/],
      ['ChromeOS', /CrOS/],
      ['Linux', /Linux/],
    ].find(([, pattern]) => (pattern as RegExp).test(userAgent))?.[0] ?? undefined
  return system ? `${browser} on ${system}` : String(browser)
}

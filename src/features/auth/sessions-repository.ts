// A member of staff's sessions (the sessions table, web/session.ts): listed for their account
// page, and ended one at a time or all but the one in use.
import { and, asc, eq, gt, ne, sql } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.ts'
import { sessions } from '../../db/schema/index.ts'

const ofUser = (userId: string) => sql`${sessions.data}->>'userId' = ${userId}`

export interface StoredStaffSession {
  sid: string
  startedAt: string | null
  seenAt: string | null
  userAgent: string | null
  ip: string | null
}

/** The person's sessions that have not ended, oldest first. */
export async function sessionsOf(db: Db, userId: string, now: Date): Promise<StoredStaffSession[]> {
  return db
    .select({
      sid: sessions.sid,
      startedAt: sql<string | null>`${sessions.data}->>'startedAt'`,
      seenAt: sql<string | null>`${sessions.data}->>'seenAt'`,
      userAgent: sql<string | null>`${sessions.data}->>'userAgent'`,
      ip: sql<string | null>`${sessions.data}->>'ip'`,
    })
    .from(sessions)
    .where(and(ofUser(userId), gt(sessions.expiresAt, now)))
    .orderBy(asc(sql`${sessions.data}->>'startedAt'`), asc(sessions.sid))
}

/** Ends one of the person's sessions (none of anyone else's). */
export async function deleteSessionOf(q: Db | Tx, userId: string, sid: string) {
  await q.delete(sessions).where(and(ofUser(userId), eq(sessions.sid, sid)))
}

/** Ends every session of the person but this one (all of them, with no sid). */
export async function deleteSessionsOf(q: Db | Tx, userId: string, exceptSid?: string) {
  await q.delete(sessions).where(and(ofUser(userId), exceptSid ? ne(sessions.sid, exceptSid) : undefined))
}

// The rate-limit counters in the database instead of each process's memory, so that every
// instance counts together and a restart forgets nothing (the @fastify/rate-limit store contract).
import { lt, sql } from 'drizzle-orm'
import type { Clock } from '../clock.ts'
import type { Db } from '../db/client.ts'
import { rateLimits } from '../db/schema/index.ts'

type Answer = (err: Error | null, result?: { current: number; ttl: number }) => void

/** A store class bound to the database, as the plugin wants a constructor. */
export function databaseRateLimitStore(db: Db, clock: Clock) {
  return class DatabaseRateLimitStore {
    readonly prefix: string
    constructor(_options?: unknown, prefix = '') {
      this.prefix = prefix
    }

    incr(key: string, answer: Answer, timeWindow: number) {
      const now = clock.now()
      const fresh = new Date(now.getTime() + timeWindow)
      // One statement: a new key or an ended window starts again at 1, else the count goes up.
      db.insert(rateLimits)
        .values({ key: this.prefix + key, hits: 1, windowEndsAt: fresh })
        .onConflictDoUpdate({
          target: rateLimits.key,
          set: {
            hits: sql`case when ${rateLimits.windowEndsAt} <= ${now} then 1 else ${rateLimits.hits} + 1 end`,
            windowEndsAt: sql`case when ${rateLimits.windowEndsAt} <= ${now} then ${fresh} else ${rateLimits.windowEndsAt} end`,
          },
        })
        .returning({ hits: rateLimits.hits, windowEndsAt: rateLimits.windowEndsAt })
        .then(
          ([row]) =>
            answer(null, { current: row!.hits, ttl: Math.max(0, row!.windowEndsAt.getTime() - now.getTime()) }),
          (err: Error) => answer(err),
        )
    }

    child(routeOptions: { routeInfo: { method?: string; url?: string } }) {
      const { method = '', url = '' } = routeOptions.routeInfo
      return new DatabaseRateLimitStore(undefined, `${this.prefix}${method}${url}:`)
    }
  }
}

/** Forgets windows that have ended (a periodic task). */
export async function deleteEndedRateLimits(db: Db, clock: Clock) {
  await db.delete(rateLimits).where(lt(rateLimits.windowEndsAt, clock.now()))
}

// Queries of signing in to the portal: the hashes of links and codes sent, using one up, and the
// sessions of a party or of an address.
import { and, eq, gt, inArray, isNull, ne, sql } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.ts'
import { portalSignIns, sessions } from '../../db/schema/index.ts'

export function insertSignIn(tx: Tx, row: typeof portalSignIns.$inferInsert) {
  return tx.insert(portalSignIns).values(row)
}

/** Not used, not expired, of this channel, one of these hashes. */
const live = (channel: 'email' | 'text', hashes: string[], now: Date) =>
  and(
    inArray(portalSignIns.tokenHash, hashes),
    eq(portalSignIns.channel, channel),
    isNull(portalSignIns.usedAt),
    gt(portalSignIns.expiresAt, now),
  )

export async function isLive(db: Db, channel: 'email' | 'text', hash: string, now: Date): Promise<boolean> {
  const [row] = await db
    .select({ id: portalSignIns.id })
    .from(portalSignIns)
    .where(live(channel, [hash], now))
  return !!row
}

/** Uses up the live link or code with one of these hashes, once: the party it was for, or undefined. */
export async function useUp(db: Db, channel: 'email' | 'text', hashes: string[], now: Date) {
  const [used] = await db
    .update(portalSignIns)
    .set({ usedAt: now })
    .where(live(channel, hashes, now))
    .returning({ partyId: portalSignIns.partyId })
  return used?.partyId
}

/** Every code still waiting for these parties stops working now. */
export async function expireCodes(tx: Tx, partyIds: string[], now: Date) {
  if (!partyIds.length) return
  await tx
    .update(portalSignIns)
    .set({ expiresAt: now })
    .where(
      and(
        inArray(portalSignIns.partyId, partyIds),
        eq(portalSignIns.channel, 'text'),
        isNull(portalSignIns.usedAt),
        gt(portalSignIns.expiresAt, now),
      ),
    )
}

/** Ends every session signed in with this address, but one (if given). */
export async function deleteSessionsOfAddress(db: Db, address: string, exceptSid?: string) {
  await db
    .delete(sessions)
    .where(
      and(sql`${sessions.data}->>'partyAddress' = ${address}`, exceptSid ? ne(sessions.sid, exceptSid) : undefined),
    )
}

/** Ends every session signed in as this party. */
export async function deleteSessionsOfParty(q: Db | Tx, partyId: string) {
  await q.delete(sessions).where(sql`${sessions.data}->>'partyId' = ${partyId}`)
}

// Signing in to the portal without a password: a single-use link by email, or a 6-digit code by
// text message. Only a SHA-256 of the secret is stored; it expires after PORTAL_LINK_MINUTES and is
// used up atomically. Nothing here tells the caller whether an address is known.
import { createHash, randomBytes, randomInt } from 'node:crypto'
import { and, desc, eq, gt, inArray, isNull, ne, sql } from 'drizzle-orm'
import type { Clock } from '../../clock.ts'
import type { Config } from '../../config.ts'
import type { Db, Tx } from '../../db/client.ts'
import { caseParties, portalSignIns, sessions } from '../../db/schema/index.ts'
import { appendEvent } from '../cases/index.ts'
import { queueMessage, serviceValues } from '../messages/index.ts'
import { partyLabel } from '../preparation/index.ts'
import { addressMatches, normaliseEmail, permissionStands, phoneDigitsSql } from './party-access.ts'
import { templateNamed } from '../../domain/message-wording.ts'
import { portalTemplates } from './templates.ts'

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

/** A code is short, so its hash is bound to the party it was sent to (and two codes never clash). */
const codeHash = (partyId: string, code: string) => sha256(`code:${partyId}:${code}`)

/** A link's secret: 32 random bytes, base64url (43 characters). */
export const tokenPattern = /^[A-Za-z0-9_-]{43}$/

export type SignInAddress = { kind: 'email'; email: string } | { kind: 'phone'; phone: string }

export function addressKey(address: SignInAddress): string {
  return address.kind === 'email' ? address.email : address.phone
}

/** How many wrong codes one request for a code allows before every pending code is cancelled. */
export const MAX_CODE_ATTEMPTS = 5

export function createSignInService({ db, clock, config }: { db: Db; clock: Clock; config: Config }) {
  const expiresAt = () => new Date(clock.now().getTime() + config.PORTAL_LINK_MINUTES * 60_000)

  /** Every party using this address who may sign in: newest case first. */
  async function partiesWith(q: Db | Tx, address: string) {
    const where = address.includes('@')
      ? sql`lower(trim(${caseParties.email})) = ${address}`
      : sql`${phoneDigitsSql} = ${address}`
    const rows = await q
      .select()
      .from(caseParties)
      .where(where)
      .orderBy(desc(caseParties.createdAt), desc(caseParties.id))
    const allowed = []
    for (const row of rows) {
      if (!addressMatches(row, address)) continue
      if (row.role === 'referrer' && !(await permissionStands(q, row.id))) continue
      allowed.push(row)
    }
    return allowed
  }

  return {
    partiesWith: (address: string) => partiesWith(db, address),

    /**
     * Sends a link (email) or a code (text) if the address belongs to a party; does nothing
     * otherwise. The link is bound to the newest case's party; after signing in, a person in
     * several cases chooses between them.
     */
    async request(address: SignInAddress): Promise<void> {
      await db.transaction(async (tx) => {
        const key = addressKey(address)
        const [party] = await partiesWith(tx, key)
        if (!party) return
        const service = await serviceValues(tx)
        const to = { partyId: party.id, name: party.name, email: party.email, phone: party.phone }
        if (address.kind === 'email') {
          const token = randomBytes(32).toString('base64url')
          await tx.insert(portalSignIns).values({
            tokenHash: sha256(token),
            partyId: party.id,
            channel: 'email',
            createdAt: clock.now(),
            expiresAt: expiresAt(),
          })
          // No case on the outbox row: the live link must not be readable on the case's pages.
          await queueMessage(tx, clock, {
            to,
            channel: 'email',
            template: templateNamed(portalTemplates, 'portal-sign-in-link'),
            values: {
              ...service,
              name: party.name,
              link: `${config.PUBLIC_URL.replace(/\/$/, '')}/portal/sign-in/${token}`,
              minutes: String(config.PORTAL_LINK_MINUTES),
            },
          })
        } else {
          const code = String(randomInt(0, 1_000_000)).padStart(6, '0')
          // A new code replaces any earlier one sent to this number.
          await cancelCodes(
            tx,
            (await partiesWith(tx, key)).map((p) => p.id),
          )
          await tx.insert(portalSignIns).values({
            tokenHash: codeHash(party.id, code),
            partyId: party.id,
            channel: 'text',
            createdAt: clock.now(),
            expiresAt: expiresAt(),
          })
          await queueMessage(tx, clock, {
            to,
            channel: 'text',
            template: templateNamed(portalTemplates, 'portal-sign-in-code'),
            values: { ...service, code, minutes: String(config.PORTAL_LINK_MINUTES) },
          })
        }
      })
    },

    /** Whether a link could still be used (for the page that asks to continue; it uses nothing up). */
    async linkIsLive(token: string): Promise<boolean> {
      if (!tokenPattern.test(token)) return false
      const [row] = await db
        .select({ id: portalSignIns.id })
        .from(portalSignIns)
        .where(
          and(
            eq(portalSignIns.tokenHash, sha256(token)),
            eq(portalSignIns.channel, 'email'),
            isNull(portalSignIns.usedAt),
            gt(portalSignIns.expiresAt, clock.now()),
          ),
        )
      return !!row
    },

    /** Uses the link up, once: the party it was for, or undefined (unknown, used or expired). */
    async useLink(token: string): Promise<{ partyId: string; address: string } | undefined> {
      if (!tokenPattern.test(token)) return undefined
      const [used] = await db
        .update(portalSignIns)
        .set({ usedAt: clock.now() })
        .where(
          and(
            eq(portalSignIns.tokenHash, sha256(token)),
            eq(portalSignIns.channel, 'email'),
            isNull(portalSignIns.usedAt),
            gt(portalSignIns.expiresAt, clock.now()),
          ),
        )
        .returning({ partyId: portalSignIns.partyId })
      if (!used) return undefined
      const [party] = await db.select().from(caseParties).where(eq(caseParties.id, used.partyId))
      if (!party?.email || (party.role === 'referrer' && !(await permissionStands(db, party.id)))) return undefined
      return { partyId: party.id, address: normaliseEmail(party.email) }
    },

    /** Uses up a code sent to this number: the party it was for, or undefined. */
    async useCode(phone: string, code: string): Promise<{ partyId: string; address: string } | undefined> {
      const parties = await partiesWith(db, phone)
      if (!parties.length) return undefined
      const [used] = await db
        .update(portalSignIns)
        .set({ usedAt: clock.now() })
        .where(
          and(
            inArray(
              portalSignIns.tokenHash,
              parties.map((p) => codeHash(p.id, code)),
            ),
            eq(portalSignIns.channel, 'text'),
            isNull(portalSignIns.usedAt),
            gt(portalSignIns.expiresAt, clock.now()),
          ),
        )
        .returning({ partyId: portalSignIns.partyId })
      return used ? { partyId: used.partyId, address: phone } : undefined
    },

    /** Too many wrong codes: every code waiting for this number stops working. */
    async cancelCodesFor(phone: string) {
      await db.transaction(async (tx) =>
        cancelCodes(
          tx,
          (await partiesWith(tx, phone)).map((p) => p.id),
        ),
      )
    },

    /** Records the sign-in on the case, as the case's record of who looked. */
    async recordSignIn(partyId: string, channel: 'email' | 'text') {
      await db.transaction(async (tx) => {
        const [party] = await tx.select().from(caseParties).where(eq(caseParties.id, partyId))
        if (!party) return
        await appendEvent(tx, clock, {
          caseId: party.caseId,
          type: 'portal-signed-in',
          actor: portalActor(party),
          data: { partyId, party: partyLabel(party), channel },
        })
      })
    },

    /** Ends every session of the person who proved this address (sign out everywhere). */
    async endSessionsOf(address: string, exceptSid?: string) {
      await db
        .delete(sessions)
        .where(
          and(sql`${sessions.data}->>'partyAddress' = ${address}`, exceptSid ? ne(sessions.sid, exceptSid) : undefined),
        )
    },
  }

  async function cancelCodes(tx: Tx, partyIds: string[]) {
    if (!partyIds.length) return
    await tx
      .update(portalSignIns)
      .set({ expiresAt: clock.now() })
      .where(
        and(
          inArray(portalSignIns.partyId, partyIds),
          eq(portalSignIns.channel, 'text'),
          isNull(portalSignIns.usedAt),
          gt(portalSignIns.expiresAt, clock.now()),
        ),
      )
  }
}

/** Ends every session signed in as this party (a family's permission withdrawn). */
export async function endPartySessions(q: Db | Tx, partyId: string) {
  await q.delete(sessions).where(sql`${sessions.data}->>'partyId' = ${partyId}`)
}

/** How a party shows in a case's timeline when they act through the portal. */
export function portalActor(party: { role: string; name: string; organisation?: string | null }) {
  return { label: `${partyLabel(party).replace(/^t/, 'T')} (through the portal)` }
}

// Signing in to the portal without a password: a single-use link by email, or a 6-digit code by
// text message. Only a SHA-256 of the secret is stored; it expires after PORTAL_LINK_MINUTES and is
// used up atomically. Nothing here tells the caller whether an address is known.
import { createHash, randomBytes, randomInt } from 'node:crypto'
import type { Clock } from '../../clock.ts'
import type { Config } from '../../config.ts'
import type { Db, Tx } from '../../db/client.ts'
import { templateNamed } from '../../domain/message-wording.ts'
import { appendEvent } from '../cases/index.ts'
import { queueMessage, serviceValues } from '../messages/index.ts'
import { partyLabel } from '../preparation/index.ts'
import { partyRow, permissionStands } from './access-repository.ts'
import { normaliseEmail, partiesWithAddress } from './party-access.ts'
import { casesWithIds } from './repository.ts'
import { deleteSessionsOfAddress, expireCodes, insertSignIn, isLive, useUp } from './sign-in-repository.ts'
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

  /** Every code waiting for this number stops working (a new one replaces them, or too many were wrong). */
  async function cancelCodes(tx: Tx, phone: string) {
    const parties = await partiesWithAddress(tx, phone)
    await expireCodes(
      tx,
      parties.map((p) => p.id),
      clock.now(),
    )
  }

  return {
    partiesWith: (address: string) => partiesWithAddress(db, address),

    /**
     * Sends a link (email) or a code (text) if the address belongs to a party; does nothing
     * otherwise. The link is bound to the newest case's party; after signing in, a person in
     * several cases chooses between them.
     */
    async request(address: SignInAddress): Promise<void> {
      await db.transaction(async (tx) => {
        const key = addressKey(address)
        const [party] = await partiesWithAddress(tx, key)
        if (!party) return
        const service = await serviceValues(tx, party.caseId)
        const to = { partyId: party.id, name: party.name, email: party.email, phone: party.phone }
        const sent = { partyId: party.id, createdAt: clock.now(), expiresAt: expiresAt() }
        if (address.kind === 'email') {
          const token = randomBytes(32).toString('base64url')
          await insertSignIn(tx, { ...sent, tokenHash: sha256(token), channel: 'email' })
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
          await cancelCodes(tx, key) // a new code replaces any earlier one sent to this number
          await insertSignIn(tx, { ...sent, tokenHash: codeHash(party.id, code), channel: 'text' })
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
      return tokenPattern.test(token) && isLive(db, 'email', sha256(token), clock.now())
    },

    /** Uses the link up, once: the party it was for, or undefined (unknown, used or expired). */
    async useLink(token: string): Promise<{ partyId: string; address: string } | undefined> {
      if (!tokenPattern.test(token)) return undefined
      const partyId = await useUp(db, 'email', [sha256(token)], clock.now())
      const party = partyId ? await partyRow(db, partyId) : undefined
      if (!party?.email || (party.role === 'referrer' && !(await permissionStands(db, party.id)))) return undefined
      return { partyId: party.id, address: normaliseEmail(party.email) }
    },

    /** Uses up a code sent to this number: the party it was for, or undefined. */
    async useCode(phone: string, code: string): Promise<{ partyId: string; address: string } | undefined> {
      const parties = await partiesWithAddress(db, phone)
      if (!parties.length) return undefined
      const hashes = parties.map((p) => codeHash(p.id, code))
      const partyId = await useUp(db, 'text', hashes, clock.now())
      return partyId ? { partyId, address: phone } : undefined
    },

    /** Too many wrong codes: every code waiting for this number stops working. */
    async cancelCodesFor(phone: string) {
      await db.transaction((tx) => cancelCodes(tx, phone))
    },

    /** Records the sign-in on the case, as the case's record of who looked. */
    async recordSignIn(partyId: string, channel: 'email' | 'text') {
      await db.transaction(async (tx) => {
        const party = await partyRow(tx, partyId)
        if (!party) return
        await appendEvent(tx, clock, {
          caseId: party.caseId,
          type: 'portal-signed-in',
          actor: portalActor(party),
          data: { partyId, party: partyLabel(party), channel },
        })
      })
    },

    /** The cases this person is a party in, to choose between. */
    async caseChoices(address: string) {
      const parties = await partiesWithAddress(db, address)
      const rows = await casesWithIds(
        db,
        parties.map((p) => p.caseId),
      )
      return parties.map((p) => {
        const found = rows.find((c) => c.id === p.caseId)!
        return { partyId: p.id, reference: found.reference, childName: found.childName, receivedOn: found.receivedOn }
      })
    },

    /** The case chosen by someone who is a party in several: only one whose party uses their address. */
    async chooseCase(address: string, partyId: unknown): Promise<string | undefined> {
      return (await partiesWithAddress(db, address)).find((p) => p.id === partyId)?.id
    },

    /** Ends every session of the person who proved this address (sign out everywhere). */
    endSessionsOf: (address: string, exceptSid?: string) => deleteSessionsOfAddress(db, address, exceptSid),
  }
}

/** How a party shows in a case's timeline when they act through the portal. */
export function portalActor(party: { role: string; name: string; organisation?: string | null }) {
  return { label: `${partyLabel(party).replace(/^t/, 'T')} (through the portal)` }
}

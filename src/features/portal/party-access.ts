// Who a portal session belongs to: a party of one case, proved by a link sent to their email or a
// code sent to their phone. Checked on every portal request (src/web/auth.ts calls admitParty), so that a party
// removed from a case, an address changed by staff, or a family's permission withdrawn ends
// access at once.
import type { FastifyRequest } from 'fastify'
import type { Clock } from '../../clock.ts'
import type { Db, Tx } from '../../db/client.ts'
import { recordAccess } from '../cases/index.ts'
import { partiesLike, partyWithCase, permissionStands } from './access-repository.ts'

export interface PortalParty {
  partyId: string
  caseId: string
  role: string
  name: string
  organisation: string | null
  /** The proved address: a lower-case email, or a phone number as digits (07700900982). */
  address: string
  reference: string
  childName: string
}

/** Parents and young people: the family, whose case it is. */
export const FAMILY_ROLES = ['parent', 'young-person'] as const
export const isFamily = (role: string) => (FAMILY_ROLES as readonly string[]).includes(role)

/** An email address as we compare it: trimmed and in lower case. */
export const normaliseEmail = (email: string) => email.trim().toLowerCase()

/** A UK phone number as digits, +44 written as 0; undefined when it cannot be a phone number. */
export function normalisePhone(phone: string): string | undefined {
  const compact = phone.replace(/[\s().-]/g, '')
  if (!/^\+?\d{9,15}$/.test(compact)) return undefined
  return compact.replace(/^\+44/, '0').replace(/^0044/, '0')
}

/** Whether this party's own details still hold the address they proved. */
export function addressMatches(
  party: { email: string | null; phone: string | null },
  address: string | undefined,
): boolean {
  if (!address) return false
  if (address.includes('@')) return !!party.email && normaliseEmail(party.email) === address
  return !!party.phone && normalisePhone(party.phone) === address
}

/** Every party using this address who may sign in (their permission standing): newest case first. */
export async function partiesWithAddress(q: Db | Tx, address: string) {
  const allowed = []
  for (const row of await partiesLike(q, address)) {
    if (!addressMatches(row, address)) continue
    if (row.role === 'referrer' && !(await permissionStands(q, row.id))) continue
    allowed.push(row)
  }
  return allowed
}

/** The portal party for a session, or null when their access has ended. */
export async function loadPortalParty(
  db: Db,
  partyId: string,
  address: string | undefined,
): Promise<PortalParty | null> {
  if (!/^[0-9a-f-]{36}$/.test(partyId)) return null
  const row = await partyWithCase(db, partyId)
  if (!row || !addressMatches(row.party, address)) return null
  if (row.party.role === 'referrer' && !(await permissionStands(db, partyId))) return null
  return {
    partyId: row.party.id,
    caseId: row.party.caseId,
    role: row.party.role,
    name: row.party.name,
    organisation: row.party.organisation,
    address: address!,
    reference: row.reference,
    childName: row.childName,
  }
}

/** The signed-in party on a route with access 'party'. */
export function currentParty(request: FastifyRequest): PortalParty {
  if (!request.party) throw new Error('this route must declare party access')
  return request.party as PortalParty
}

/**
 * The check on every portal request: the party still exists, the address they proved is still
 * theirs, and someone acting for the family still has the family's permission. Every page and
 * download a party opens shows their case's personal data, so each look is logged.
 */
export function partyAdmission(db: Db, clock: Clock) {
  return async function admitParty(request: FastifyRequest): Promise<PortalParty | null> {
    const partyId = request.session?.partyId
    const party = partyId ? await loadPortalParty(db, partyId, request.session.partyAddress) : null
    if (!party) {
      if (partyId) request.session.partyId = undefined
      return null
    }
    if (request.method === 'GET') {
      await recordAccess(db, clock, { partyId: party.partyId, caseId: party.caseId, path: request.url })
    }
    return party
  }
}

// What every portal page shares: who may use it (a signed-in party, checked on every request by
// src/web/auth.ts), which pages each kind of party has, the sign-out time shown on each page, and
// the menu.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../app-deps.ts'
import { formatTime } from '../../web/format.ts'
import { currentParty, isFamily, type PortalParty } from './party-access.ts'

export const portalAccess = { access: 'party' as const }

export type PortalPage =
  | 'home'
  | 'contact'
  | 'attendees'
  | 'availability'
  | 'meeting'
  | 'summary'
  | 'agreement'
  | 'documents'
  | 'feedback'
  | 'complaint'
  | 'permissions'

/**
 * Which pages each party has. Someone acting for the family (a referrer, with the family's
 * permission) follows the case and says how to reach them, but does not prepare for the meeting,
 * accept the agreement or read the family's documents.
 */
export function hasPage(party: Pick<PortalParty, 'role'>, page: PortalPage): boolean {
  if (party.role === 'referrer') return ['home', 'contact', 'meeting', 'feedback', 'complaint'].includes(page)
  if (page === 'permissions') return isFamily(party.role)
  return true
}

/** The party for a page they may use; otherwise a 404 is sent and undefined returned. */
export async function partyFor(
  request: FastifyRequest,
  reply: FastifyReply,
  page: PortalPage,
): Promise<PortalParty | undefined> {
  const party = currentParty(request)
  if (hasPage(party, page)) return party
  await reply.code(404).view('errors/not-found.njk')
  return undefined
}

/** What the portal layout needs: the party, the menu, and when they will be signed out. */
export function portalContext({ config, clock }: AppDeps, party: PortalParty, page: PortalPage) {
  const idleMinutes = config.PORTAL_IDLE_MINUTES
  const signOutAt = new Date(clock.now().getTime() + idleMinutes * 60_000)
  const item = (p: PortalPage, text: string, href: string) =>
    hasPage(party, p) ? [{ text, href, active: page === p }] : []
  return {
    party,
    portalPage: page,
    idle: { minutes: idleMinutes, signOutAt: formatTime(signOutAt) },
    portalNav: [...item('home', 'Your case', '/portal'), ...item('documents', 'Documents', '/portal/documents')],
    tasks: [
      ...item('contact', 'How we contact you and help you take part', '/portal/contact'),
      ...item('attendees', 'Who will come with you', '/portal/attendees'),
      ...item('availability', 'When you can come to a meeting', '/portal/availability'),
      ...item('meeting', 'The meeting', '/portal/meeting'),
      ...item('summary', 'Your summary', '/portal/summary'),
      ...item('agreement', 'The agreement', '/portal/agreement'),
      ...item('documents', 'Your documents', '/portal/documents'),
      ...item('permissions', 'Who can act for you', '/portal/permissions'),
      ...item('feedback', 'Tell us what you thought', '/portal/feedback'),
      ...item('complaint', 'Make a complaint', '/portal/complaint'),
    ],
  }
}

/** How a party is named to themselves in headings: "Your case about Amelia Hartley". */
export const caseCaption = (party: PortalParty) => `${party.childName} (${party.reference})`

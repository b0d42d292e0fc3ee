// How an entry of the authorisation matrix (authorisation-matrix.expected.ts) becomes an answer for
// each identity: who is let in, and how each of the others is refused.
import type { Role } from '../../src/db/schema/index.ts'

/** Who makes the request. Path parameters are always council A's records (its case, complaint, ...). */
export const identities = [
  'nobody', // no one signed in (a visitor's session, with a form token)
  'coordinator', // of council A
  'manager', // of council A
  'administrator', // sees every council
  'commissioner', // of council A: figures only, never a case
  'mediator', // a mediator not on case A
  'caseMediator', // the mediator of case A
  'otherCouncil', // a coordinator and manager of council B
  'party', // case A's parent, signed in to the portal
  'otherParty', // case B's parent, signed in to the portal
  'withdrawnParty', // someone acting for A's family, signed in, whose permission was then withdrawn
  'otherToken', // an API token of council B
  'token', // an API token of council A
] as const
export type Identity = (typeof identities)[number]

/** The answer: a status code, or a refusal that sends the visitor to a sign-in page (303). */
export type Answer = number | 'sign-in' | 'portal-sign-in'

/** The staff roles each staff identity holds. */
const rolesOf: Partial<Record<Identity, readonly Role[]>> = {
  coordinator: ['coordinator'],
  manager: ['manager'],
  administrator: ['administrator'],
  commissioner: ['commissioner'],
  mediator: ['mediator'],
  caseMediator: ['mediator'],
  otherCouncil: ['coordinator', 'manager'],
}
const tokens: readonly Identity[] = ['otherToken', 'token']

/** The roles of the provider's own staff (every page "for staff"), and those that run cases. */
export const everyStaff: readonly Role[] = ['coordinator', 'mediator', 'manager', 'administrator']
export const caseWorkers: readonly Role[] = ['coordinator', 'manager', 'administrator']

export interface Entry {
  /** Who may use it: anyone, staff with one of these roles, a party signed in to the portal, an API token. */
  kind: 'public' | 'staff' | 'party' | 'api'
  roles?: readonly Role[]
  /**
   * What the path names: case A (or one of its records: only its council's staff and its mediator
   * see it, others are told 404), or a record of council A that is not a case (a complaint, a
   * message, a report: staff of council B are told 404).
   */
  of?: 'case' | 'council'
  /** A query string to send (without its "?"), its parameters filled as the path's are. */
  query?: string
  /** The answer for those let in (200 unless given). */
  ok?: Answer
  /** Answers that differ from what the rules give, each with the reason in a comment. */
  except?: Partial<Record<Identity, Answer>>
  /**
   * For a POST: those let in are not sent it, as an empty form would do what it says (sign out,
   * remove or withdraw something: the next one let in would find it gone). The others are still
   * sent it, and must be refused.
   */
  acts?: true
}

/** Anyone may use it. */
export const open = (ok: Answer = 200, more: Omit<Entry, 'kind' | 'ok'> = {}): Entry => ({
  kind: 'public',
  ok,
  ...more,
})
/** Staff with one of these roles. */
export const staff = (roles: readonly Role[], more: Omit<Entry, 'kind' | 'roles'> = {}): Entry => ({
  kind: 'staff',
  roles,
  ...more,
})
/** A party signed in to the portal (it shows them their own case). */
export const party = (ok: Answer = 200, more: Omit<Entry, 'kind' | 'ok'> = {}): Entry => ({
  kind: 'party',
  ok,
  ...more,
})
/** The JSON API, with a council's token. */
export const api = (ok: Answer = 200, more: Omit<Entry, 'kind' | 'ok'> = {}): Entry => ({ kind: 'api', ok, ...more })

const refusals: readonly Answer[] = [401, 403, 404, 'sign-in', 'portal-sign-in']

/**
 * The expected answer for one identity, and whether it is a refusal (then the answer must show
 * nothing of case A, and change nothing): by the rules below, or the entry's exceptions.
 */
export function decide(entry: Entry, who: Identity, method: string): { answer: Answer; refused: boolean } {
  const given = entry.except?.[who]
  if (given !== undefined) return { answer: given, refused: refusals.includes(given) }
  const ok = { answer: entry.ok ?? 200, refused: false }
  const no = (answer: Answer) => ({ answer, refused: true })
  const isToken = tokens.includes(who)
  // A token is sent with no cookies: outside the API it is nobody, and a form post has no form token.
  if (isToken && entry.kind !== 'api') return method === 'POST' ? no(403) : decide(entry, 'nobody', method)
  switch (entry.kind) {
    case 'public':
      return ok
    case 'api':
      if (!isToken) return no(401)
      return who === 'token' || entry.of !== 'case' ? ok : no(404)
    case 'party':
      if (who === 'party') return ok
      if (who === 'otherParty') return entry.of === 'case' ? no(404) : ok
      return no('portal-sign-in')
    case 'staff': {
      const roles = rolesOf[who]
      if (!roles) return no('sign-in')
      if (!roles.some((r) => entry.roles!.includes(r))) return no(403)
      if (who === 'otherCouncil' && entry.of) return no(404)
      if (who === 'mediator' && entry.of === 'case') return no(404)
      return ok
    }
  }
}

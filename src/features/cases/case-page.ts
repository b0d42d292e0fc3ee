// What every page of one case shares: finding the case the signed-in person may see (or the same
// "not found" page whether it does not exist or is not theirs), and what the case layout shows.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../app-deps.ts'
import type { Db } from '../../db/client.ts'
import { currentUser } from '../../web/auth.ts'
import { caseServiceDetails } from '../../web/service-info.ts'
import { canSeeCase } from './access.ts'
import { recordAccess } from './access-log.ts'
import { scopeLabel, statusLabel } from './labels.ts'
import { findCase, type CaseRow } from './repository.ts'

export type { CaseRow }

/**
 * The case at /cases/:id if this person may see it; otherwise replies 404 and returns undefined.
 * The page then shows the service details of the case's council (its name, phone, hours).
 */
export async function visibleCaseOr404(
  db: Db,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<CaseRow | undefined> {
  // The id is a UUID: web/ids.ts checked it before the route ran.
  const { id } = request.params as { id: string }
  const found = await findCase(db, id.toLowerCase())
  if (found && (await canSeeCase(db, currentUser(request), found))) {
    const service = await caseServiceDetails(db, found.id)
    if (service) reply.locals = { ...reply.locals, service }
    return found
  }
  await reply.code(404).view('cases/not-found.njk')
  return undefined
}

/** The case for a GET, with the look recorded in the access log; undefined once a 404 is sent. */
export async function caseForView(
  { database, clock }: AppDeps,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<CaseRow | undefined> {
  const found = await visibleCaseOr404(database.db, request, reply)
  if (!found) return undefined
  await recordAccess(database.db, clock, { userId: currentUser(request).id, caseId: found.id, path: request.url })
  return found
}

/** The actor for events: the signed-in person. */
export function actorOf(request: FastifyRequest) {
  const user = currentUser(request)
  return { userId: user.id, label: user.name }
}

export type CaseTab =
  | 'overview'
  | 'progress'
  | 'mediator'
  | 'preparation'
  | 'meeting'
  | 'agreement'
  | 'messages'
  | 'timeline'
  | 'certificates'
  | 'scope'

/** The identity bar and sub navigation, for cases/case-layout.njk. */
export function caseContext(found: CaseRow, tab: CaseTab) {
  const base = `/cases/${found.id}`
  return {
    caseRow: found,
    identity: {
      reference: found.reference,
      childName: found.childName,
      scope: scopeLabel(found.scope),
      status: statusLabel(found.status),
    },
    subNav: [
      { text: 'Overview', href: base, active: tab === 'overview' },
      { text: 'Progress and deadlines', href: `${base}/progress`, active: tab === 'progress' },
      { text: 'Mediator', href: `${base}/mediator`, active: tab === 'mediator' },
      { text: 'Preparation', href: `${base}/preparation`, active: tab === 'preparation' },
      { text: 'Meeting', href: `${base}/meeting`, active: tab === 'meeting' },
      { text: 'Agreement', href: `${base}/agreement`, active: tab === 'agreement' },
      { text: 'Messages', href: `${base}/messages`, active: tab === 'messages' },
      { text: 'Timeline', href: `${base}/timeline`, active: tab === 'timeline' },
      { text: 'Certificates', href: `${base}/certificates`, active: tab === 'certificates' },
    ],
  }
}

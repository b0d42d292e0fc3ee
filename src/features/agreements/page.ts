// What every agreement page shares: who may use them, finding the case (recording the look on a
// GET), the case layout with the Agreement tab, and turning a refusal into the form's errors.
import type { FastifyRequest } from 'fastify'
import { roles } from '../../db/schema/index.ts'
import { currentUser, hasRole } from '../../web/auth.ts'
import { caseWorkers, caseContext, type CaseRow } from '../cases/index.ts'

export { actorOf, caseForView } from '../cases/index.ts'
export { combineErrors as combine, fieldError as problem } from '../../web/forms.ts'

/** The case's mediator (their own cases only, by cases/access.ts) and the case workers. */
export const agreementAccess = { access: roles }
/** Closing a case with its outcome: case workers only. */
export const caseWorkerAccess = { access: [...caseWorkers] }

export const base = (caseId: string) => `/cases/${caseId}/agreement`

export function pageContext(found: CaseRow, request: FastifyRequest) {
  return {
    ...caseContext(found, 'agreement'),
    base: base(found.id),
    isCaseWorker: hasRole(currentUser(request), ...caseWorkers),
  }
}

/** The status for a refusal: a stale version is a conflict, anything else a bad request. */
export const statusFor = (code: string) => (code === 'stale' ? 409 : code === 'not-found' ? 404 : 400)

export { itemsOf } from '../../web/forms.ts'

// What every agreement page shares: who may use them, finding the case (recording the look on a
// GET), the case layout with the Agreement tab, and the agreement's service.
import type { FastifyRequest } from 'fastify'
import type { AppDeps } from '../../app-deps.ts'
import { roles } from '../../domain/staff.ts'
import { currentUser, hasRole } from '../../web/auth.ts'
import { caseWorkers, caseContext, type CaseRow } from '../cases/index.ts'
import { createAgreementService } from './service.ts'

export { actorOf, caseForView, visibleCaseOr404 as caseForChange } from '../cases/index.ts'

/** The case's mediator (their own cases only, by cases/access.ts) and the case workers. */
export const agreementAccess = { access: roles }
/** Closing a case with its outcome: case workers only. */
export const caseWorkerAccess = { access: [...caseWorkers] }

export const base = (caseId: string) => `/cases/${caseId}/agreement`

export const agreementServiceOf = (deps: AppDeps) => createAgreementService({ db: deps.database.db, clock: deps.clock })

export function pageContext(found: CaseRow, request: FastifyRequest) {
  return {
    ...caseContext(found, 'agreement'),
    base: base(found.id),
    isCaseWorker: hasRole(currentUser(request), ...caseWorkers),
  }
}

/** "The council" as a choice: a party's label with a capital letter. */
export const partyChoice = (p: { id: string; label: string }, checked: boolean) => ({
  value: p.id,
  text: p.label.charAt(0).toUpperCase() + p.label.slice(1),
  checked,
})

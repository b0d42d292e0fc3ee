// What every preparation page shares: who may use them, their address, and the case layout.
import { roles } from '../../domain/staff.ts'
import { caseContext, type CaseRow } from '../cases/index.ts'

/** Coordinators, managers, administrators and mediators (each mediator only their own cases, by access.ts). */
export const preparationAccess = { access: roles }

export const base = (caseId: string) => `/cases/${caseId}/preparation`

export function pageContext(found: CaseRow) {
  return { ...caseContext(found, 'preparation'), base: base(found.id) }
}

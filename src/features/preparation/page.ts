// What every preparation page shares: who may use them, finding the case (recording the look on
// a GET), the one-time key of a form that adds something, and the words for methods and areas.
import { randomUUID } from 'node:crypto'
import { roles } from '../../db/schema/index.ts'
import { caseContext, type CaseRow } from '../cases/index.ts'

export { actorOf, caseForView } from '../cases/index.ts'
export { combineErrors, dateProblem, fieldError as problem, itemsOf } from '../../web/forms.ts'

/** Coordinators, managers, administrators and mediators (each mediator only their own cases, by access.ts). */
export const preparationAccess = { access: roles }

export const base = (caseId: string) => `/cases/${caseId}/preparation`

export function pageContext(found: CaseRow) {
  return { ...caseContext(found, 'preparation'), base: base(found.id) }
}

export const newFormKey = () => randomUUID()

export const contactMethods = {
  phone: 'Phone',
  email: 'Email',
  letter: 'Letter',
  video: 'Video call',
  'in-person': 'In person',
} as const

export const issueAreas = {
  education: 'Education',
  health: 'Health',
  'social-care': 'Social care',
} as const

export const gatheredByLabels = {
  'in-person': 'In person',
  drawing: 'A drawing',
  letter: 'A letter',
  parent: 'Through a parent or carer',
  advocate: 'Through an advocate',
  other: 'Another way',
} as const

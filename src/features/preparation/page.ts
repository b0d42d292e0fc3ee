// What every preparation page shares: who may use them, finding the case (recording the look on
// a GET), the one-time key of a form that adds something, and the words for methods and areas.
import { randomUUID } from 'node:crypto'
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../app.ts'
import { roles } from '../../db/schema/index.ts'
import { currentUser } from '../../web/auth.ts'
import { recordAccess } from '../cases/access-log.ts'
import { caseContext, visibleCaseOr404 } from '../cases/case-page.ts'
import type { CaseRow } from '../cases/repository.ts'
import type { FormErrors } from '../../web/forms.ts'

/** Coordinators, managers, administrators and mediators (each mediator only their own cases, by access.ts). */
export const preparationAccess = { access: roles }

export const base = (caseId: string) => `/cases/${caseId}/preparation`

/** The case for a GET, with the look recorded in the access log; undefined once a 404 is sent. */
export async function caseForView({ database, clock }: AppDeps, request: FastifyRequest, reply: FastifyReply): Promise<CaseRow | undefined> {
  const found = await visibleCaseOr404(database.db, request, reply)
  if (!found) return undefined
  await recordAccess(database.db, clock, { userId: currentUser(request).id, caseId: found.id, path: request.url })
  return found
}

export function pageContext(found: CaseRow) {
  return { ...caseContext(found, 'preparation'), base: base(found.id) }
}

export const newFormKey = () => randomUUID()

/** The actor for events: the signed-in person. */
export function actorOf(request: FastifyRequest) {
  const user = currentUser(request)
  return { userId: user.id, label: user.name }
}

export function problem(field: string, message: string): FormErrors {
  return { summary: [{ text: message, href: `#${field}` }], fields: { [field]: { text: message } } }
}

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

/** Options for govukRadios / govukCheckboxes from a label map. */
export const itemsOf = (labels: Record<string, string>) => Object.entries(labels).map(([value, text]) => ({ value, text }))

/**
 * One form's problems from its schema and its date inputs together, in the order of the page's
 * fields (a date's key is NAME-day). Undefined when there are none.
 */
export function combineErrors(order: string[], ...parts: (FormErrors | undefined)[]): FormErrors | undefined {
  const fields: FormErrors['fields'] = {}
  const summary: FormErrors['summary'] = []
  for (const part of parts) {
    if (!part) continue
    Object.assign(fields, part.fields)
    summary.push(...part.summary.filter((s) => !summary.some((t) => t.href === s.href)))
  }
  if (!summary.length && !Object.keys(fields).length) return undefined
  const rank = (href: string) => {
    const i = order.indexOf(href.slice(1))
    return i < 0 ? order.length : i
  }
  summary.sort((a, b) => rank(a.href) - rank(b.href))
  return { summary, fields }
}

/** A GOV.UK date input's problem as form errors (keyed by the input the summary links to). */
export function dateProblem(result: { ok: true } | { ok: false; message: string; anchor: string }): FormErrors | undefined {
  return result.ok ? undefined : problem(result.anchor, result.message)
}

import { z } from 'zod'
import { EHC_DECISIONS, PLAN_SECTIONS } from '../../../domain/appeal-subject.ts'
import { asArray, parseForm, text, type FormErrors, type FormResult } from '../../../web/forms.ts'
import { decidedScopes } from '../labels.ts'
import { agencyRequired } from '../scope-decision.ts'

export const reasonMaxLength = 2000

/** Checkboxes: the ticked values, each one of the choices (a problem is the group's, not one box's). */
const ticked = <T extends string>(choices: readonly T[], message: string) =>
  z.preprocess(
    asArray,
    z
      .array(z.string())
      .refine((values) => values.every((v) => (choices as readonly string[]).includes(v)), { error: message })
      .transform((values) => values as T[]),
  )

export const scopeSchema = z
  .object({
    _csrf: z.string(),
    // A missing or altered version can never match the case's, so it reads as "someone else changed this".
    version: z.coerce.number().int().positive().catch(0),
    scope: z.enum(decidedScopes, { error: 'Select which service the case is for, or out of scope' }),
    agency: z.string().trim().optional(),
    reason: text('Enter the reason for the decision', reasonMaxLength, 'The reason'),
    // SEN mediation: what the appeal is about (none ticked: not recorded).
    appealDecisions: ticked(EHC_DECISIONS, 'Select the decisions the appeal is about from the list'),
    appealSections: ticked(PLAN_SECTIONS, 'Select the sections of the plan from the list'),
  })
  .strict()
export type ScopeForm = z.infer<typeof scopeSchema>

const fieldOrder = ['scope', 'agency', 'appealDecisions', 'appealSections', 'reason']

/** The schema, and the agency required when out of scope, with the messages in the page's order. */
export function parseScopeForm(body: unknown): FormResult<ScopeForm> {
  const form = parseForm(scopeSchema, body)
  const b = (body ?? {}) as Record<string, unknown>
  const agencyMissing = b.scope === 'out-of-scope' && !String(b.agency ?? '').trim()
  if (!agencyMissing) return form
  const errors: FormErrors = form.ok ? { summary: [], fields: {} } : form.errors
  errors.fields.agency = { text: agencyRequired }
  errors.summary.push({ text: agencyRequired, href: '#agency' })
  const rank = (href: string) => {
    const i = fieldOrder.indexOf(href.slice(1))
    return i < 0 ? fieldOrder.length : i
  }
  errors.summary.sort((a, b) => rank(a.href) - rank(b.href))
  return { ok: false, errors }
}

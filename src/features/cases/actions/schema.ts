// One form for each workflow action (domain/workflow.ts) that staff take from the case page:
// the action's own questions, then the date it happened. `toAction` turns checked values into
// the action the workflow service applies. The forms are in two files, by stage of the case.
import type { FormErrors } from '../../../web/forms.ts'
import { addFieldError, checkFields, type Values } from './fields.ts'
import type { ActionForm, FormActionType } from './form-parts.ts'
import { formsBeforeTheMeeting } from './forms-before-meeting.ts'
import { formsFromTheMeeting } from './forms-from-meeting.ts'

export type { ActionForm, FormActionType }
export { outcomeLabels, withdrawnByLabels } from './forms-from-meeting.ts'

export const actionForms: Record<FormActionType, ActionForm> = { ...formsBeforeTheMeeting, ...formsFromTheMeeting }
export function isFormAction(value: unknown): value is FormActionType {
  return typeof value === 'string' && Object.hasOwn(actionForms, value)
}

export const unwillingReasonRequired = 'Enter the reason they gave for not taking part'

/** The action's form checked: its fields in order, and a reason when a party is not willing. */
export function checkActionForm(
  type: FormActionType,
  body: unknown,
  today: string,
): { ok: true; values: Values } | { ok: false; errors: FormErrors } {
  const { fields } = actionForms[type]
  const checked = checkFields(fields, body, today)
  // Asked here, not by the workflow, so that the message sits beside the field.
  const b = (body ?? {}) as Record<string, unknown>
  const reasonMissing =
    type === 'record-willingness' &&
    b.answer === 'unwilling' &&
    !String(b.reason ?? '').trim() &&
    !(!checked.ok && checked.errors.fields.form)
  if (!reasonMissing) return checked
  const errors = addFieldError(
    fields,
    checked.ok ? { summary: [], fields: {} } : checked.errors,
    'reason',
    unwillingReasonRequired,
  )
  return { ok: false, errors }
}

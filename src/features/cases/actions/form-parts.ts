// What every workflow action's form is made of, and the small pieces the forms share.
import type { Action, ActionType } from '../../../domain/workflow.ts'
import { otherPartyKinds } from '../../../domain/request.ts'
import type { Field, Values } from './fields.ts'

// Scope, allocation and cancelling a meeting have pages of their own (cases/scope, allocation, meetings).
export type FormActionType = Exclude<ActionType, 'decide-scope' | 'allocate-mediator' | 'cancel-meeting'>

export interface ActionForm {
  title: string
  /** What doing it means, shown above the form. */
  intro?: string
  fields: Field[]
  button: string
  toAction(values: Values): Action
  /** The message on the progress page afterwards. */
  done: string
}

export const yesNo = [
  { value: 'yes', text: 'Yes' },
  { value: 'no', text: 'No' },
]
export const options = (labels: Record<string, string>) =>
  Object.entries(labels).map(([value, text]) => ({ value, text }))
export const partyField = (legend: string, error: string): Field => ({
  kind: 'radios',
  name: 'party',
  legend,
  options: options(otherPartyKinds),
  error,
})
/** A checked value as text (empty when not given). */
export const textOf = (v: Values, k: string) => String(v[k] ?? '')

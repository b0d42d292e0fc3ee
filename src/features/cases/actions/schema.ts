// One form for each workflow action (domain/workflow.ts) that staff take from the case page:
// the action's own questions, then the date it happened. `toAction` turns checked values into
// the action the workflow service applies.
import { contactMethods, otherPartyKinds, type ContactMethod } from '../../../domain/request.ts'
import { answerLabels, type PartyKind, type WillingnessAnswer } from '../../../domain/willingness.ts'
import {
  certificateLabels,
  CERTIFICATE_KINDS,
  type Action,
  type ActionType,
  type CertificateKind,
  type Outcome,
  type WithdrawnBy,
} from '../../../domain/workflow.ts'
import type { FormErrors } from '../../../web/forms.ts'
import { addFieldError, checkFields, occurredOnField, type Field, type Values } from './fields.ts'

// The scope and the mediator have pages of their own (cases/scope, allocation).
// Scope, allocation and cancelling a meeting have pages of their own.
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

const yesNo = [
  { value: 'yes', text: 'Yes' },
  { value: 'no', text: 'No' },
]
const options = (labels: Record<string, string>) => Object.entries(labels).map(([value, text]) => ({ value, text }))
const partyField = (legend: string, error: string): Field => ({
  kind: 'radios',
  name: 'party',
  legend,
  options: options(otherPartyKinds),
  error,
})
const s = (v: Values, k: string) => String(v[k] ?? '')

export const outcomeLabels: Record<Outcome, string> = {
  agreement: 'Agreement on everything',
  partial: 'Agreement on some things',
  none: 'No agreement',
}

export const withdrawnByLabels: Record<WithdrawnBy, string> = {
  parent: 'The parent or carer',
  'young-person': 'The young person',
  'other-party': 'Another party (disagreement resolution only)',
  service: 'The service',
}

export const actionForms: Record<FormActionType, ActionForm> = {
  'choose-mediation': {
    title: 'Record the choice to mediate',
    intro: 'The mediation must be held within 30 days of the council being told.',
    fields: [
      {
        kind: 'radios',
        name: 'healthInIssue',
        legend: 'Are there health issues in the disagreement?',
        hint: 'If yes, the health body must be told within 3 working days.',
        options: yesNo,
        error: 'Select yes if there are health issues in the disagreement',
      },
      {
        kind: 'radios',
        name: 'healthOnly',
        legend: 'Is the mediation only about health?',
        hint: 'If yes, the health body arranges it, and the 30 days run from when it is told.',
        options: yesNo,
        error: 'Select yes if the mediation is only about health',
      },
      occurredOnField('When did the parent or young person say they want mediation?'),
    ],
    button: 'Record the choice',
    toAction: (v) => ({
      type: 'choose-mediation',
      healthInIssue: v.healthInIssue === 'yes',
      healthOnly: v.healthOnly === 'yes',
    }),
    done: 'Recorded: the parent or young person wants mediation',
  },
  'decline-mediation': {
    title: 'Record that mediation is declined',
    intro: 'The mediation certificate is due within 3 working days of the day they said no.',
    fields: [occurredOnField('When did they say they do not want mediation?')],
    button: 'Record that mediation is declined',
    toAction: () => ({ type: 'decline-mediation' }),
    done: 'Recorded: mediation declined. The certificate is now due.',
  },
  'start-willingness': {
    title: 'Start asking the other parties',
    intro: 'Disagreement resolution goes ahead only if every party is willing to take part.',
    fields: [occurredOnField('When did you start?')],
    button: 'Start asking',
    toAction: () => ({ type: 'start-willingness' }),
    done: 'Started asking the other parties',
  },
  'invite-party': {
    title: 'Record an invitation to a party',
    fields: [
      partyField('Which party did you invite?', 'Select which party you invited'),
      {
        kind: 'radios',
        name: 'how',
        legend: 'How did you invite them?',
        options: options(contactMethods),
        error: 'Select how you invited them',
      },
      occurredOnField('When did you invite them?'),
    ],
    button: 'Record the invitation',
    toAction: (v) => ({
      type: 'invite-party',
      party: s(v, 'party') as PartyKind,
      how: s(v, 'how') as ContactMethod,
      on: s(v, 'occurredOn'),
    }),
    done: 'Invitation recorded',
  },
  'chase-party': {
    title: 'Record a chaser to a party',
    fields: [
      partyField('Which party did you chase?', 'Select which party you chased'),
      occurredOnField('When did you chase them?'),
    ],
    button: 'Record the chaser',
    toAction: (v) => ({ type: 'chase-party', party: s(v, 'party') as PartyKind, on: s(v, 'occurredOn') }),
    done: 'Chaser recorded',
  },
  'record-willingness': {
    title: "Record a party's answer",
    fields: [
      partyField('Which party answered?', 'Select which party answered'),
      {
        kind: 'radios',
        name: 'answer',
        legend: 'What did they say?',
        options: options(answerLabels),
        error: 'Select what they said',
      },
      {
        kind: 'textarea',
        name: 'reason',
        label: 'Why are they not willing to take part?',
        hint: 'Needed if they are not willing. In their words, if you can.',
        required: false,
        max: 2000,
        errorLabel: 'The reason',
      },
      occurredOnField('When did they answer?'),
    ],
    button: 'Record the answer',
    toAction: (v) => ({
      type: 'record-willingness',
      party: s(v, 'party') as PartyKind,
      answer: s(v, 'answer') as WillingnessAnswer,
      reason: s(v, 'reason') || undefined,
      on: s(v, 'occurredOn'),
    }),
    done: 'Answer recorded',
  },
  'start-preparation': {
    title: 'Start preparation',
    intro: 'The mediator contacts every party before the meeting and helps each set out the issues.',
    fields: [occurredOnField('When did preparation start?')],
    button: 'Start preparation',
    toAction: () => ({ type: 'start-preparation' }),
    done: 'Preparation started',
  },
  'arrange-meeting': {
    title: 'Arrange the meeting',
    intro:
      'Everyone must be sent the date and place at least 5 working days before the meeting, unless the parent or young person agrees to less.',
    fields: [
      {
        kind: 'date',
        name: 'meetingDate',
        legend: 'Date of the meeting',
        hint: 'For example, 14 1 2027',
        label: 'the date of the meeting',
        notInFuture: false,
      },
      {
        kind: 'text',
        name: 'venue',
        label: 'Venue (optional)',
        hint: 'A neutral place, or "online"',
        required: false,
        max: 200,
        errorLabel: 'The venue',
      },
      {
        kind: 'checkbox',
        name: 'shorterNoticeAgreed',
        legend: 'Shorter notice',
        text: "The parent or young person agreed to less than 5 working days' notice",
      },
      occurredOnField('When was the meeting arranged?'),
    ],
    button: 'Arrange the meeting',
    toAction: (v) => ({
      type: 'arrange-meeting',
      meetingDate: s(v, 'meetingDate'),
      venue: s(v, 'venue') || undefined,
      shorterNoticeAgreed: v.shorterNoticeAgreed === true,
    }),
    done: 'Meeting arranged',
  },
  'hold-meeting': {
    title: 'Record that the meeting was held',
    fields: [occurredOnField('When was the meeting held?')],
    button: 'Record the meeting',
    toAction: () => ({ type: 'hold-meeting' }),
    done: 'Meeting recorded as held',
  },
  conclude: {
    title: 'Record the outcome',
    fields: [
      {
        kind: 'radios',
        name: 'outcome',
        legend: 'How did the mediation end?',
        options: options(outcomeLabels),
        error: 'Select how the mediation ended',
      },
      occurredOnField('When did the mediation end?'),
    ],
    button: 'Record the outcome',
    toAction: (v) => ({ type: 'conclude', outcome: s(v, 'outcome') as Outcome }),
    done: 'Outcome recorded',
  },
  'issue-certificate': {
    title: 'Issue the mediation certificate',
    intro:
      'The parent or young person needs the certificate to appeal to the SEND Tribunal. The appeal deadline runs from the date of issue.',
    fields: [
      {
        kind: 'radios',
        name: 'kind',
        legend: 'Which certificate?',
        error: 'Select which certificate you are issuing',
        options: CERTIFICATE_KINDS.map((k: CertificateKind) => ({ value: k, text: `After ${certificateLabels[k]}` })),
      },
      occurredOnField('Date of issue'),
    ],
    button: 'Issue the certificate',
    toAction: (v) => ({ type: 'issue-certificate', kind: s(v, 'kind') as CertificateKind }),
    done: 'Mediation certificate issued',
  },
  'cannot-arrange': {
    title: 'Record that mediation cannot be arranged within 30 days',
    intro: 'The certificate is then due within 3 working days.',
    fields: [
      {
        kind: 'textarea',
        name: 'reason',
        label: 'Why can it not be arranged? (optional)',
        required: false,
        max: 2000,
        errorLabel: 'The reason',
      },
      occurredOnField('When did the council tell you?'),
    ],
    button: 'Record it',
    toAction: (v) => ({ type: 'cannot-arrange', reason: s(v, 'reason') || undefined }),
    done: 'Recorded: mediation cannot be arranged within 30 days. The certificate is now due.',
  },
  'start-follow-up': {
    title: 'Start follow-up',
    intro: 'Follow up the duties that the agreement sets, by their dates.',
    fields: [occurredOnField('When did follow-up start?')],
    button: 'Start follow-up',
    toAction: () => ({ type: 'start-follow-up' }),
    done: 'Follow-up started',
  },
  close: {
    title: 'Close the case',
    fields: [
      { kind: 'textarea', name: 'note', label: 'Note (optional)', required: false, max: 2000, errorLabel: 'The note' },
      occurredOnField('When was the case closed?'),
    ],
    button: 'Close the case',
    toAction: (v) => ({ type: 'close', note: s(v, 'note') || undefined }),
    done: 'Case closed',
  },
  withdraw: {
    title: 'Withdraw the case',
    fields: [
      {
        kind: 'radios',
        name: 'by',
        legend: 'Who is withdrawing?',
        options: options(withdrawnByLabels),
        error: 'Select who is withdrawing',
      },
      {
        kind: 'textarea',
        name: 'reason',
        label: 'Reason',
        required: 'Enter the reason for withdrawing the case',
        max: 2000,
        errorLabel: 'The reason',
      },
      occurredOnField('When was it withdrawn?'),
    ],
    button: 'Withdraw the case',
    toAction: (v) => ({ type: 'withdraw', by: s(v, 'by') as WithdrawnBy, reason: s(v, 'reason') }),
    done: 'Case withdrawn',
  },
  reopen: {
    title: 'Reopen the case',
    fields: [
      {
        kind: 'textarea',
        name: 'reason',
        label: 'Reason',
        required: 'Enter the reason for reopening the case',
        max: 2000,
        errorLabel: 'The reason',
      },
      occurredOnField('When was it reopened?'),
    ],
    button: 'Reopen the case',
    toAction: (v) => ({ type: 'reopen', reason: s(v, 'reason') }),
    done: 'Case reopened',
  },
}

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

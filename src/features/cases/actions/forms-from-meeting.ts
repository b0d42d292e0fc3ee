// The forms for the meeting and after it: arranging and holding it, the outcome, the
// certificate, follow-up, and closing, withdrawing or reopening the case.
import {
  certificateLabels,
  CERTIFICATE_KINDS,
  type CertificateKind,
  type Outcome,
  type WithdrawnBy,
} from '../../../domain/workflow.ts'
import { occurredOnField } from './fields.ts'
import { options, textOf, type ActionForm, type FormActionType } from './form-parts.ts'

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

export const formsFromTheMeeting = {
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
      meetingDate: textOf(v, 'meetingDate'),
      venue: textOf(v, 'venue') || undefined,
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
    toAction: (v) => ({ type: 'conclude', outcome: textOf(v, 'outcome') as Outcome }),
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
    toAction: (v) => ({ type: 'issue-certificate', kind: textOf(v, 'kind') as CertificateKind }),
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
    toAction: (v) => ({ type: 'cannot-arrange', reason: textOf(v, 'reason') || undefined }),
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
    toAction: (v) => ({ type: 'close', note: textOf(v, 'note') || undefined }),
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
    toAction: (v) => ({ type: 'withdraw', by: textOf(v, 'by') as WithdrawnBy, reason: textOf(v, 'reason') }),
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
    toAction: (v) => ({ type: 'reopen', reason: textOf(v, 'reason') }),
    done: 'Case reopened',
  },
} satisfies Partial<Record<FormActionType, ActionForm>>

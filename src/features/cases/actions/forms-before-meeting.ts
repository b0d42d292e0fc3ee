// The forms for the steps up to the meeting: the choice to mediate (or not), asking the other
// parties whether they will take part, and starting preparation.
import { contactMethods, type ContactMethod } from '../../../domain/request.ts'
import { answerLabels, type PartyKind, type WillingnessAnswer } from '../../../domain/willingness.ts'
import { occurredOnField } from './fields.ts'
import { options, partyField, textOf, yesNo, type ActionForm, type FormActionType } from './form-parts.ts'

export const formsBeforeTheMeeting = {
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
    // Nothing is sent from here: a newcomer reading "Record the invitation" may think it is.
    intro:
      'This records an invitation you have already sent another way (by email, phone, text or letter). Parley does not send anything from this page: send the invitation yourself first, then record it here. The chaser is suggested from the date you give.',
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
      party: textOf(v, 'party') as PartyKind,
      how: textOf(v, 'how') as ContactMethod,
      on: textOf(v, 'occurredOn'),
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
    toAction: (v) => ({ type: 'chase-party', party: textOf(v, 'party') as PartyKind, on: textOf(v, 'occurredOn') }),
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
      party: textOf(v, 'party') as PartyKind,
      answer: textOf(v, 'answer') as WillingnessAnswer,
      reason: textOf(v, 'reason') || undefined,
      on: textOf(v, 'occurredOn'),
    }),
    done: 'Answer recorded',
  },
} satisfies Partial<Record<FormActionType, ActionForm>>

// The OpenAPI operations for a case: making an enquiry, reading a case, recording what happened,
// recording the agreement, and the what-if deadlines. Each lists every answer it can give.
import { body, errors, everyCall, json, reference, withBody } from './parts.ts'

const location = { Location: { description: 'The case in the API', schema: { type: 'string' } } }

export function casePaths() {
  return {
    '/api/v1/enquiries': {
      post: {
        operationId: 'createEnquiry',
        summary: 'Make an enquiry into a case',
        description: [
          'The body is the request for help (as the public form asks it), with the channel it came by and the day of contact.',
          "The child's postcode must be in the token's authority area (otherwise 400, naming child.postcode): the case belongs to that authority.",
          'When the areas include ehc-decision and the decision letter date is given, the decision-letter-sent and adviser-contacted events are recorded and the statutory clocks start.',
          'Send an Idempotency-Key header (recommended): a retry with the same key returns the case already made, with 200 instead of 201.',
        ].join(' '),
        parameters: [
          {
            name: 'Idempotency-Key',
            in: 'header',
            required: false,
            description: 'Your unique key for this enquiry (1 to 200 visible characters, for example a UUID)',
            schema: { type: 'string', minLength: 1, maxLength: 200 },
          },
        ],
        requestBody: body('EnquiryRequest'),
        responses: {
          201: { ...json('EnquiryCreated', 'The case was made'), headers: location },
          200: {
            ...json('EnquiryCreated', 'A retry with the same Idempotency-Key: the case made before'),
            headers: location,
          },
          ...withBody,
          ...everyCall,
        },
      },
    },
    '/api/v1/cases/{reference}': {
      get: {
        operationId: 'getCase',
        summary: 'A case: its scope and appeal subject, events, agreement, deadlines and dates to check',
        description: [
          "Staff notes are left out, and so are the service's own reminders to update people: the deadlines are the statutory ones",
          'and the final agreement’s follow-up dates (each point, and the health body’s notice to the council where it was not a party),',
          'the same dates the case page shows. warnings lists dates recorded in an unusual but possible order.',
        ].join(' '),
        parameters: [reference],
        responses: { 200: json('Case', 'The case'), 404: errors[404], ...everyCall },
      },
    },
    '/api/v1/cases/{reference}/events': {
      post: {
        operationId: 'recordEvent',
        summary: 'Record something that happened in a case',
        description: [
          'The date is the day it happened: it may be earlier than today, never later.',
          'scope-decided decides the scope as staff do (with the reason, what the appeal is about, and for out of scope the agency signposted to), while the case is in triage.',
          'decision-letter-sent, adviser-contacted, health-body-notified, meeting-notice-sent and council-told-of-agreement are facts that start or stop a clock;',
          'the others move the case through its workflow (party-invited, willingness-recorded, mediator-allocated, meeting-scheduled, ...),',
          'which refuses (409) an event that is not possible now, or dated in an impossible order, and says why.',
          'An unusual but possible order is recorded, with a warning in the answer.',
          'mediation-concluded on a case whose meeting is arranged also records the meeting as held that day.',
          'The actor shown on the case is "API: <token name>".',
        ].join(' '),
        parameters: [reference],
        requestBody: body('EventRequest'),
        responses: {
          201: json('EventRecorded', "The event was recorded: the case's status, deadlines and any dates to check"),
          ...withBody,
          404: errors[404],
          409: errors[409],
          ...everyCall,
        },
      },
    },
    '/api/v1/cases/{reference}/agreement': {
      post: {
        operationId: 'recordAgreement',
        summary: "Record the meeting's outcome and the agreement's items, with their follow-up dates",
        description: [
          'The agreement made at the meeting, final at once: the meeting is recorded as held (if it was arranged) and the mediation as ended with this outcome.',
          'Each item says what is to be done, by whom, whether it could otherwise have been appealed and of which kind, and any timescale agreed in writing.',
          'Its follow-up dates (SEND Regulations 2014, regs 42 and 44) become points of the agreement, followed up on the case page, Today and the parties’ portal:',
          'assess: notify within 2 weeks, decide not to issue a plan within 10, issue the final plan within 14; make-plan: a draft within 5 weeks, the final within 11;',
          'amend: the amended plan within 5 weeks; cease: immediately; other, or not appealable: within 2 weeks; a timescale agreed in writing stands instead.',
          'Where the council was not a party, the health body (ICB) must tell it within 1 week (record council-told-of-agreement when it has).',
          '409 when the case has an agreement already, its meeting has not been held or arranged, the date is before the meeting, or the outcome contradicts one recorded.',
        ].join(' '),
        parameters: [reference],
        requestBody: body('AgreementRequest'),
        responses: {
          201: json('AgreementRecorded', 'The agreement was recorded: its points and every deadline now'),
          ...withBody,
          404: errors[404],
          409: errors[409],
          ...everyCall,
        },
      },
    },
    '/api/v1/deadlines': {
      post: {
        operationId: 'whatIfDeadlines',
        summary: 'Work out deadlines from a list of events (and an agreement), storing nothing',
        description: [
          'A what-if ("if the parent declines today, when is the appeal deadline?"). Dates may be in the future, and details may be left out.',
          'today (default: today in England) decides which deadlines are overdue. A withdrawal by the parent or young person, or by nobody named,',
          'is read as a change of mind, which calls for a certificate. A scope-decided event with an appeal only about section I leaves out',
          'the adviser-contact and certificate deadlines. An agreement gives its follow-up dates, as POST /api/v1/cases/{reference}/agreement would.',
        ].join(' '),
        requestBody: body('WhatIfRequest'),
        responses: {
          200: json('Deadlines', 'The deadlines, by due date'),
          ...withBody,
          ...everyCall,
        },
      },
    },
  }
}

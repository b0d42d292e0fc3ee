// The JSON API's request and response shapes, in zod: requests are checked with them, and the
// OpenAPI document is generated from them (z.toJSONSchema). Requests are strict: a field the API
// does not know is refused, so a misspelt field is never silently ignored.
import { z } from 'zod'
import { EHC_DECISIONS, PLAN_SECTIONS } from '../../domain/appeal-subject.ts'
import { SUPPORTED_DATES, unsupportedDate } from '../../domain/calendar.ts'
import { CASE_EVENT_TYPES, type DeadlineName } from '../../domain/clocks.ts'
import {
  adjustmentKinds,
  contactMethods,
  disagreementAreas,
  ehcDecisions,
  ehcStatuses,
  otherPartyKinds,
  requesterRoles,
  whatHappenedMaxLength,
} from '../../domain/request.ts'
import { CASE_STATUSES, CERTIFICATE_KINDS, OUTCOMES, SCOPES, WITHDRAWN_BY } from '../../domain/workflow.ts'

const keysOf = <T extends Record<string, unknown>>(record: T) =>
  Object.keys(record) as [keyof T & string, ...(keyof T & string)[]]

/** The workflow event types the API records and the what-if accepts (issue 3, section 6). */
export const API_EVENT_TYPES = [
  'scope-decided',
  'decision-letter-sent',
  'adviser-contacted',
  'mediation-declined',
  'mediation-requested',
  'health-body-notified',
  'cannot-arrange',
  'meeting-scheduled',
  'meeting-notice-sent',
  'mediation-concluded',
  'withdrawn',
  'certificate-issued',
] as const satisfies readonly (typeof CASE_EVENT_TYPES)[number][]
export type ApiEventType = (typeof API_EVENT_TYPES)[number]

export const DEADLINE_NAMES = [
  'adviser-contact',
  'certificate',
  'health-body-notice',
  'mediation-held',
  'meeting-notice',
  'appeal',
] as const satisfies readonly DeadlineName[]
export const DEADLINE_STATUSES = ['open', 'overdue', 'met', 'met-late', 'stopped'] as const
export const CHANNELS = ['online', 'phone', 'email'] as const

/** A calendar date in an answer (a due date may fall after the calendar's last year). */
const isoDate = z.iso.date({ error: 'Enter a real date as YYYY-MM-DD' })

/** A date in a request: real, and in the range the calendar supports (else 400 naming the range). */
function dateIn(kind: 'event' | 'birth') {
  const from = kind === 'birth' ? SUPPORTED_DATES.birthFrom : SUPPORTED_DATES.from
  return z.iso
    .date({ error: 'Enter a real date as YYYY-MM-DD' })
    .superRefine((d, ctx) => {
      const outside = unsupportedDate(d, kind)
      if (outside) ctx.addIssue({ code: 'custom', message: `The date ${outside}` })
    })
    .describe(`A date from ${from} to ${SUPPORTED_DATES.until} (the range the calendar supports)`)
}
export const requestDate = dateIn('event')
const birthDate = dateIn('birth')
const notFuture = (today: () => string) =>
  requestDate.refine((d) => d <= today(), { error: 'The date cannot be in the future' })
const pastDate = (today: () => string) =>
  birthDate.refine((d) => d < today(), { error: 'The date must be in the past' })
const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: 'Enter a value' })
    .max(max, { error: `Must be ${max} characters or fewer` })
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Must be ${max} characters or fewer` })
    .optional()

// --- Events ---

/** SEN mediation: what the appeal is about; only section I means no adviser contact and no certificate. */
export const appealSubject = z
  .strictObject({
    decisions: z.array(z.enum(EHC_DECISIONS)).describe('The council decisions the appeal is about'),
    sections: z.array(z.enum(PLAN_SECTIONS)).describe('The sections of the EHC plan in dispute'),
  })
  .describe(
    'Only section I (the school or placement named), with decisions about the plan’s contents at most: no adviser contact and no certificate are needed, so no such deadline is worked out',
  )

/** One schema per event type; the details that differ between recording and a what-if are passed in. */
function eventUnion<
  D extends z.ZodType,
  S extends z.ZodType,
  R extends z.ZodType,
  W extends z.ZodType,
  C extends z.ZodType,
>(date: D, details: { scope: S; requested: R; withdrawn: W; certificate: C }) {
  const noData = z.strictObject({}).optional()
  const event = <T extends ApiEventType, S extends z.ZodType>(type: T, data: S) =>
    z.strictObject({ type: z.literal(type), date, data })
  return z.discriminatedUnion(
    'type',
    [
      event('scope-decided', details.scope),
      event('decision-letter-sent', z.strictObject({ kind: z.enum(keysOf(ehcDecisions)).optional() }).optional()),
      event(
        'adviser-contacted',
        z.strictObject({ channel: z.enum(['online', 'phone', 'email', 'letter', 'in-person']).optional() }).optional(),
      ),
      event('mediation-declined', noData),
      event('mediation-requested', details.requested),
      event('health-body-notified', noData),
      event('cannot-arrange', z.strictObject({ reason: optionalText(1000) }).optional()),
      event(
        'meeting-scheduled',
        z.strictObject({
          meetingDate: requestDate,
          shorterNoticeAgreed: z.boolean().optional(),
          venue: optionalText(200),
        }),
      ),
      event('meeting-notice-sent', noData),
      event('mediation-concluded', z.strictObject({ outcome: z.enum(OUTCOMES) })),
      event('withdrawn', details.withdrawn),
      event('certificate-issued', details.certificate),
    ],
    { error: `Use one of the event types: ${API_EVENT_TYPES.join(', ')}` },
  )
}

/** POST /cases/:reference/events: the date cannot be in the future, and the details the workflow needs are required. */
export function recordEventSchema(today: () => string) {
  return eventUnion(notFuture(today), {
    scope: z
      .strictObject({
        scope: z.enum(SCOPES),
        reason: text(2000).describe('Why: what in the request led to the decision, as staff record it'),
        appealSubject: appealSubject.optional(),
        signpostTo: z
          .string()
          .trim()
          .min(1)
          .max(50)
          .optional()
          .describe('Out of scope: the code of the agency they are signposted to (for example sendiass)'),
      })
      .superRefine((d, ctx) => {
        if (d.scope === 'out-of-scope' && !d.signpostTo)
          ctx.addIssue({
            code: 'custom',
            path: ['signpostTo'],
            message: 'Give the agency they are signposted to (its code, for example sendiass)',
          })
      }),
    requested: z.strictObject({ healthInIssue: z.boolean(), healthOnly: z.boolean() }),
    withdrawn: z.strictObject({ by: z.enum(WITHDRAWN_BY), reason: text(1000) }),
    certificate: z.strictObject({ kind: z.enum(CERTIFICATE_KINDS) }),
  })
}

/** POST /deadlines: any date, and details may be left out. */
export function whatIfEventSchema() {
  return eventUnion(requestDate, {
    scope: z.strictObject({ scope: z.enum(SCOPES).optional(), appealSubject: appealSubject.optional() }).optional(),
    requested: z.strictObject({ healthInIssue: z.boolean().optional(), healthOnly: z.boolean().optional() }).optional(),
    withdrawn: z.strictObject({ by: z.enum(WITHDRAWN_BY).optional(), reason: optionalText(1000) }).optional(),
    certificate: z.strictObject({ kind: z.enum(CERTIFICATE_KINDS).optional() }).optional(),
  })
}
export type RecordEvent = z.infer<ReturnType<typeof recordEventSchema>>

export function whatIfSchema() {
  return z.strictObject({
    events: z.array(whatIfEventSchema()).max(100, { error: 'Send 100 events or fewer' }),
    today: requestDate.optional(),
  })
}

// --- Enquiries ---

/** RequestFacts (src/domain/request.ts), plus how the request arrived and when. */
export function enquirySchema(today: () => string) {
  return z
    .strictObject({
      channel: z.enum(CHANNELS),
      contactedOn: notFuture(today).optional(),
      requester: z.strictObject({
        role: z.enum(keysOf(requesterRoles)),
        name: text(100),
        organisation: optionalText(200),
      }),
      permission: z.strictObject({ givenBy: text(100), givenOn: notFuture(today) }).optional(),
      parent: z.strictObject({ name: text(100) }).optional(),
      child: z.strictObject({ name: text(100), dateOfBirth: pastDate(today), setting: text(200), postcode: text(10) }),
      ehcStatus: z.enum(keysOf(ehcStatuses)),
      areas: z.array(z.enum(keysOf(disagreementAreas))).min(1, { error: 'Give at least one area' }),
      decision: z
        .strictObject({ kind: z.enum(keysOf(ehcDecisions)), letterDate: notFuture(today).optional() })
        .optional(),
      otherParties: z.array(z.strictObject({ kind: z.enum(keysOf(otherPartyKinds)), name: optionalText(200) })).max(10),
      whatHappened: text(whatHappenedMaxLength),
      contact: z.strictObject({
        methods: z.array(z.enum(keysOf(contactMethods))).min(1, { error: 'Give at least one way to contact them' }),
        email: z.email({ error: 'Enter an email address, like name@example.com' }).max(254).optional(),
        phone: z
          .string()
          .trim()
          .max(30)
          .regex(/^[+\d\s()-]{10,30}$/, { error: 'Enter a phone number, like 01632 960 001' })
          .optional(),
        address: optionalText(500),
        bestTimes: optionalText(200),
      }),
      adjustments: z
        .strictObject({
          kinds: z.array(z.enum(keysOf(adjustmentKinds))),
          language: optionalText(100),
          details: optionalText(1000),
        })
        .optional(),
      supporter: optionalText(200),
    })
    .superRefine((body, ctx) => {
      const needsPermission = body.requester.role !== 'parent' && body.requester.role !== 'young-person'
      if (needsPermission && !body.permission) {
        ctx.addIssue({
          code: 'custom',
          path: ['permission'],
          message:
            'Someone other than the parent or young person needs their permission: give permission.givenBy and permission.givenOn',
        })
      }
      if (body.areas.includes('ehc-decision') && !body.decision) {
        ctx.addIssue({
          code: 'custom',
          path: ['decision'],
          message: 'Give the decision (decision.kind) when the areas include ehc-decision',
        })
      }
      const methods = body.contact.methods
      if (methods.includes('email') && !body.contact.email)
        ctx.addIssue({
          code: 'custom',
          path: ['contact', 'email'],
          message: 'Give an email address to contact them by email',
        })
      if ((methods.includes('phone') || methods.includes('text')) && !body.contact.phone) {
        ctx.addIssue({
          code: 'custom',
          path: ['contact', 'phone'],
          message: 'Give a phone number to contact them by phone or text',
        })
      }
      if (methods.includes('post') && !body.contact.address)
        ctx.addIssue({
          code: 'custom',
          path: ['contact', 'address'],
          message: 'Give an address to contact them by post',
        })
    })
}
export type EnquiryBody = z.infer<ReturnType<typeof enquirySchema>>

// --- Responses (for the OpenAPI document) ---

export const deadlineResponse = z.object({
  name: z.enum(DEADLINE_NAMES),
  dueDate: isoDate,
  status: z.enum(DEADLINE_STATUSES),
  metOn: isoDate.optional(),
  rule: z.string().describe('Plain English, with the dates the deadline was worked out from'),
  source: z.string().describe('The law or guidance the rule comes from'),
  startedBy: z.object({ type: z.enum(CASE_EVENT_TYPES), date: isoDate }),
  beyondCalendar: z.boolean().describe('The due date is past the last year of bank holidays known: check it by hand'),
})
export type DeadlineResponse = z.infer<typeof deadlineResponse>

export const createdEnquiryResponse = z.object({ id: z.uuid(), reference: z.string() })

export const caseResponse = z.object({
  reference: z.string(),
  status: z.enum(CASE_STATUSES),
  scope: z.enum(['undecided', 'sen-mediation', 'disagreement-resolution', 'both', 'out-of-scope']),
  receivedOn: isoDate,
  channel: z.enum(CHANNELS),
  child: z.object({ name: z.string(), dateOfBirth: isoDate }),
  parties: z.array(
    z.object({
      role: z.string().describe('parent, young-person, referrer, local-authority, school, health or social-care'),
      name: z.string(),
      organisation: z.string().nullable(),
      isRequester: z.boolean(),
    }),
  ),
  events: z.array(
    z.object({
      type: z.string().describe('A workflow event type (the API event types and others, such as scope-decided)'),
      date: isoDate.describe('The day it happened (occurred_on)'),
      recordedAt: z.iso.datetime(),
      actor: z.string().describe('Who recorded it: a staff name, "API: <token name>", or "The person asking for help"'),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
  deadlines: z.array(deadlineResponse),
})

export const eventRecordedResponse = z.object({
  reference: z.string(),
  status: z.enum(CASE_STATUSES),
  deadlines: z.array(deadlineResponse),
})
export const deadlinesResponse = z.object({ deadlines: z.array(deadlineResponse) })

export const errorResponse = z.object({ error: z.string() })
export const invalidResponse = z.object({
  error: z.literal('Invalid request'),
  fields: z
    .record(z.string(), z.string())
    .describe('Each bad field, by its path (for example child.postcode or events.0.date), with what is wrong'),
})

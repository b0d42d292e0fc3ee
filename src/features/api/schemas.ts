// The JSON API's request shapes, in zod: requests are checked with them, and the OpenAPI
// document is generated from them (z.toJSONSchema). Requests are strict: a field the API does not
// know is refused, so a misspelt field is never silently ignored. The building blocks are in
// fields.ts, the answers in responses.ts (both re-exported here).
import { z } from 'zod'
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
import { CONTACT_METHODS, PARTY_KINDS, WILLINGNESS_ANSWERS } from '../../domain/willingness.ts'
import { CERTIFICATE_KINDS, OUTCOMES, SCOPES, WITHDRAWN_BY } from '../../domain/workflow.ts'
import {
  API_EVENT_TYPES,
  CHANNELS,
  appealSubject,
  keysOf,
  notFuture,
  optionalText,
  pastDate,
  requestDate,
  text,
  type ApiEventType,
} from './fields.ts'

import { whatIfAgreement } from './agreement-schema.ts'

export * from './fields.ts'
export * from './responses.ts'

// --- Events ---

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
      event('scope-decided', details.scope),
      event(
        'party-invited',
        z
          .strictObject({
            party: z.enum(PARTY_KINDS).describe('Which party was asked to take part'),
            how: z.enum(CONTACT_METHODS).describe('How they were asked'),
          })
          .describe('Asking another party to take part (in disagreement resolution, this starts asking them)'),
      ),
      event(
        'willingness-recorded',
        z.strictObject({
          party: z.enum(PARTY_KINDS),
          answer: z.enum(WILLINGNESS_ANSWERS).describe('Their answer: willing, unwilling, or no answer in time'),
          reason: optionalText(1000),
        }),
      ),
      event(
        'mediator-allocated',
        z
          .strictObject({ mediator: text(200).describe('The mediator’s name') })
          .describe('A mediator allocated: the case moves on to preparation'),
      ),
      event('council-told-of-agreement', noData),
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
    agreement: whatIfAgreement
      .optional()
      .describe('An agreement reached, to work out its follow-up dates (regs 42 and 44) with the rest'),
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

// The JSON API's answers, in zod, for the OpenAPI document and for the test that checks each
// route answers as it says. Every error is a problem (RFC 9457, web/problem.ts).
import { z } from 'zod'
import { CASE_EVENT_TYPES } from '../../domain/clocks.ts'
import { CASE_STATUSES, OUTCOMES } from '../../domain/workflow.ts'
import { CHANNELS, DEADLINE_NAMES, DEADLINE_STATUSES, appealSubject, isoDate } from './fields.ts'

export const deadlineResponse = z.object({
  name: z.enum(DEADLINE_NAMES),
  label: z.string().describe('What is due, in words'),
  dueDate: isoDate,
  status: z.enum(DEADLINE_STATUSES),
  metOn: isoDate.optional(),
  rule: z.string().describe('Plain English, with the dates the deadline was worked out from'),
  source: z.string().describe('The law or guidance the rule comes from'),
  startedBy: z.object({ type: z.enum([...CASE_EVENT_TYPES, 'agreement-finalised']), date: isoDate }),
  beyondCalendar: z
    .boolean()
    .describe('The due date is in a year whose bank holidays are not yet published (provisional): check it again then'),
  agreementPoint: z
    .object({
      id: z.uuid().optional().describe('The point, once recorded (a what-if has none)'),
      number: z.number().int().describe('Its place in the agreement'),
      item: z.number().int().optional().describe('The item sent that made it (an item may make several points)'),
      what: z.string(),
      responsible: z.string(),
    })
    .optional()
    .describe('For an agreement-point deadline: the point it is'),
})
export type DeadlineResponse = z.infer<typeof deadlineResponse>

export const createdEnquiryResponse = z.object({ id: z.uuid(), reference: z.string() })

const warnings = z
  .array(z.string())
  .describe('Dates recorded in an unusual but possible order, to check (the case page shows them too)')

export const agreementResponse = z.object({
  agreedOn: isoDate,
  outcome: z.enum(OUTCOMES),
  councilWasParty: z.boolean().nullable().describe('Null for an agreement recorded before this was asked'),
  points: z.array(
    z.object({
      id: z.uuid(),
      number: z.number().int(),
      item: z.number().int().optional(),
      what: z.string(),
      responsible: z.string(),
      dueDate: isoDate,
      rule: z.string(),
    }),
  ),
})

export const caseResponse = z.object({
  reference: z.string(),
  status: z.enum(CASE_STATUSES),
  scope: z.enum(['undecided', 'sen-mediation', 'disagreement-resolution', 'both', 'out-of-scope']),
  appealSubject: appealSubject.nullable(),
  placementOnly: z
    .boolean()
    .describe('The appeal is only about the school or placement named: no adviser contact and no certificate needed'),
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
      type: z.string().describe('A workflow event type (the API event types and others, such as agreement-finalised)'),
      date: isoDate.describe('The day it happened (occurred_on)'),
      recordedAt: z.iso.datetime(),
      actor: z.string().describe('Who recorded it: a staff name, "API: <token name>", or "The person asking for help"'),
      data: z.record(z.string(), z.unknown()),
    }),
  ),
  agreement: agreementResponse.nullable().describe('The final agreement, once there is one'),
  deadlines: z.array(deadlineResponse).describe('The statutory deadlines and the agreement’s follow-up dates'),
  warnings,
})

export const eventRecordedResponse = z.object({
  reference: z.string(),
  status: z.enum(CASE_STATUSES),
  deadlines: z.array(deadlineResponse),
  warnings,
})

export const agreementRecordedResponse = z.object({
  reference: z.string(),
  status: z.enum(CASE_STATUSES),
  agreement: agreementResponse,
  deadlines: z.array(deadlineResponse),
  warnings,
})

export const deadlinesResponse = z.object({ deadlines: z.array(deadlineResponse) })

/** Every error answer: a problem (RFC 9457), with `error` repeating `detail` for older clients. */
export const errorResponse = z.object({
  type: z.literal('about:blank'),
  title: z.string().describe('The HTTP status in words'),
  status: z.number().int(),
  detail: z.string().describe('What went wrong, in plain English'),
  error: z.string().describe('The same words as detail (kept for clients written before problem details)'),
  instance: z.string().describe('The path asked for'),
})

export const invalidResponse = errorResponse.extend({
  error: z.literal('Invalid request'),
  fields: z
    .record(z.string(), z.string())
    .describe('Each bad field, by its path (for example child.postcode or events.0.date), with what is wrong'),
  position: z
    .number()
    .int()
    .optional()
    .describe('A body that is not valid JSON: the index of the first character that is wrong'),
})

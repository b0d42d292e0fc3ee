// The OpenAPI 3.1 document for /api/v1, built from the same zod schemas that check requests.
import { z } from 'zod'
import {
  API_EVENT_TYPES,
  DEADLINE_NAMES,
  caseResponse,
  createdEnquiryResponse,
  deadlinesResponse,
  enquirySchema,
  errorResponse,
  eventRecordedResponse,
  invalidResponse,
  recordEventSchema,
  whatIfSchema,
} from '../schemas.ts'
import { summaryResponse } from '../v1/reports/schema.ts'

/** JSON Schema for a component: OpenAPI 3.1 uses JSON Schema 2020-12, without a $schema of its own. */
function jsonSchema(schema: z.ZodType, io: 'input' | 'output' = 'output') {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Record<string, unknown>
  return rest
}

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })
const json = (name: string, description: string) => ({
  description,
  content: { 'application/json': { schema: ref(name) } },
})
const body = (name: string) => ({ required: true, content: { 'application/json': { schema: ref(name) } } })
const reference = {
  name: 'reference',
  in: 'path',
  required: true,
  description: 'The case reference, as on the case page',
  schema: { type: 'string' },
}

const errors = {
  400: json('InvalidRequest', 'The request is not valid: each bad field is named, by its path, with what is wrong'),
  401: json('Error', 'No API token was sent, or it is unknown or revoked'),
  404: json('Error', "There is no such case for this token's authority"),
  409: json('Error', 'The workflow refuses this event now; the error says why'),
  429: json('Error', 'Too many requests with this token; the Retry-After header says when to try again'),
}

const anyDay = () => '9999-12-31'

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Parley API',
      version: '1.0.0',
      description: [
        'Case management for SEN mediation and disagreement resolution. Each API token is issued by an administrator for one commissioning',
        "authority, and sees only that authority's cases: any other case is 404. Dates are ISO 8601 calendar dates (YYYY-MM-DD).",
        'Requests are limited to 120 a minute per token.',
      ].join(' '),
    },
    servers: [{ url: '/' }],
    security: [{ bearerAuth: [] }],
    paths: {
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
            201: {
              ...json('EnquiryCreated', 'The case was made'),
              headers: { Location: { description: 'The case in the API', schema: { type: 'string' } } },
            },
            200: {
              ...json('EnquiryCreated', 'A retry with the same Idempotency-Key: the case made before'),
              headers: { Location: { description: 'The case in the API', schema: { type: 'string' } } },
            },
            400: errors[400],
            401: errors[401],
            429: errors[429],
          },
        },
      },
      '/api/v1/cases/{reference}': {
        get: {
          operationId: 'getCase',
          summary: 'A case, its events and its statutory deadlines',
          description:
            "Staff notes are left out, and so are the service's own reminders to update people: the deadlines are the statutory ones.",
          parameters: [reference],
          responses: { 200: json('Case', 'The case'), 401: errors[401], 404: errors[404], 429: errors[429] },
        },
      },
      '/api/v1/cases/{reference}/events': {
        post: {
          operationId: 'recordEvent',
          summary: 'Record something that happened in a case',
          description: [
            'The date is the day it happened: it may be earlier than today, never later.',
            'decision-letter-sent, adviser-contacted, health-body-notified and meeting-notice-sent are facts that start or stop a clock;',
            'the others move the case through its workflow, which refuses (409) an event that is not possible now and says why.',
            'mediation-concluded on a case whose meeting is arranged also records the meeting as held that day.',
            'The actor shown on the case is "API: <token name>".',
          ].join(' '),
          parameters: [reference],
          requestBody: body('EventRequest'),
          responses: {
            201: json('EventRecorded', "The event was recorded: the case's status and deadlines now"),
            400: errors[400],
            401: errors[401],
            404: errors[404],
            409: errors[409],
            429: errors[429],
          },
        },
      },
      '/api/v1/deadlines': {
        post: {
          operationId: 'whatIfDeadlines',
          summary: 'Work out deadlines from a list of events, storing nothing',
          description: [
            'A what-if ("if the parent declines today, when is the appeal deadline?"). Dates may be in the future, and details may be left out.',
            'today (default: today in England) decides which deadlines are overdue. A withdrawal by the parent or young person, or by nobody named,',
            'is read as a change of mind, which calls for a certificate.',
          ].join(' '),
          requestBody: body('WhatIfRequest'),
          responses: {
            200: json('Deadlines', 'The deadlines, by due date'),
            400: errors[400],
            401: errors[401],
            429: errors[429],
          },
        },
      },
      '/api/v1/reports/summary': {
        get: {
          operationId: 'reportSummary',
          summary: "The token's council's figures for a period, with small numbers suppressed",
          description: [
            'The same figures as the report pages, for at most a year (366 days) from the first day to the last, both included.',
            'Each figure counts by its own date (enquiries by the day they came, certificates by the day issued, meetings by their day, ...):',
            "each table's rule says which. A count from 1 to 4 is suppressed, and so is any other count that would let one be worked out from",
            'the totals: a suppressed figure is { "count": null, "suppressed": true }, never its number. No names, references or free text.',
          ].join(' '),
          parameters: [
            {
              name: 'from',
              in: 'query',
              required: true,
              description: 'The first day, as YYYY-MM-DD',
              schema: { type: 'string', format: 'date' },
            },
            {
              name: 'to',
              in: 'query',
              required: true,
              description: 'The last day, as YYYY-MM-DD',
              schema: { type: 'string', format: 'date' },
            },
          ],
          responses: {
            200: json('ReportSummary', 'The figures'),
            400: json(
              'InvalidRequest',
              'A date is missing, not a real date, or the period is longer than a year: each bad field is named',
            ),
            401: errors[401],
            429: errors[429],
          },
        },
      },
      '/api/docs/openapi.json': {
        get: {
          operationId: 'openApiDocument',
          summary: 'This document',
          security: [],
          responses: {
            200: {
              description: 'The OpenAPI 3.1 document',
              content: { 'application/json': { schema: { type: 'object' } } },
            },
          },
        },
      },
    },
    components: {
      securitySchemes: {
        bearerAuth: {
          type: 'http',
          scheme: 'bearer',
          description: 'An API token (parley_...) from an administrator, in the Authorization header: Bearer <token>',
        },
      },
      schemas: {
        EventType: jsonSchema(z.enum(API_EVENT_TYPES)),
        DeadlineName: jsonSchema(z.enum(DEADLINE_NAMES)),
        EnquiryRequest: jsonSchema(enquirySchema(anyDay), 'input'),
        EnquiryCreated: jsonSchema(createdEnquiryResponse),
        Case: jsonSchema(caseResponse),
        EventRequest: jsonSchema(recordEventSchema(anyDay), 'input'),
        EventRecorded: jsonSchema(eventRecordedResponse),
        WhatIfRequest: jsonSchema(whatIfSchema(), 'input'),
        Deadlines: jsonSchema(deadlinesResponse),
        Error: jsonSchema(errorResponse),
        InvalidRequest: jsonSchema(invalidResponse),
        ReportSummary: jsonSchema(summaryResponse),
      },
    },
  }
}

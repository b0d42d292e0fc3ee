// The OpenAPI 3.1 document for /api/v1, built from the same zod schemas that check requests.
import { z } from 'zod'
import { agreementSchema } from '../agreement-schema.ts'
import {
  API_EVENT_TYPES,
  DEADLINE_NAMES,
  agreementRecordedResponse,
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
import { casePaths } from './case-paths.ts'
import { errors, everyCall, json, jsonSchema } from './parts.ts'

const anyDay = () => '9999-12-31'

export function openApiDocument() {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Parley API',
      version: '1.0.0',
      description: [
        'Case management for SEN mediation and disagreement resolution. Each API token is issued by an administrator for one commissioning',
        "authority, and sees only that authority's cases: any other case is 404. Dates are ISO 8601 calendar dates (YYYY-MM-DD),",
        'from 2014-09-01 (the SEND reforms; a date of birth from 1989-09-01) to 2040-12-31, the range the calendar supports.',
        'Bodies are JSON, sent with Content-Type: application/json. Every error is a problem (RFC 9457, application/problem+json):',
        'type, title, status, detail and instance, with the same words as detail in error, and for a bad request each bad field in fields.',
        'A case can be taken from enquiry through scope, the willingness test, the meeting and the agreement to its follow-up dates',
        'with these calls alone; the dates are those the case page shows. Requests are limited to 120 a minute per token.',
      ].join(' '),
    },
    servers: [{ url: '/' }],
    security: [{ bearerAuth: [] }],
    paths: {
      ...casePaths(),
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
            400: {
              ...errors[400],
              description:
                'A date is missing, not a real date, outside the range the calendar supports, or the period is longer than a year: each bad field is named',
            },
            ...everyCall,
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
        AgreementRequest: jsonSchema(agreementSchema(anyDay), 'input'),
        AgreementRecorded: jsonSchema(agreementRecordedResponse),
        Deadlines: jsonSchema(deadlinesResponse),
        Error: jsonSchema(errorResponse),
        InvalidRequest: jsonSchema(invalidResponse),
        ReportSummary: jsonSchema(summaryResponse),
      },
    },
  }
}

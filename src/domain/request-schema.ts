// The request's facts as zod reads them: what is stored in cases.request is parsed with this
// first, so a case never holds a request that RequestFacts does not describe.
import { z } from 'zod'
import {
  adjustmentKinds,
  contactMethods,
  disagreementAreas,
  ehcDecisions,
  ehcStatuses,
  otherPartyKinds,
  requesterRoles,
  type RequestFacts,
} from './request.ts'

/** One of a word list's keys. */
const keyOf = <T extends Record<string, string>>(labels: T) =>
  z.enum(Object.keys(labels) as [Extract<keyof T, string>, ...Extract<keyof T, string>[]])

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/)

export const requestFactsSchema = z.object({
  requester: z.object({
    role: keyOf(requesterRoles),
    name: z.string(),
    organisation: z.string().optional(),
  }),
  permission: z.object({ givenBy: z.string(), givenOn: isoDate }).optional(),
  parent: z.object({ name: z.string() }).optional(),
  child: z.object({ name: z.string(), dateOfBirth: isoDate, setting: z.string(), postcode: z.string() }),
  ehcStatus: keyOf(ehcStatuses),
  areas: z.array(keyOf(disagreementAreas)),
  decision: z.object({ kind: keyOf(ehcDecisions), letterDate: isoDate.optional() }).optional(),
  otherParties: z.array(z.object({ kind: keyOf(otherPartyKinds), name: z.string().optional() })),
  whatHappened: z.string(),
  contact: z.object({
    methods: z.array(keyOf(contactMethods)),
    email: z.string().optional(),
    phone: z.string().optional(),
    address: z.string().optional(),
    bestTimes: z.string().optional(),
  }),
  adjustments: z.object({
    kinds: z.array(keyOf(adjustmentKinds)),
    language: z.string().optional(),
    details: z.string().optional(),
  }),
  supporter: z.string().optional(),
}) satisfies z.ZodType<RequestFacts>

/** The facts to store: checked, with anything RequestFacts does not name left out. */
export const parseRequestFacts = (facts: unknown): RequestFacts => requestFactsSchema.parse(facts)

// What the allocation pages share: who may change an allocation, sub-ids that must be real, and
// replying to a refusal from the service.
import type { FastifyReply } from 'fastify'
import { z } from 'zod'
import type { FormErrors } from '../../web/forms.ts'

/** Who allocates, records who was told, and decides objections. Mediators see the tab only. */
export { caseWorkers as allocators } from '../cases/index.ts'

const guid = z.guid()
/** A sub-id from the URL, lower case, or undefined when it cannot be an id. */
export function idParam(params: unknown, name: string): string | undefined {
  const parsed = guid.safeParse((params as Record<string, unknown>)[name])
  return parsed.success ? parsed.data.toLowerCase() : undefined
}

/** A refusal or a stale version as an error at the top of the form (linking to the case's state). */
export function refusalErrors(reason: string): FormErrors {
  return { summary: [{ text: reason, href: '#case-now' }], fields: {} }
}

export const statusFor = (code: 'not-found' | 'refused' | 'stale') =>
  code === 'stale' || code === 'refused' ? 409 : 404

export const notFound = (reply: FastifyReply) => reply.code(404).view('cases/not-found.njk')

// What every complaints page shares: who may use them and the "not found" answer (a complaint of
// another council is not found, so its existence is not revealed).
import type { FastifyReply } from 'fastify'
import { complaintHandlers } from './access.ts'

export const complaintsAccess = { access: complaintHandlers }

export const complaintPath = (id: string) => `/complaints/${id}`

export function complaintNotFound(reply: FastifyReply) {
  return reply.code(404).view('complaints/not-found.njk')
}

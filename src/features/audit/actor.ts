// Who is making a change, as the audit trail records them: the signed-in member of staff and the
// address their request came from.
import type { FastifyRequest } from 'fastify'
import { currentUser } from '../../web/auth.ts'
import type { AuditActor } from './record.ts'

export function auditActorOf(request: FastifyRequest): AuditActor {
  return { userId: currentUser(request).id, ip: request.ip || null }
}

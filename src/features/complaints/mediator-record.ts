// A mediator's panel record shows the complaints about them, to those who handle complaints (for
// the councils they work for); nobody else sees them there.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import type { StaffUser } from '../../domain/staff.ts'
import { handlesComplaints } from './access.ts'
import { createComplaintPages } from './page-service.ts'

export async function complaintsAboutMediatorFor(db: Db, clock: Clock, user: StaffUser, mediatorId: string) {
  if (!handlesComplaints(user)) return undefined
  return createComplaintPages({ db, clock }).aboutMediator(user, mediatorId)
}

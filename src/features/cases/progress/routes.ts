// /cases/:id/progress: every deadline of the case, the updates owed, each party's willingness,
// the next steps and who is looking after the case (progress/service.ts).
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import type { Clock } from '../../../clock.ts'
import type { Db } from '../../../db/client.ts'
import { roles, type StaffUser } from '../../../domain/staff.ts'
import { currentUser } from '../../../web/auth.ts'
import type { FormErrors } from '../../../web/forms.ts'
import { caseContext, caseForView, type CaseRow } from '../case-page.ts'
import { progressPage } from './service.ts'

/** The progress page, also shown again (with the problem) when taking the case is refused. */
export async function renderProgress(
  deps: { db: Db; clock: Clock },
  reply: FastifyReply,
  found: CaseRow,
  user: StaffUser,
  extra: { errors?: FormErrors } = {},
) {
  const page = await progressPage(deps, found, user)
  return reply.view('cases/progress/view.njk', { ...caseContext(found, 'progress'), ...page, errors: extra.errors })
}

export default async function caseProgress(app: FastifyInstance, deps: AppDeps) {
  app.get('/cases/:id/progress', { config: { access: roles } }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    return renderProgress({ db: deps.database.db, clock: deps.clock }, reply, found, currentUser(request))
  })
}

import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { freeAreas } from '../council.ts'
import { firstUnanswered, permissionNeededPath, readState } from '../journey.ts'

/** Where the journey stops for someone without the family's permission. */
export default async function permissionNeeded(app: FastifyInstance, deps: AppDeps) {
  app.get(permissionNeededPath, { config: { access: 'public' } }, async (request, reply) => {
    const { answers } = readState(request)
    const where = firstUnanswered(answers, deps.clock.today())
    if (where !== permissionNeededPath) return reply.redirect(where, 303)
    return reply.view('intake/permission-needed/view.njk', {
      backLink: '/request/permission',
      freeIn: await freeAreas(deps.database.db),
    })
  })
}

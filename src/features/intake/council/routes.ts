import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { checkCouncil } from '../council.ts'
import { backPath, canVisit, firstUnanswered, nextPath, readState } from '../journey.ts'

/**
 * Tells the person which council area the postcode is in, and plainly if the service may not be
 * free there. It does not stop them.
 */
export default async function council(app: FastifyInstance, deps: AppDeps) {
  app.get('/request/council', { config: { access: 'public' } }, async (request, reply) => {
    const state = readState(request)
    const today = deps.clock.today()
    if (!canVisit('council', state.answers, today) || !state.answers.postcode) {
      return reply.redirect(firstUnanswered(state.answers, today), 303)
    }
    const check = await checkCouncil(deps.database.db, state.answers.postcode)
    return reply.view('intake/council/view.njk', {
      ...check,
      postcode: state.answers.postcode,
      backLink: backPath('council', state, today),
      continueTo: nextPath('council', state, today),
    })
  })
}

// /feedback: the results of the portal's survey for a period. Staff see every mediator's (for the
// councils they work for), one mediator's, or one council's, with who said what and links to each
// case's feedback; a mediator sees their own results, without who said what.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { roles } from '../../../domain/staff.ts'
import { currentUser } from '../../../web/auth.ts'
import { createFeedbackResults, questions } from '../feedback-service.ts'
import { readFeedbackQuery } from './schema.ts'

export default async function feedbackResults(app: FastifyInstance, deps: AppDeps) {
  const results = createFeedbackResults({ db: deps.database.db })

  app.get('/feedback', { config: { access: roles } }, async (request, reply) => {
    const { query, values, errors } = readFeedbackQuery(request.query, deps.clock.today())
    const page = await results.results(currentUser(request), query)
    return reply.code(errors ? 400 : 200).view('complaints/feedback/view.njk', {
      ...page,
      period: query,
      questions,
      values,
      errors,
    })
  })
}

// /dates/result?letter-day=...: the dates that matter, from the answers in the query string (so the
// page works without JavaScript and can be bookmarked). Wrong answers show the form again.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { renderInvalid } from '../../../web/forms.ts'
import { planDates } from '../plan.ts'
import { datesPage, datesView } from '../routes.ts'
import { stageDates, stages, validateDates } from '../schema.ts'

export default async function datesResult(app: FastifyInstance, { database, clock }: AppDeps) {
  app.get('/dates/result', { config: { access: 'public' } }, async (request, reply) => {
    const query = (request.query ?? {}) as Record<string, unknown>
    const today = clock.today()
    const form = validateDates(query, today)
    if (!form.ok) return renderInvalid(reply, datesView, form.errors, { ...datesPage(query), backLink: '/dates' })
    const plan = await planDates(database.db, form.data, today)
    const { stage, stageDate, letter } = form.data
    const answers = {
      letter,
      stage: stages[stage],
      stageDate,
      stageQuestion: stageDate ? stageDates[stage as keyof typeof stageDates].legend : undefined,
    }
    // The answers, to change them: the form again with what was entered.
    const changeUrl = `/dates?${new URLSearchParams(query as Record<string, string>).toString()}`
    return reply.view('dates/result/view.njk', { plan, answers, changeUrl, backLink: changeUrl })
  })
}

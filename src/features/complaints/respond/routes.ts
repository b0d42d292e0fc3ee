// /complaints/:id/respond: the stage's answer: the outcome, what we found, what changes, and the
// letter queued to the complainant by their way (email or post) with what they can do next; after
// the last stage, the Civil Mediation Council (its dates worked out) or the council's procedure.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { cmcDates, isLastStage, outcomeNames, type ComplaintStage } from '../../../domain/complaints.ts'
import { dateInputValues, itemsOf } from '../../../web/forms.ts'
import { parseWithDates } from '../form.ts'
import { routeNames } from '../labels.ts'
import { stepPage } from '../stage-form.ts'
import { createStageService, type RespondInput } from '../stage-service.ts'
import { respondDates, respondOrder, respondSchema } from './schema.ts'

export default async function respond(app: FastifyInstance, deps: AppDeps) {
  const service = createStageService({ db: deps.database.db, clock: deps.clock })
  stepPage(app, deps, {
    path: 'respond',
    view: 'complaints/respond/view.njk',
    allowed: (page) => page.can.respond,
    initial: (page, today) => ({
      ...dateInputValues('respondedOn', today),
      route: isLastStage(page.complaint.stage as ComplaintStage) ? 'cmc' : undefined,
    }),
    extra: (page, today) => ({
      outcomeItems: itemsOf(outcomeNames),
      routeItems: itemsOf(routeNames),
      lastStage: isLastStage(page.complaint.stage as ComplaintStage),
      // What the CMC dates would be for an answer today.
      cmcToday: cmcDates(today, page.complaint.happenedOn),
    }),
    parse: (body, today) => parseWithDates(respondSchema, body, respondDates, today, respondOrder),
    field: 'outcome',
    submit: async (user, id, form: RespondInput) => {
      const result = await service.respond(user, id, form)
      if (!result.ok) return result
      return {
        ok: true,
        flash: result.sent
          ? 'Answer recorded. The letter is on its way'
          : 'Answer recorded, but not sent: we have no email or postal address for them. Send it another way',
      }
    },
  })
}

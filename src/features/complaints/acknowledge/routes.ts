// /complaints/:id/acknowledge: the stage under way acknowledged, by a message from Parley (the way
// they prefer) or as staff already did it; late acknowledgements are recorded as late.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { dateInputValues, itemsOf } from '../../../web/forms.ts'
import { parseWithDates } from '../form.ts'
import { acknowledgedHowNames } from '../labels.ts'
import { stepPage } from '../stage-form.ts'
import { createStageService, type AcknowledgeInput } from '../stage-service.ts'
import { acknowledgeDates, acknowledgeOrder, acknowledgeSchema } from './schema.ts'

export default async function acknowledge(app: FastifyInstance, deps: AppDeps) {
  const service = createStageService({ db: deps.database.db, clock: deps.clock })
  stepPage(app, deps, {
    path: 'acknowledge',
    view: 'complaints/acknowledge/view.njk',
    allowed: (page) => page.can.acknowledge,
    initial: (_page, today) => ({ how: 'message', ...dateInputValues('acknowledgedOn', today) }),
    extra: () => ({ howItems: itemsOf(acknowledgedHowNames) }),
    parse: (body, today) => parseWithDates(acknowledgeSchema, body, acknowledgeDates, today, acknowledgeOrder),
    field: 'how',
    submit: async (user, id, form: AcknowledgeInput) => {
      const result = await service.acknowledge(user, id, form)
      if (!result.ok) return result
      return { ok: true, flash: result.sent ? 'Acknowledged. The message is on its way' : 'Acknowledgement recorded' }
    },
  })
}

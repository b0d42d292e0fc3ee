// /complaints/:id/escalate: they are not happy with our answer and asked for the next stage: it
// starts on the day they asked, with its own acknowledgement and answer deadlines.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { nextStage, stageNames, type ComplaintStage } from '../../../domain/complaints.ts'
import { dateInputValues } from '../../../web/forms.ts'
import { parseWithDates } from '../form.ts'
import { stepPage } from '../stage-form.ts'
import { createStageService } from '../stage-service.ts'
import { escalateDates, escalateOrder, escalateSchema } from './schema.ts'

export default async function escalate(app: FastifyInstance, deps: AppDeps) {
  const service = createStageService({ db: deps.database.db, clock: deps.clock })
  stepPage(app, deps, {
    path: 'escalate',
    view: 'complaints/escalate/view.njk',
    allowed: (page) => page.can.escalate,
    initial: (_page, today) => dateInputValues('requestedOn', today),
    extra: (page) => ({ next: stageNames[nextStage(page.complaint.stage as ComplaintStage) ?? 'review'] }),
    parse: (body, today) => parseWithDates(escalateSchema, body, escalateDates, today, escalateOrder),
    field: 'requestedOn-day',
    submit: async (user, id, form: { version: number; requestedOn: string }) => {
      const result = await service.escalate(user, id, form)
      if (!result.ok) return result
      return { ok: true, flash: 'The complaint is at the next stage' }
    },
  })
}

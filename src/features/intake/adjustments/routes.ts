import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { adjustmentKinds } from '../../../domain/request.ts'
import { optionsOf } from '../journey.ts'
import { questionPage } from '../question-page.ts'
import { adjustmentsSchema, noAdjustments } from './schema.ts'

export default async function adjustments(app: FastifyInstance, deps: AppDeps) {
  questionPage(app, deps, {
    slug: 'adjustments',
    view: 'intake/adjustments/view.njk',
    schema: () => adjustmentsSchema,
    values: (a) => ({
      adjustments: !a.adjustments ? [] : a.adjustments.kinds.length ? a.adjustments.kinds : [noAdjustments],
      language: a.adjustments?.language,
      details: a.adjustments?.details,
    }),
    save: (a, data) => ({ ...a, adjustments: data }),
    arrays: ['adjustments'],
    context: () => ({ kinds: optionsOf(adjustmentKinds), noAdjustments }),
  })
}

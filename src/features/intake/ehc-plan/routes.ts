import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { ehcStatuses } from '../../../domain/request.ts'
import { childWords, optionsOf } from '../journey.ts'
import { questionPage } from '../question-page.ts'
import { ehcPlanSchema } from './schema.ts'

export default async function ehcPlan(app: FastifyInstance, deps: AppDeps) {
  questionPage(app, deps, {
    slug: 'ehc-plan',
    view: 'intake/ehc-plan/view.njk',
    schema: ({ answers }) => ehcPlanSchema(childWords(answers).self),
    values: (a) => ({ ehcStatus: a.ehcStatus }),
    save: (a, data) => ({ ...a, ehcStatus: data.ehcStatus }),
    context: ({ answers }) => ({ self: childWords(answers).self, statuses: optionsOf(ehcStatuses) }),
  })
}

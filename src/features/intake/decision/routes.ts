import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { ehcDecisions } from '../../../domain/request.ts'
import { dateInputValues } from '../../../web/forms.ts'
import { optionsOf } from '../journey.ts'
import { questionPage } from '../question-page.ts'
import { decisionSchema } from './schema.ts'

export default async function decision(app: FastifyInstance, deps: AppDeps) {
  questionPage(app, deps, {
    slug: 'decision',
    view: 'intake/decision/view.njk',
    schema: ({ today }) => decisionSchema(today),
    values: (a) => ({ decision: a.decision, ...dateInputValues('letterDate', a.decisionLetterDate) }),
    save: (a, data) => ({ ...a, decision: data.decision, decisionLetterDate: data.letterDate }),
    context: () => ({ decisions: optionsOf(ehcDecisions) }),
  })
}

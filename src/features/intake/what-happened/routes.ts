import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { whatHappenedMaxLength } from '../../../domain/request.ts'
import { questionPage } from '../question-page.ts'
import { whatHappenedSchema } from './schema.ts'

export default async function whatHappened(app: FastifyInstance, deps: AppDeps) {
  questionPage(app, deps, {
    slug: 'what-happened',
    view: 'intake/what-happened/view.njk',
    schema: () => whatHappenedSchema,
    values: (a) => ({ whatHappened: a.whatHappened }),
    save: (a, data) => ({ ...a, whatHappened: data.whatHappened }),
    context: () => ({ maxLength: whatHappenedMaxLength }),
  })
}

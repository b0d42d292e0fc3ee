import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { disagreementAreas } from '../../../domain/request.ts'
import { optionsOf } from '../journey.ts'
import { questionPage } from '../question-page.ts'
import { aboutSchema } from './schema.ts'

export default async function about(app: FastifyInstance, deps: AppDeps) {
  questionPage(app, deps, {
    slug: 'about',
    view: 'intake/about/view.njk',
    schema: () => aboutSchema,
    values: (a) => ({ areas: a.areas ?? [] }),
    save: (a, data) => ({ ...a, areas: data.areas }),
    arrays: ['areas'],
    context: () => ({ areaOptions: optionsOf(disagreementAreas) }),
  })
}

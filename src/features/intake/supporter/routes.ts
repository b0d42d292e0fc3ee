import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { questionPage } from '../question-page.ts'
import { supporterSchema } from './schema.ts'

export default async function supporter(app: FastifyInstance, deps: AppDeps) {
  questionPage(app, deps, {
    slug: 'supporter',
    view: 'intake/supporter/view.njk',
    schema: () => supporterSchema,
    values: (a) => ({
      hasSupporter: a.supporter === undefined ? undefined : a.supporter ? 'yes' : 'no',
      supporter: a.supporter,
    }),
    save: (a, data) => ({ ...a, supporter: data.supporter }),
  })
}

import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { childWords } from '../journey.ts'
import { questionPage } from '../question-page.ts'
import { postcodeSchema } from './schema.ts'

export default async function postcode(app: FastifyInstance, deps: AppDeps) {
  questionPage(app, deps, {
    slug: 'postcode',
    view: 'intake/postcode/view.njk',
    schema: ({ answers }) => postcodeSchema(childWords(answers).self),
    values: (a) => ({ postcode: a.postcode }),
    // A new postcode may be in another council's area: the council is worked out (or asked) again.
    save: (a, data) => ({
      ...a,
      postcode: data.postcode,
      council: data.postcode === a.postcode ? a.council : undefined,
    }),
    context: ({ answers }) => ({ self: childWords(answers).self }),
  })
}

import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { dateInputValues } from '../../../web/forms.ts'
import { childWords } from '../journey.ts'
import { questionPage } from '../question-page.ts'
import { childSchema } from './schema.ts'

export default async function child(app: FastifyInstance, deps: AppDeps) {
  questionPage(app, deps, {
    slug: 'child',
    view: 'intake/child/view.njk',
    schema: ({ answers, today }) => childSchema(today, childWords(answers).self),
    values: (a) => ({
      // A young person asking for themselves has already told us their name.
      childName: a.childName ?? (a.role === 'young-person' ? a.name : undefined),
      ...dateInputValues('dateOfBirth', a.childDateOfBirth),
      setting: a.childSetting,
    }),
    save: (a, data) => ({
      ...a,
      childName: data.childName,
      childDateOfBirth: data.dateOfBirth,
      childSetting: data.setting,
    }),
    context: ({ answers }) => ({ self: childWords(answers).self }),
  })
}

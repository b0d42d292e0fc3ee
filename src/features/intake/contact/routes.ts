import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { questionPage } from '../question-page.ts'
import { contactSchema } from './schema.ts'

export default async function contact(app: FastifyInstance, deps: AppDeps) {
  questionPage(app, deps, {
    slug: 'contact',
    view: 'intake/contact/view.njk',
    schema: () => contactSchema,
    values: (a) => ({ ...a.contact, methods: a.contact?.methods ?? [] }),
    save: (a, data) => ({ ...a, contact: data }),
    arrays: ['methods'],
  })
}

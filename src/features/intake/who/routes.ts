import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { requesterRoles } from '../../../domain/request.ts'
import { optionsOf } from '../journey.ts'
import { questionPage } from '../question-page.ts'
import { whoSchema } from './schema.ts'

/** The first question, at /request itself. */
export default async function who(app: FastifyInstance, deps: AppDeps) {
  questionPage(app, deps, {
    slug: 'who',
    view: 'intake/who/view.njk',
    schema: () => whoSchema,
    values: (a) => ({ role: a.role }),
    save: (a, data) => ({ ...a, role: data.role }),
    context: () => ({ roles: optionsOf(requesterRoles) }),
  })
}

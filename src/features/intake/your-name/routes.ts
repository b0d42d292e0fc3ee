import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { needsPermission } from '../../../domain/request.ts'
import { needsOrganisation, type Answers } from '../journey.ts'
import { questionPage } from '../question-page.ts'
import { yourNameSchema } from './schema.ts'

const organisationRule = (a: Answers) =>
  needsOrganisation(a.role) ? 'required' : a.role && needsPermission(a.role) ? 'optional' : 'not-asked'

export default async function yourName(app: FastifyInstance, deps: AppDeps) {
  questionPage(app, deps, {
    slug: 'your-name',
    view: 'intake/your-name/view.njk',
    schema: ({ answers }) => yourNameSchema(organisationRule(answers)),
    values: (a) => ({ name: a.name, organisation: a.organisation }),
    save: (a, data) => ({ ...a, name: data.name, organisation: data.organisation }),
    context: ({ answers }) => ({ organisation: organisationRule(answers) }),
  })
}

import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { dateInputValues } from '../../../web/forms.ts'
import { questionPage } from '../question-page.ts'
import { permissionDetailsSchema } from './schema.ts'

export default async function permissionDetails(app: FastifyInstance, deps: AppDeps) {
  questionPage(app, deps, {
    slug: 'permission-details',
    view: 'intake/permission-details/view.njk',
    schema: ({ today }) => permissionDetailsSchema(today),
    values: (a) => ({
      givenBy: a.permissionGivenBy,
      ...dateInputValues('givenOn', a.permissionGivenOn),
      parentName: a.parentName,
    }),
    save: (a, data) => ({
      ...a,
      permissionGivenBy: data.givenBy,
      permissionGivenOn: data.givenOn,
      parentName: data.parentName,
    }),
  })
}

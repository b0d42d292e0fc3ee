import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { questionPage } from '../question-page.ts'
import { permissionSchema } from './schema.ts'

export default async function permission(app: FastifyInstance, deps: AppDeps) {
  questionPage(app, deps, {
    slug: 'permission',
    view: 'intake/permission/view.njk',
    schema: () => permissionSchema,
    values: (a) => ({ permission: a.permission }),
    // Without the family's agreement we keep nothing about them: only who is asking.
    save: (a, data) =>
      data.permission === 'yes'
        ? { ...a, permission: 'yes' }
        : { role: a.role, name: a.name, organisation: a.organisation, permission: 'no' },
  })
}

import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { homePathFor } from '../../../domain/staff.ts'
import { currentUser } from '../../../web/auth.ts'
import { parseForm, submitForm } from '../../../web/forms.ts'
import { createSignInService } from '../service.ts'
import { passwordSchema } from './schema.ts'

const view = 'auth/account-password/view.njk'

export default async function accountPassword(app: FastifyInstance, { database, clock }: AppDeps) {
  const service = createSignInService(database.db, clock)
  const access = 'signed-in' as const

  app.get('/account/password', { config: { access } }, async (request, reply) =>
    reply.view(view, { firstTime: currentUser(request).mustChangePassword }),
  )

  app.post('/account/password', { config: { access } }, async (request, reply) =>
    submitForm(request, reply, {
      parse: (body) => parseForm(passwordSchema, body),
      // What was typed is never shown again: these are passwords.
      render: (reply, { errors }) => reply.view(view, { errors, firstTime: currentUser(request).mustChangePassword }),
      field: 'password',
      submit: async ({ password }) => {
        await service.choosePassword(currentUser(request).id, password)
        return { ok: true, redirect: homePathFor(currentUser(request)), flash: 'Your password has been changed' }
      },
    }),
  )
}

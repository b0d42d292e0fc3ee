// /account/password: choosing a new password, as the policy allows (domain/password-policy.ts).
// The current password is asked for, except just after signing in with a one-time password; the
// change signs the person out everywhere else, and this session goes on.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { homePathFor } from '../../../domain/staff.ts'
import { currentUser } from '../../../web/auth.ts'
import { parseForm, submitForm } from '../../../web/forms.ts'
import { createSignInService } from '../service.ts'
import { passwordSchemaFor } from './schema.ts'

const view = 'auth/account-password/view.njk'

export default async function accountPassword(app: FastifyInstance, { database, clock }: AppDeps) {
  const service = createSignInService(database.db, clock)
  const access = 'signed-in' as const

  app.get('/account/password', { config: { access } }, async (request, reply) =>
    reply.view(view, { firstTime: currentUser(request).mustChangePassword }),
  )

  app.post('/account/password', { config: { access } }, async (request, reply) => {
    const user = currentUser(request)
    const firstTime = user.mustChangePassword
    return submitForm(request, reply, {
      parse: (body) => parseForm(passwordSchemaFor(user, !firstTime), body),
      // What was typed is never shown again: these are passwords.
      render: (reply, { errors }) => reply.view(view, { errors, firstTime }),
      field: 'password',
      submit: async (form) => {
        const changed = await service.changePassword(user, {
          current: firstTime ? undefined : (form as { current?: string }).current,
          password: form.password,
          keepSid: request.session.sessionId,
          ip: request.ip,
        })
        if (!changed.ok) return changed
        return { ok: true, redirect: homePathFor(user), flash: 'Your password has been changed' }
      },
    })
  })
}

import { eq } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { users } from '../../../db/schema/index.ts'
import { currentUser } from '../../../web/auth.ts'
import { parseForm } from '../../../web/forms.ts'
import { hashPassword } from '../passwords.ts'
import { passwordSchema } from './schema.ts'

const view = 'auth/account-password/view.njk'

export default async function accountPassword(app: FastifyInstance, { database }: AppDeps) {
  app.get('/account/password', { config: { access: 'signed-in' } }, async (request, reply) =>
    reply.view(view, { firstTime: currentUser(request).mustChangePassword }),
  )

  app.post('/account/password', { config: { access: 'signed-in' } }, async (request, reply) => {
    const user = currentUser(request)
    const form = parseForm(passwordSchema, request.body)
    if (!form.ok) return reply.code(400).view(view, { errors: form.errors, firstTime: user.mustChangePassword })
    await database.db
      .update(users)
      .set({ passwordHash: await hashPassword(form.data.password), mustChangePassword: false })
      .where(eq(users.id, user.id))
    request.session.flash = 'Your password has been changed'
    return reply.redirect('/today', 303)
  })
}

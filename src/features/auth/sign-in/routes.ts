import { eq } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { users } from '../../../db/schema/index.ts'
import { fieldError, parseForm } from '../../../web/forms.ts'
import { hashPassword, verifyPassword } from '../passwords.ts'
import { signInSchema } from './schema.ts'

const view = 'auth/sign-in/view.njk'
// Verifying against this when the email is unknown takes as long as a real check.
const decoyHash = hashPassword('not a real password')

/** Only a path on this site, so that a sign-in link cannot send someone elsewhere. */
const safeNext = (next: string | undefined) => (next && /^\/(?!\/)/.test(next) ? next : '/today')

export default async function signIn(app: FastifyInstance, { database }: AppDeps) {
  const rateLimit = { max: 10, timeWindow: '5 minutes' }

  app.get('/sign-in', { config: { access: 'public' } }, async (request, reply) => {
    const next = (request.query as { next?: string }).next
    return reply.view(view, { values: { next } })
  })

  app.post('/sign-in', { config: { access: 'public', rateLimit } }, async (request, reply) => {
    const form = parseForm(signInSchema, request.body)
    const values = { ...(request.body as object), password: '' }
    if (!form.ok) return reply.code(400).view(view, { errors: form.errors, values })

    const [user] = await database.db.select().from(users).where(eq(users.email, form.data.email))
    const valid = await verifyPassword(user?.passwordHash ?? (await decoyHash), form.data.password)
    if (!user || !valid || user.disabledAt) {
      const errors = fieldError('email', 'Enter a correct email address and password')
      return reply.code(400).view(view, { errors, values })
    }
    // A new session on sign-in, so a session fixed before sign-in is worthless after it.
    await request.session.regenerate()
    request.session.userId = user.id
    return reply.redirect(user.mustChangePassword ? '/account/password' : safeNext(form.data.next), 303)
  })
}

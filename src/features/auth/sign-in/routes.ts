import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { parseForm, submitForm } from '../../../web/forms.ts'
import { localPath } from '../../../web/local-path.ts'
import { beginSecondStep } from '../second-step.ts'
import { createSignInService } from '../service.ts'
import { signInSchema } from './schema.ts'

const view = 'auth/sign-in/view.njk'

export default async function signIn(app: FastifyInstance, { database, clock }: AppDeps) {
  // Only a guard against floods (each attempt costs a slow hash): guesses are limited by the
  // failures counted per account and per address (../throttle.ts), which successes never add to.
  const rateLimit = { max: 60, timeWindow: '1 minute' }
  const service = createSignInService(database.db, clock)

  app.get('/sign-in', { config: { access: 'public' } }, async (request, reply) => {
    // Only a page of this site is kept: a sign-in link cannot send someone elsewhere.
    const next = localPath((request.query as { next?: unknown }).next, '') || undefined
    return reply.view(view, { values: { next } })
  })

  app.post('/sign-in', { config: { access: 'public', rateLimit } }, async (request, reply) =>
    submitForm(request, reply, {
      parse: (body) => parseForm(signInSchema, body),
      // The password is never shown again.
      render: (reply, { values, errors }) => reply.view(view, { errors, values: { ...values, password: '' } }),
      field: 'email',
      submit: async ({ email, password, next }) => {
        const signedIn = await service.signIn(email, password, { ip: request.ip })
        if (!signedIn.ok) return signedIn
        // A new session on sign-in, so a session fixed before sign-in is worthless after it.
        await request.session.regenerate()
        const then = signedIn.mustChangePassword ? '/account/password' : localPath(next, signedIn.home)
        // Signed in only once the second step is done too (second-step.ts).
        return { ok: true, redirect: beginSecondStep(request, signedIn.userId, then) }
      },
    }),
  )
}

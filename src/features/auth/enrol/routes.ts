// /sign-in/enrol: after the password, a member of staff with no authenticator app sets one up
// before anything else: scan the QR code (or type the secret), enter the app's code, then save the
// recovery codes, shown this once. The session counts as signed in from then on.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { fieldError, parseForm, type FormErrors } from '../../../web/forms.ts'
import { createSecondFactorService } from '../second-factor-service.ts'
import { createSignInService } from '../service.ts'
import { codeRateLimit, completeSignIn, pendingUserOf, secondStepPath, wrongCodeTried } from '../second-step.ts'
import { enrolSchema } from './schema.ts'

const view = 'auth/enrol/view.njk'

export default async function enrol(app: FastifyInstance, { database, clock, config }: AppDeps) {
  const service = createSecondFactorService({ db: database.db, clock, config })
  const signIn = createSignInService(database.db, clock)

  /** The page with the QR code and the secret; or where to go when there is nothing to set up. */
  async function page(request: FastifyRequest, reply: FastifyReply, errors?: FormErrors) {
    const userId = pendingUserOf(request)
    if (!userId) return reply.redirect(request.session.userId ? '/' : '/sign-in', 303)
    const enrolment = await service.enrolment(userId)
    if (!enrolment.ok) {
      if (enrolment.code !== 'not-found') return reply.redirect(secondStepPath, 303)
      await request.session.regenerate()
      return reply.redirect('/sign-in', 303)
    }
    return reply
      .code(errors ? 400 : 200)
      .view(view, { qrCode: enrolment.qrCode, secret: enrolment.secret, ...(errors ? { errors } : {}) })
  }

  app.get('/sign-in/enrol', { config: { access: 'public' } }, page)

  app.post('/sign-in/enrol', { config: { access: 'public', rateLimit: codeRateLimit } }, async (request, reply) => {
    const userId = pendingUserOf(request)
    if (!userId) return page(request, reply)
    const form = parseForm(enrolSchema, request.body)
    if (!form.ok) return page(request, reply, form.errors)
    const confirmed = await service.confirm(userId, form.data.code, { userId, ip: request.ip || null })
    if (!confirmed.ok) {
      // Nothing to set up any more (it was done in another tab, or the account is gone).
      if (confirmed.field !== 'code') return page(request, reply)
      if (await wrongCodeTried(request)) return reply.code(400).view('auth/second-factor/too-many.njk')
      return page(request, reply, fieldError('code', confirmed.reason))
    }
    await signIn.enrolled(userId) // signed in: earlier failures forgotten
    const next = await completeSignIn(request, userId, confirmed.factorId, clock)
    // Shown in this answer only: the codes are kept nowhere but as hashes, so a reload cannot show them again.
    return reply.header('cache-control', 'no-store').view('auth/enrol/recovery-codes.njk', {
      recoveryCodes: confirmed.recoveryCodes,
      next,
    })
  })
}

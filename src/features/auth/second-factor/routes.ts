// /sign-in/second-factor: after the password, the code from the authenticator app (or a recovery
// code). Only a session whose password was right gets here; a few wrong codes end the sign-in.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { fieldError, parseForm, type FormErrors } from '../../../web/forms.ts'
import { createSecondFactorService } from '../second-factor-service.ts'
import { createSignInService } from '../service.ts'
import { codeRateLimit, completeSignIn, enrolPath, pendingUserOf, wrongCodeTried } from '../second-step.ts'
import { secondFactorSchema } from './schema.ts'

const view = 'auth/second-factor/view.njk'

const recoveryCodeFlash = (left: number) =>
  `You signed in with a recovery code. You have ${left} left. ` +
  (left > 3
    ? 'Each one works once.'
    : 'If you no longer have your authenticator app, ask an administrator to reset it so that you can set up a new one.')

export default async function secondFactor(app: FastifyInstance, { database, clock, config }: AppDeps) {
  const service = createSecondFactorService({ db: database.db, clock, config })
  const signIn = createSignInService(database.db, clock)

  /** Who is at this step, or where to send the request instead. */
  async function whoIsHere(request: FastifyRequest, reply: FastifyReply) {
    const userId = pendingUserOf(request)
    if (!userId) return { done: reply.redirect(request.session.userId ? '/' : '/sign-in', 303) }
    const state = await service.stateOf(userId)
    if (state === 'to-set-up') return { done: reply.redirect(enrolPath, 303) }
    if (state === 'no-account') {
      await request.session.regenerate()
      return { done: reply.redirect('/sign-in', 303) }
    }
    return { userId }
  }

  const render = (reply: FastifyReply, errors?: FormErrors) =>
    reply.code(errors ? 400 : 200).view(view, { ...(errors ? { errors } : {}) })

  app.get('/sign-in/second-factor', { config: { access: 'public' } }, async (request, reply) => {
    const here = await whoIsHere(request, reply)
    return here.done ?? render(reply)
  })

  app.post(
    '/sign-in/second-factor',
    { config: { access: 'public', rateLimit: codeRateLimit } },
    async (request, reply) => {
      const here = await whoIsHere(request, reply)
      if (here.done) return here.done
      const form = parseForm(secondFactorSchema, request.body)
      if (!form.ok) return render(reply, form.errors)
      // Counted as a password is: wrong codes slow the account down and then lock it.
      const by = { userId: here.userId, ip: request.ip || null }
      const answer = await signIn.secondStep(here.userId, { ip: request.ip }, () =>
        service.verify(here.userId, form.data.code, by),
      )
      if (!answer.ok) {
        if (await wrongCodeTried(request)) return reply.code(400).view('auth/second-factor/too-many.njk')
        return render(reply, fieldError('code', answer.reason))
      }
      const next = await completeSignIn(request, here.userId, answer.factorId, clock)
      if (answer.recoveryCodesLeft !== undefined) request.session.flash = recoveryCodeFlash(answer.recoveryCodesLeft)
      return reply.redirect(next, 303)
    },
  )
}

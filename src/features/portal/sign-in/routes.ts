// /portal/sign-in: a party asks for a sign-in link (email) or code (text message). The answer is
// the same whether or not we know the address, and takes at least as long either way.
// /portal/sign-in/:token shows a button (so that email link scanners cannot use the link up); the
// button's POST uses it up, once. /portal/sign-in/code takes the code from a text message.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { fieldError, parseForm } from '../../../web/forms.ts'
import { createSignInService, MAX_CODE_ATTEMPTS, tokenPattern } from '../sign-in-service.ts'
import { codeSchema, messages, readAddress, signInSchema } from './schema.ts'

const views = {
  ask: 'portal/sign-in/view.njk',
  sent: 'portal/sign-in/sent.njk',
  link: 'portal/sign-in/link.njk',
  expired: 'portal/sign-in/expired.njk',
  code: 'portal/sign-in/code.njk',
}

/** Every answer to a request for a link takes at least this long, known address or not. */
const ANSWER_FLOOR_MS = 300

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** The number a code went to, with only its last 3 digits showing. */
const maskPhone = (phone: string) =>
  `${'•'.repeat(Math.max(0, phone.length - 3))}${phone.slice(-3)}`.replace(/^(.{5})/, '$1 ')

export default async function portalSignIn(app: FastifyInstance, deps: AppDeps) {
  const service = createSignInService({ db: deps.database.db, clock: deps.clock, config: deps.config })
  const minutes = deps.config.PORTAL_LINK_MINUTES

  /** A new session for the party (a session fixed before signing in is worthless after it). */
  async function signInAs(
    request: FastifyRequest,
    reply: FastifyReply,
    who: { partyId: string; address: string },
    channel: 'email' | 'text',
  ) {
    await request.session.regenerate()
    request.session.partyId = who.partyId
    request.session.partyAddress = who.address
    await service.recordSignIn(who.partyId, channel)
    const cases = await service.partiesWith(who.address)
    return reply.redirect(cases.length > 1 ? '/portal/cases' : '/portal', 303)
  }

  app.get('/portal/sign-in', { config: { access: 'public' } }, async (_request, reply) => {
    return reply.view(views.ask, { values: {}, minutes })
  })

  // Per IP (the route's limit) and per address (the same for known and unknown addresses).
  const perAddress = app.createRateLimit({
    max: 5,
    timeWindow: '15 minutes',
    keyGenerator: (request) => {
      const typed = (request.body as { contact?: unknown } | undefined)?.contact
      const address = typeof typed === 'string' ? readAddress(typed) : undefined
      return address
        ? `portal-address:${address.kind === 'email' ? address.email : address.phone}`
        : `portal-address-ip:${request.ip}`
    },
  })
  const limitPerAddress = async (request: FastifyRequest, reply: FastifyReply) => {
    const limit = await perAddress(request)
    if (limit.isAllowed || !limit.isExceeded) return
    reply.header('retry-after', limit.ttlInSeconds)
    return reply.code(429).view('errors/problem.njk', {
      status: 429,
      message: 'There have been too many attempts. Wait a few minutes and try again.',
    })
  }

  // Not submitForm: the answer takes the same time and says the same whether the address is known.
  app.post(
    '/portal/sign-in',
    { config: { access: 'public', rateLimit: { max: 10, timeWindow: '15 minutes' } }, preHandler: limitPerAddress },
    async (request, reply) => {
      const started = performance.now()
      const form = parseForm(signInSchema, request.body)
      if (!form.ok) return reply.code(400).view(views.ask, { errors: form.errors, values: request.body ?? {}, minutes })
      const address = readAddress(form.data.contact)!
      await service.request(address)
      // The same wait whether a message was queued or not, so the time taken tells nothing.
      await wait(Math.max(0, ANSWER_FLOOR_MS - (performance.now() - started)))
      if (address.kind === 'phone') {
        request.session.pendingPhone = address.phone
        request.session.codeAttempts = 0
        return reply.redirect('/portal/sign-in/code', 303)
      }
      return reply.redirect('/portal/sign-in/sent', 303)
    },
  )

  app.get('/portal/sign-in/sent', { config: { access: 'public' } }, async (_request, reply) => {
    return reply.view(views.sent, { minutes })
  })

  app.get('/portal/sign-in/code', { config: { access: 'public' } }, async (request, reply) => {
    const phone = request.session.pendingPhone
    if (!phone) return reply.redirect('/portal/sign-in', 303)
    return reply.view(views.code, { values: {}, masked: maskPhone(phone), minutes })
  })

  // Not submitForm: wrong codes are counted in the session, and too many end every code sent.
  app.post(
    '/portal/sign-in/code',
    { config: { access: 'public', rateLimit: { max: 10, timeWindow: '15 minutes' } } },
    async (request, reply) => {
      const phone = request.session.pendingPhone
      if (!phone) return reply.redirect('/portal/sign-in', 303)
      const form = parseForm(codeSchema, request.body)
      if (!form.ok)
        return reply
          .code(400)
          .view(views.code, { errors: form.errors, values: request.body ?? {}, masked: maskPhone(phone), minutes })
      const used = await service.useCode(phone, form.data.code)
      if (used) return signInAs(request, reply, used, 'text')
      const attempts = (request.session.codeAttempts ?? 0) + 1
      request.session.codeAttempts = attempts
      if (attempts >= MAX_CODE_ATTEMPTS) {
        // Too many wrong codes: the codes sent stop working, and a new one must be asked for.
        await service.cancelCodesFor(phone)
        request.session.pendingPhone = undefined
        return reply.code(400).view(views.expired, { values: {}, minutes, tooManyCodes: true })
      }
      return reply.code(400).view(views.code, {
        errors: fieldError('code', messages.codeWrong),
        values: {},
        masked: maskPhone(phone),
        minutes,
      })
    },
  )

  app.get('/portal/sign-in/:token', { config: { access: 'public' } }, async (request, reply) => {
    const { token } = request.params as { token: string }
    if (!tokenPattern.test(token) || !(await service.linkIsLive(token)))
      return reply.code(410).view(views.expired, { values: {}, minutes })
    return reply.view(views.link, { token })
  })

  // A button with no fields: the link is used up, or has stopped working.
  app.post(
    '/portal/sign-in/:token',
    { config: { access: 'public', rateLimit: { max: 20, timeWindow: '15 minutes' } } },
    async (request, reply) => {
      const { token } = request.params as { token: string }
      const used = await service.useLink(token)
      if (!used) return reply.code(410).view(views.expired, { values: {}, minutes })
      return signInAs(request, reply, used, 'email')
    },
  )
}

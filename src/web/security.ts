import helmet from '@fastify/helmet'
import rateLimit, { type FastifyRateLimitStoreCtor } from '@fastify/rate-limit'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

/** Security headers with a per-request CSP nonce (for govuk-frontend's one inline script). */
export default fp(async function security(
  app: FastifyInstance,
  opts: { rateLimitStore?: FastifyRateLimitStoreCtor } = {},
) {
  await app.register(helmet, {
    enableCSPNonces: true,
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    // Pages about children must never be kept by shared caches or browsers' back-forward caches.
    referrerPolicy: { policy: 'no-referrer' },
  })
  app.addHook('onRequest', async (request, reply) => {
    reply.locals = { ...reply.locals, cspNonce: reply.cspNonce.script }
    if (!request.url.startsWith('/assets/')) reply.header('cache-control', 'no-store')
  })
  // Limits are set per route (sign-in, public forms, the API), not globally; the app counts them
  // in the database (web/rate-limit-store.ts) so that every instance counts together.
  await app.register(rateLimit, { global: false, ...(opts.rateLimitStore ? { store: opts.rateLimitStore } : {}) })
})

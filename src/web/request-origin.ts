// Each request's address, for what its work records (src/request-origin.ts). The handler of a
// request with a body runs from the body's 'end' event, in the connection's async context rather
// than the request's: it is brought back into the request's, as @fastify/request-context does.
import { AsyncResource } from 'node:async_hooks'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { fromAddress } from '../request-origin.ts'

const scopes = new WeakMap<FastifyRequest, AsyncResource>()

export default fp(async function requestOrigin(app: FastifyInstance) {
  app.addHook('onRequest', (request, _reply, done) => {
    fromAddress(request.ip || null, () => {
      const scope = new AsyncResource('parley-request-origin')
      scopes.set(request, scope)
      scope.runInAsyncScope(done, request.raw)
    })
  })
  app.addHook('preValidation', (request, _reply, done) => {
    const scope = scopes.get(request)
    if (scope) scope.runInAsyncScope(done, request.raw)
    else done()
  })
})

// One log line per request, when it has been answered: method, path, status and time taken
// (Fastify's own two lines per request are turned off in app.ts). The query string is left out:
// sign-in links carry their one-time code in it.
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

export default fp(async function requestLog(app: FastifyInstance) {
  app.addHook('onResponse', async (request, reply) => {
    const path = request.url.split('?')[0]
    const ms = Math.round(reply.elapsedTime)
    const line = { method: request.method, path, status: reply.statusCode, ms }
    const message = `${request.method} ${path} ${reply.statusCode} ${ms} ms`
    if (reply.statusCode >= 500) request.log.error(line, message)
    else request.log.info(line, message)
  })
})

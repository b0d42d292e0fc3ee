// One log line per request, once it has been answered: method, path, status and time taken,
// instead of Fastify's two ("incoming request", "request completed"). The query string is left
// out: sign-in links carry their one-time code in it.
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify'

export class OneLinePerRequest extends LogController {
  override incomingRequest() {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
    const path = request.url.split('?')[0]
    const ms = Math.round(reply.elapsedTime)
    const line = { method: request.method, path, status: reply.statusCode, ms }
    const message = `${request.method} ${path} ${reply.statusCode} ${ms} ms`
    if (error || reply.statusCode >= 500) reply.log.error({ ...line, ...(error ? { err: error } : {}) }, message)
    else reply.log.info(line, message)
  }
}

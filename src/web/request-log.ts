// One log line per request, once it has been answered: method, path, status and time taken,
// instead of Fastify's two ("incoming request", "request completed"). The query string is left
// out, and so is a secret in the path (a portal sign-in link's token): whoever reads the log
// must not be able to use a link that still works.
import { LogController, type FastifyReply, type FastifyRequest } from 'fastify'

/** Route parameters that are secrets: their value never reaches the log. */
const secretParams = ['token']

/** The path as logged: no query string, and each secret parameter as [redacted]. */
export function loggedPath(request: FastifyRequest): string {
  let path = request.url.split('?')[0]!
  const params = (request.params ?? {}) as Record<string, unknown>
  for (const name of secretParams) {
    const value = params[name]
    if (typeof value !== 'string' || !value) continue
    for (const form of new Set([value, encodeURIComponent(value)])) path = path.split(form).join('[redacted]')
  }
  return path
}

export class OneLinePerRequest extends LogController {
  override incomingRequest() {}

  override requestCompleted(error: Error | null | undefined, request: FastifyRequest, reply: FastifyReply) {
    const path = loggedPath(request)
    const ms = Math.round(reply.elapsedTime)
    const line = { method: request.method, path, status: reply.statusCode, ms }
    const message = `${request.method} ${path} ${reply.statusCode} ${ms} ms`
    if (error || reply.statusCode >= 500) reply.log.error({ ...line, ...(error ? { err: error } : {}) }, message)
    else reply.log.info(line, message)
  }
}

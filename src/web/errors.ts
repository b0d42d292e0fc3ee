// Nobody sees a stack trace: every failure is a page (or, under /api, JSON) that says what to do.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { isDatabaseUnavailable, RETRY_AFTER_SECONDS } from './database-unavailable.ts'
import { sendProblem } from './problem.ts'

/** The not-found answer: JSON under /api, the case page's own under /cases, else the general page. */
export function notFound(request: FastifyRequest, reply: FastifyReply) {
  if (request.url.startsWith('/api/')) return sendProblem(reply, 404, 'There is nothing at this address in the API.')
  // The same answer whether a case does not exist or is not this person's (cases/case-page.ts).
  if (request.url.startsWith('/cases/')) return reply.code(404).view('cases/not-found.njk')
  return reply.code(404).view('errors/not-found.njk')
}

/** The database cannot be reached just now: ask the person (or client) to try again shortly. */
export function unavailable(request: FastifyRequest, reply: FastifyReply) {
  request.log.warn('the database cannot be reached: asked to try again shortly')
  reply.code(503).header('retry-after', String(RETRY_AFTER_SECONDS))
  const message =
    'The service cannot reach its records just now. Try again in a few moments. If you were sending a form, go back and send it again: it is safe to send twice.'
  if (request.url.startsWith('/api/')) return sendProblem(reply, 503, message)
  return reply.view('errors/problem.njk', { status: 503, message })
}

export default fp(async function errors(app: FastifyInstance) {
  app.setNotFoundHandler(notFound)

  app.setErrorHandler(async (error: FastifyError, request: FastifyRequest, reply: FastifyReply) => {
    if (isDatabaseUnavailable(error)) return unavailable(request, reply)
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 600 ? error.statusCode : 500
    if (status >= 500) request.log.error({ err: error }, 'request failed')
    else request.log.info({ code: error.code, status }, error.message)

    const message = messageFor(error, status)
    if (request.url.startsWith('/api/')) return sendProblem(reply, status, message)
    return reply.code(status).view('errors/problem.njk', { status, message })
  })
})

function messageFor(error: FastifyError, status: number): string {
  switch (error.code) {
    case 'FST_CSRF_INVALID_TOKEN':
    case 'FST_CSRF_MISSING_SECRET':
      return 'This form has expired or was sent from somewhere else. Go back, reload the page and try again. Nothing was saved.'
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'What you sent is too large. Shorten it and try again.'
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'This kind of request is not accepted here.'
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The request was not complete. Try again.'
  }
  if (status === 429) return 'There have been too many attempts. Wait a few minutes and try again.'
  if (status === 400) return 'Something in the request was not in the right form. Go back and try again.'
  if (status === 404) return 'Page not found.'
  if (status < 500) return 'This request could not be completed. Go back and try again.'
  return 'Sorry, there is a problem with the service. Try again later.'
}

// What the panel pages share: the answer when a mediator's page may not be opened.
import type { FastifyReply } from 'fastify'

/** Not found (a profile they may not see, so its existence is not revealed), or forbidden. */
export function refusedPage(reply: FastifyReply, code: 'not-found' | 'forbidden') {
  return code === 'forbidden'
    ? reply.code(403).view('errors/forbidden.njk')
    : reply.code(404).view('mediators/not-found.njk')
}

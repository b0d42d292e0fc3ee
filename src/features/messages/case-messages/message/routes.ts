// /cases/:id/messages/:messageId: one message of the case. Case workers may try a failed one again,
// mark a letter posted, and download a letter to print; the case's mediator may read it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { roles } from '../../../../domain/staff.ts'
import { currentUser, hasRole } from '../../../../web/auth.ts'
import { notFound } from '../../../../web/errors.ts'
import { actorOf, caseWorkers, caseContext, visibleCaseOr404, caseForView, type CaseRow } from '../../../cases/index.ts'
import { messageView, sendAttachment, sendLetter } from '../../page.ts'
import { createMessageService } from '../../service.ts'

export default async function caseMessage(app: FastifyInstance, deps: AppDeps) {
  const service = createMessageService({ db: deps.database.db, clock: deps.clock })

  /** The message at :messageId if it is this case's; otherwise replies 404 and returns undefined. */
  async function messageOf(found: CaseRow, request: FastifyRequest, reply: FastifyReply) {
    const { messageId } = request.params as { messageId: string }
    const message = await service.messageOfCase(found.id, messageId)
    if (!message) await notFound(request, reply)
    return message
  }
  const base = (caseId: string, messageId: string) => `/cases/${caseId}/messages/${messageId}`

  app.get('/cases/:id/messages/:messageId', { config: { access: roles } }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    const message = await messageOf(found, request, reply)
    if (!message) return reply
    const mayAct = hasRole(currentUser(request), ...caseWorkers)
    return reply.view('messages/case-messages/message/view.njk', {
      ...caseContext(found, 'messages'),
      message: messageView(message, deps.config, base(found.id, message.id), mayAct),
    })
  })

  app.get('/cases/:id/messages/:messageId/letter.pdf', { config: { access: caseWorkers } }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    const message = await messageOf(found, request, reply)
    if (!message) return reply
    const letter = await service.letter(message)
    return letter ? sendLetter(reply, letter) : notFound(request, reply)
  })

  app.get('/cases/:id/messages/:messageId/attachments/:n', { config: { access: roles } }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    const message = await messageOf(found, request, reply)
    if (!message) return reply
    return sendAttachment(reply, message, (request.params as { n?: string }).n)
  })

  // Buttons with no fields (try again, posted): the answer is a flash on the message's page.
  app.post('/cases/:id/messages/:messageId/retry', { config: { access: caseWorkers } }, async (request, reply) => {
    const found = await visibleCaseOr404(deps.database.db, request, reply)
    if (!found) return reply
    const message = await messageOf(found, request, reply)
    if (!message) return reply
    request.session.flash = (await service.tryAgain(message.id))
      ? 'The message will be sent again in the next few seconds'
      : 'This message cannot be sent again'
    return reply.redirect(base(found.id, message.id), 303)
  })

  app.post('/cases/:id/messages/:messageId/posted', { config: { access: caseWorkers } }, async (request, reply) => {
    const found = await visibleCaseOr404(deps.database.db, request, reply)
    if (!found) return reply
    const message = await messageOf(found, request, reply)
    if (!message) return reply
    request.session.flash = (await service.markPosted(message.id, actorOf(request)))
      ? 'Letter marked as posted'
      : 'This letter was already marked as posted'
    return reply.redirect(base(found.id, message.id), 303)
  })
}

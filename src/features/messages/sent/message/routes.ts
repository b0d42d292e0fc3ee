// /admin/messages/:id: one message, with "Try again now" (failed) and "Mark as posted" (letters),
// and the letter as a PDF. Reading a message of a case is a read of personal data: it is logged.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { currentUser } from '../../../../web/auth.ts'
import { recordAccess } from '../../../cases/index.ts'
import { messageView, sendAttachment, sendLetterPdf, uuid } from '../../page.ts'
import { findMessage } from '../../repository.ts'
import { createMessageService } from '../../service.ts'
import { messagesAdmin } from '../routes.ts'

export default async function sentMessage(app: FastifyInstance, { database, clock, config }: AppDeps) {
  const db = database.db
  const service = createMessageService({ db, clock })

  async function found(request: FastifyRequest, reply: FastifyReply) {
    const id = uuid.safeParse((request.params as { id?: string }).id)
    const message = id.success ? await findMessage(db, id.data.toLowerCase()) : undefined
    if (!message) await reply.code(404).view('errors/not-found.njk')
    return message
  }

  app.get('/admin/messages/:id', { config: messagesAdmin }, async (request, reply) => {
    const message = await found(request, reply)
    if (!message) return reply
    if (message.caseId)
      await recordAccess(db, clock, { userId: currentUser(request).id, caseId: message.caseId, path: request.url })
    return reply.view('messages/sent/message/view.njk', {
      message: messageView(message, config, `/admin/messages/${message.id}`, true),
    })
  })

  app.get('/admin/messages/:id/letter.pdf', { config: messagesAdmin }, async (request, reply) => {
    const message = await found(request, reply)
    if (!message) return reply
    if (message.channel !== 'letter') return reply.code(404).view('errors/not-found.njk')
    if (message.caseId)
      await recordAccess(db, clock, { userId: currentUser(request).id, caseId: message.caseId, path: request.url })
    return sendLetterPdf(db, reply, message)
  })

  app.get('/admin/messages/:id/attachments/:n', { config: messagesAdmin }, async (request, reply) => {
    const message = await found(request, reply)
    if (!message) return reply
    if (message.caseId)
      await recordAccess(db, clock, { userId: currentUser(request).id, caseId: message.caseId, path: request.url })
    return sendAttachment(reply, message, (request.params as { n?: string }).n)
  })

  app.post('/admin/messages/:id/retry', { config: messagesAdmin }, async (request, reply) => {
    const message = await found(request, reply)
    if (!message) return reply
    request.session.flash = (await service.tryAgain(message.id))
      ? 'The message will be sent again in the next few seconds'
      : 'This message cannot be sent again'
    return reply.redirect(`/admin/messages/${message.id}`, 303)
  })

  app.post('/admin/messages/:id/posted', { config: messagesAdmin }, async (request, reply) => {
    const message = await found(request, reply)
    if (!message) return reply
    const user = currentUser(request)
    request.session.flash = (await service.markPosted(message.id, { userId: user.id, label: user.name }))
      ? 'Letter marked as posted'
      : 'This letter was already marked as posted'
    return reply.redirect(`/admin/messages/${message.id}`, 303)
  })
}

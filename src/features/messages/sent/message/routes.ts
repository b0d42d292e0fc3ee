// /admin/messages/:id: one message, with "Try again now" (failed) and "Mark as posted" (letters),
// and the letter as a PDF. Reading a message of a case is a read of personal data: the service logs it.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { currentUser } from '../../../../web/auth.ts'
import { notFound } from '../../../../web/errors.ts'
import { actorOf } from '../../../cases/index.ts'
import { messageView, sendAttachment, sendLetter } from '../../page.ts'
import { createMessageService } from '../../service.ts'
import { messagesAdmin } from '../routes.ts'

export default async function sentMessage(app: FastifyInstance, { database, clock, config }: AppDeps) {
  const service = createMessageService({ db: database.db, clock })

  /** The message at :id (a look at it logged, for a GET); otherwise replies 404 and returns undefined. */
  async function found(request: FastifyRequest, reply: FastifyReply) {
    const { id } = request.params as { id: string }
    const look = request.method === 'GET' ? { userId: currentUser(request).id, path: request.url } : undefined
    const message = await service.message(currentUser(request), id, look)
    if (!message) await notFound(request, reply)
    return message
  }

  app.get('/admin/messages/:id', { config: messagesAdmin }, async (request, reply) => {
    const message = await found(request, reply)
    if (!message) return reply
    return reply.view('messages/sent/message/view.njk', {
      message: messageView(message, config, `/admin/messages/${message.id}`, true),
    })
  })

  app.get('/admin/messages/:id/letter.pdf', { config: messagesAdmin }, async (request, reply) => {
    const message = await found(request, reply)
    if (!message) return reply
    const letter = await service.letter(message)
    return letter ? sendLetter(reply, letter) : notFound(request, reply)
  })

  app.get('/admin/messages/:id/attachments/:n', { config: messagesAdmin }, async (request, reply) => {
    const message = await found(request, reply)
    if (!message) return reply
    return sendAttachment(reply, message, (request.params as { n?: string }).n)
  })

  // Buttons with no fields (try again, posted): the answer is a flash on the message's page.
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
    request.session.flash = (await service.markPosted(message.id, actorOf(request)))
      ? 'Letter marked as posted'
      : 'This letter was already marked as posted'
    return reply.redirect(`/admin/messages/${message.id}`, 303)
  })
}

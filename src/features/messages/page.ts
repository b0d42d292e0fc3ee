// What the messages pages share: one message as the pages show it, its letter as a PDF and its
// attachments as downloads, and who may do what with it.
import type { FastifyReply } from 'fastify'
import type { Config } from '../../config.ts'
import { channelLabel, statusTag } from './labels.ts'
import { withSignInSecretsHidden } from './sign-in-secrets.ts'
import type { MessageRow } from './service.ts'

/** Whether Parley can send on this channel now (settings), so "Try again now" makes sense. */
export function canSend(config: Config, channel: string): boolean {
  return (channel === 'email' && !!config.SMTP_URL) || (channel === 'text' && !!config.SMS_PROVIDER_URL)
}

/** A message for message-details.njk, with the URLs of what may be done with it (a sign-in link or code hidden). */
export function messageView(message: MessageRow, config: Config, base: string, mayAct: boolean) {
  const attachments = message.attachments.map((a, i) => ({
    filename: a.filename,
    contentType: a.contentType,
    size: Buffer.from(a.content, 'base64').length,
    href: `${base}/attachments/${i + 1}`,
  }))
  const retryable =
    mayAct &&
    message.channel !== 'letter' &&
    (message.status === 'failed' || (message.status === 'kept' && canSend(config, message.channel)))
  const shown = withSignInSecretsHidden(message)
  return {
    ...message,
    body: shown.body,
    secretsHidden: shown.hidden,
    attachments,
    channelText:
      channelLabel(message.channel) + (message.largePrint && message.channel === 'letter' ? ' (large print)' : ''),
    tag: statusTag(message.status, message.channel),
    retryUrl: retryable ? `${base}/retry` : undefined,
    postedUrl: mayAct && message.channel === 'letter' && message.status !== 'sent' ? `${base}/posted` : undefined,
    letterUrl: message.channel === 'letter' ? `${base}/letter.pdf` : undefined,
    keptReason:
      message.status === 'kept' && message.channel !== 'letter'
        ? `Parley is not set up to send ${message.channel === 'email' ? 'email (SMTP_URL)' : 'text messages (SMS_PROVIDER_URL)'}, so this message was kept here. Send it another way, or ask whoever runs Parley to set it up.`
        : undefined,
  }
}

/** Replies with the letter as a PDF for printing (shown in the browser). */
export function sendLetter(reply: FastifyReply, letter: { pdf: Buffer; filename: string }) {
  return reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `inline; filename="${letter.filename}"`)
    .send(letter.pdf)
}

/** Replies with the message's nth attachment (from 1), as a download; 404 when there is none. */
export function sendAttachment(reply: FastifyReply, message: MessageRow, n: string | undefined) {
  const attachment = message.attachments[Number(n) - 1]
  if (!/^\d{1,3}$/.test(n ?? '') || !attachment) return reply.code(404).view('errors/not-found.njk')
  const safeName = attachment.filename.replace(/[^\w.-]+/g, '_')
  return reply
    .header('content-type', attachment.contentType)
    .header('content-disposition', `attachment; filename="${safeName}"`)
    .header('x-content-type-options', 'nosniff')
    .send(Buffer.from(attachment.content, 'base64'))
}

// How a message leaves Parley, one transport per channel: email through SMTP (nodemailer), text
// messages through an HTTP provider. Letters are never sent by Parley itself: staff print the PDF
// and post it, then mark it posted (a print-and-post provider could be a LetterTransport later).
// A channel with no transport keeps its messages in the outbox, shown on "Sent messages".
import type { Transporter } from 'nodemailer'
import type { Config } from '../../config.ts'
import type { Attachment, Channel } from './outbox.ts'

/** A message as a transport sees it: one outbox row. */
export interface OutgoingMessage {
  id: string
  channel: Channel
  recipientName: string
  recipientAddress: string
  subject: string
  body: string
  attachments: readonly Attachment[]
  largePrint: boolean
}

export interface SendResult {
  /** The provider's reference for the message (an SMTP queue id, a text provider's id). */
  reference?: string
}

export interface Transport {
  send(message: OutgoingMessage): Promise<SendResult>
  close?(): void | Promise<void>
}

export type EmailTransport = Transport
export type TextTransport = Transport
export type LetterTransport = Transport

export interface Transports {
  email?: EmailTransport
  text?: TextTransport
  letter?: LetterTransport
}

/** A failure that trying again will not fix (an address refused, a request the provider rejects). */
export class PermanentDeliveryError extends Error {}

/** The Message-ID of a message: the same on every attempt, so a receiver can drop a duplicate. */
export const messageIdOf = (id: string) => `<${id}@parley>`

export function smtpTransport(smtpUrl: string, from: string): EmailTransport {
  // nodemailer takes a seventh of a second of CPU to load: it loads for the first email sent.
  let mailer: Transporter | undefined
  const connect = async () =>
    (mailer ??= (await import('nodemailer')).default.createTransport(smtpUrl, {
      // Short timeouts: a server that does not answer is tried again later, not waited on.
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    } as object))
  return {
    async send(message) {
      try {
        const info = await (
          await connect()
        ).sendMail({
          from,
          to: { name: message.recipientName, address: message.recipientAddress },
          subject: message.subject,
          text: message.body,
          messageId: messageIdOf(message.id),
          attachments: message.attachments.map((a) => ({
            filename: a.filename,
            contentType: a.contentType,
            content: a.content,
            encoding: 'base64',
          })),
        })
        return { reference: info.messageId }
      } catch (err) {
        // 5xx: the server refused this message for good (no such mailbox, ...).
        const code = (err as { responseCode?: number }).responseCode
        if (code && code >= 500 && code < 600)
          throw new PermanentDeliveryError(`The email server refused the message: ${(err as Error).message}`)
        throw err
      }
    },
    close: () => mailer?.close(),
  }
}

/**
 * A text message provider that takes `POST {to, body}` as JSON with a bearer token, answering 2xx
 * (optionally with a JSON `id`). The Idempotency-Key header is the message id: a provider that
 * honours it sends a retried message once.
 */
export function httpTextTransport(url: string, token?: string): TextTransport {
  return {
    async send(message) {
      const response = await fetch(url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          'idempotency-key': message.id,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
        body: JSON.stringify({ to: message.recipientAddress, body: message.body }),
        signal: AbortSignal.timeout(15_000),
      })
      const text = await response.text()
      if (!response.ok) {
        const problem = `The text message provider answered ${response.status}: ${text.slice(0, 200)}`
        if (response.status >= 400 && response.status < 500 && response.status !== 408 && response.status !== 429)
          throw new PermanentDeliveryError(problem)
        throw new Error(problem)
      }
      let reference: string | undefined
      try {
        const json = JSON.parse(text) as { id?: unknown; reference?: unknown }
        reference =
          typeof json.id === 'string' ? json.id : typeof json.reference === 'string' ? json.reference : undefined
      } catch {
        reference = undefined
      }
      return { reference }
    },
  }
}

/** The transports the settings describe: none for a channel that is not set up. */
export function createTransports(
  config: Pick<Config, 'SMTP_URL' | 'MAIL_FROM' | 'SMS_PROVIDER_URL' | 'SMS_PROVIDER_TOKEN'>,
): Transports {
  return {
    ...(config.SMTP_URL ? { email: smtpTransport(config.SMTP_URL, config.MAIL_FROM) } : {}),
    ...(config.SMS_PROVIDER_URL ? { text: httpTextTransport(config.SMS_PROVIDER_URL, config.SMS_PROVIDER_TOKEN) } : {}),
  }
}

export async function closeTransports(transports: Transports) {
  for (const t of [transports.email, transports.text, transports.letter]) await t?.close?.()
}

// A portal sign-in link (or text code) is the key to a family's case while it works: staff who
// read Sent messages see the message with the link hidden, so that nobody but the person it was
// sent to can use it. The outbox keeps the message whole, for delivery.

/** A sign-in link's token, after the portal's sign-in path (its shape: portal/sign-in-service.ts). */
const linkToken = /(\/portal\/sign-in\/)[A-Za-z0-9_-]{20,}/g
/** The text message's code: six digits. */
const textCode = /\b\d{6}\b/g

export const hiddenLink = '[link hidden]'
export const hiddenCode = '[code hidden]'

/** The body as staff may read it, and whether anything was hidden. */
export function withSignInSecretsHidden(message: { templateKey: string; body: string }): {
  body: string
  hidden: boolean
} {
  let body = message.body.replace(linkToken, `$1${hiddenLink}`)
  if (message.templateKey === 'portal-sign-in-code') body = body.replace(textCode, hiddenCode)
  return { body, hidden: body !== message.body }
}

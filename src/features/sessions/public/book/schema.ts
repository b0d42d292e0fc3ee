// The booking's questions: their name, how to send the confirmation (email or text message, with
// the address for it), and anything they need to take part; the GOV.UK messages.
import { z } from 'zod'
import { text } from '../../../../web/forms.ts'

const looksLikeEmail = (s: string) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s) && s.length <= 254
/** A UK mobile number (a text message needs one): 07..., +447... or 00447..., spaces and dashes allowed. */
const looksLikeMobile = (s: string) => /^(?:0|\+44|0044)7\d{9}$/.test(s.replace(/[\s()-]/g, ''))

export const detailsSchema = z
  .object({
    _csrf: z.string(),
    name: text('Enter your name', 200, 'Your name'),
    channel: z.enum(['email', 'text'], { error: 'Select how we should send your booking' }),
    email: text(false, 254, 'Your email address'),
    phone: text(false, 30, 'Your mobile number'),
    adjustments: text(false, 1000, 'What you need'),
  })
  .strict()
  .superRefine((d, ctx) => {
    if (d.channel === 'email' && !d.email)
      ctx.addIssue({ code: 'custom', path: ['email'], message: 'Enter your email address' })
    else if (d.channel === 'email' && !looksLikeEmail(d.email))
      ctx.addIssue({
        code: 'custom',
        path: ['email'],
        message: 'Enter an email address in the correct format, like name@example.com',
      })
    if (d.channel === 'text' && !d.phone)
      ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Enter your mobile number' })
    else if (d.channel === 'text' && !looksLikeMobile(d.phone))
      ctx.addIssue({ code: 'custom', path: ['phone'], message: 'Enter a UK mobile number, like 07700 900 982' })
  })

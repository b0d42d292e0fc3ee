import { z } from 'zod'
import { contactMethods } from '../../../domain/request.ts'
import {
  checkboxes,
  choices,
  looksLikeEmail,
  looksLikeUkPhone,
  optionalText,
  report,
  textAnswer,
} from '../form-fields.ts'

export const contactSchema = z
  .object({
    _csrf: z.string(),
    methods: checkboxes,
    email: optionalText,
    address: optionalText,
    phone: optionalText,
    bestTimes: optionalText,
  })
  .strict()
  .transform((d, ctx) => {
    const methods = choices(ctx, d.methods, contactMethods, 'methods', 'Select how you would like us to contact you')
    const email = textAnswer(ctx, d.email, 'email', {
      required: methods.includes('email') && 'Enter your email address',
      max: 254,
      label: 'your email address',
    })
    if (methods.includes('email') && email && !looksLikeEmail(email)) {
      report(ctx, 'email', 'Enter an email address in the correct format, like name@example.com')
    }
    const address = textAnswer(ctx, d.address, 'address', {
      required: methods.includes('post') && 'Enter your address',
      max: 500,
      label: 'your address',
    })
    const byPhone = methods.includes('phone') || methods.includes('text')
    const phone = textAnswer(ctx, d.phone, 'phone', {
      required: byPhone && 'Enter your phone number, for a phone call or text message',
      max: 30,
      label: 'your phone number',
    })
    if (byPhone && phone && !looksLikeUkPhone(phone)) {
      report(ctx, 'phone', 'Enter a UK phone number, like 01632 960 001 or 07700 900 982')
    }
    const bestTimes = textAnswer(ctx, d.bestTimes, 'bestTimes', { max: 500, label: 'the best times to contact you' })
    return { methods, email, address, phone, bestTimes }
  })

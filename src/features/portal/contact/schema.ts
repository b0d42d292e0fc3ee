import { z } from 'zod'
import { adjustmentKinds, contactMethods } from '../../../domain/request.ts'
import { asArray, parseForm, text } from '../../../web/forms.ts'

const methods = Object.keys(contactMethods) as [keyof typeof contactMethods, ...(keyof typeof contactMethods)[]]
const kinds = Object.keys(adjustmentKinds) as [keyof typeof adjustmentKinds, ...(keyof typeof adjustmentKinds)[]]

export const contactSchema = z
  .object({
    _csrf: z.string(),
    version: z.coerce.number().int().min(1),
    methods: z.preprocess(
      asArray,
      z
        .array(z.enum(methods, { error: 'Select how you want us to contact you' }))
        .min(1, 'Select how you want us to contact you'),
    ),
    email: text(false, 200, 'Email address').pipe(
      z.union([z.literal(''), z.email('Enter an email address in the correct format, like name@example.com')]),
    ),
    phone: text(false, 40, 'Phone number').pipe(
      z.string().regex(/^$|^\+?[\d\s().-]{9,20}$/, 'Enter a phone number, like 01632 960 001 or 07700 900 982'),
    ),
    address: text(false, 500, 'Address'),
    bestTimes: text(false, 200, 'Best times'),
    adjustments: z.preprocess(asArray, z.array(z.enum(kinds, { error: 'Select what would help you' }))),
    language: text(false, 100, 'The language'),
    details: text(false, 1000, 'What else would help'),
  })
  .strict()
  .superRefine((form, ctx) => {
    const need = (field: 'email' | 'phone' | 'address', message: string) => {
      if (!form[field]) ctx.addIssue({ code: 'custom', path: [field], message })
    }
    if (form.methods.includes('email')) need('email', 'Enter your email address, or do not choose email')
    if (form.methods.includes('phone') || form.methods.includes('text'))
      need('phone', 'Enter your phone number, or do not choose phone calls or text messages')
    if (form.methods.includes('post')) need('address', 'Enter your postal address, or do not choose letters')
    if (form.adjustments.includes('interpreter') && !form.language) {
      ctx.addIssue({ code: 'custom', path: ['language'], message: 'Enter the language you need an interpreter for' })
    }
  })

export const contactFieldOrder = [
  'methods',
  'email',
  'phone',
  'address',
  'bestTimes',
  'adjustments',
  'language',
  'details',
]

/** The form, its problems in the order of the fields. */
export function readContact(body: Record<string, unknown>) {
  const form = parseForm(contactSchema, body)
  if (!form.ok) {
    const order = (href: string) => contactFieldOrder.indexOf(href.slice(1))
    form.errors.summary.sort((a, b) => order(a.href) - order(b.href))
  }
  return form
}

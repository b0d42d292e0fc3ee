// The council form (adding one and changing one), with the GOV.UK messages, in the page's order.
import { z } from 'zod'
import { asArray, submissionKey, text } from '../../../web/forms.ts'
import { workingDays } from '../settings/schema.ts'
import type { CouncilInput } from './service.ts'

/** Every 1 working day to every 40 (about 2 months). */
export const cadenceLimits = { min: 1, max: 40 }
export const acknowledgeLimits = { min: 1, max: 10 }
export const responseLimits = { min: 1, max: 60 }

/** A postcode district: the part of a postcode before the space, like WA1, M14 or EC1A. */
const districtPattern = /^[A-Z]{1,2}\d[A-Z\d]?$/

const yesNo = (message: string) => z.enum(['yes', 'no'], { error: message }).transform((v) => v === 'yes')

const districts = z
  .string()
  .max(2000, { error: 'Postcode districts must be 2000 characters or fewer' })
  .transform((typed, ctx) => {
    const list = [
      ...new Set(
        typed
          .toUpperCase()
          .split(/[\s,;]+/)
          .filter(Boolean),
      ),
    ]
    const bad = list.filter((d) => !districtPattern.test(d))
    if (bad.length) {
      ctx.addIssue({
        code: 'custom',
        message: `${bad.slice(0, 3).join(', ')} ${bad.length === 1 ? 'is not a postcode district' : 'are not postcode districts'}. Enter districts like WA1 or M14, separated by commas`,
      })
      return z.NEVER
    }
    return list
  })

const fields = {
  name: text("Enter the council's name", 200, 'The name'),
  commissioned: yesNo('Select whether the council commissions the service'),
  freeForResidents: yesNo('Select whether the service is free for people who live in its area'),
  postcodeDistricts: districts,
  serviceName: text('Enter the name of the service, as people of this council know it', 200, 'The service name'),
  phone: text('Enter the phone number people call', 30, 'The phone number'),
  email: z
    .string()
    .trim()
    .max(254, { error: 'Email address must be 254 characters or fewer' })
    .pipe(
      z.union([
        z.literal(''),
        z.email({ error: 'Enter an email address in the correct format, like name@example.com' }),
      ]),
    ),
  address: text('Enter the address letters come from', 500, 'The address'),
  openingHours: text('Enter the opening hours', 200, 'The opening hours'),
  updateCadenceWorkingDays: workingDays('the number of working days between updates', cadenceLimits),
  agencies: z.preprocess(asArray, z.array(z.uuid({ error: 'Select agencies from the list' }))),
  letterHeading: text(false, 500, 'The letter heading'),
  letterSignature: text(false, 500, 'The signature'),
  complaintAcknowledgeWorkingDays: workingDays(
    'the number of working days to acknowledge a complaint',
    acknowledgeLimits,
  ),
  complaintResponseWorkingDays: workingDays('the number of working days to answer a complaint', responseLimits),
}

const code = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, { error: 'Enter a short code for the council, like warrington' })
  .max(40, { error: 'The code must be 40 characters or fewer' })
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, {
    error: 'The code must be lower-case letters and numbers, with hyphens between words, like st-helens',
  })

/** Adding a council: its code too, and the form's one-time key. */
export const newCouncilSchema = z
  .object({ _csrf: z.string(), submissionKey, name: fields.name, code, ...withoutName() })
  .strict()

/** Changing one: guarded by the version the page showed. */
export const councilSchema = z
  .object({
    _csrf: z.string(),
    version: z.string().regex(/^\d{1,9}$/, { error: 'The page was out of date. Reload it and try again' }),
    ...fields,
  })
  .strict()

function withoutName() {
  const { name: _name, ...rest } = fields
  return rest
}

/** The form's answers as the service takes them. */
export function asInput(data: z.infer<typeof councilSchema> | z.infer<typeof newCouncilSchema>): CouncilInput {
  return {
    name: data.name,
    commissioned: data.commissioned,
    freeForResidents: data.freeForResidents,
    postcodeDistricts: data.postcodeDistricts,
    serviceName: data.serviceName,
    phone: data.phone,
    email: data.email,
    address: data.address,
    openingHours: data.openingHours,
    updateCadenceWorkingDays: data.updateCadenceWorkingDays,
    agencyIds: data.agencies,
    letterHeading: data.letterHeading,
    letterSignature: data.letterSignature,
    complaintAcknowledgeWorkingDays: data.complaintAcknowledgeWorkingDays,
    complaintResponseWorkingDays: data.complaintResponseWorkingDays,
  }
}

import { z } from 'zod'
import { asArray, text } from '../../../web/forms.ts'

const version = z.coerce.number().int()
const keys = z.preprocess(asArray, z.array(z.string().max(100)).max(500))

export const matchesSchema = z.object({ _csrf: z.string(), version, shown: keys, match: keys }).strict()

export const decisionSchema = z
  .object({
    _csrf: z.string(),
    version,
    decision: z.enum(['accepted', 'refused'], { error: 'Select whether the request is accepted or refused' }),
    reason: text('Enter the reasons for the decision', 5000, 'The reasons'),
  })
  .strict()

export const doneSchema = z
  .object({ _csrf: z.string(), version, outcome: text('Enter what was done', 5000, 'What was done') })
  .strict()

/** The search on the request's page: by name, email, phone and date of birth (the request's own by default). */
export const searchQuery = z.object({
  search: z.string().optional().catch(undefined),
  name: z.string().trim().max(200).optional().catch(undefined),
  email: z.string().trim().max(254).optional().catch(undefined),
  phone: z.string().trim().max(40).optional().catch(undefined),
  'dob-day': z.string().max(4).optional().catch(undefined),
  'dob-month': z.string().max(4).optional().catch(undefined),
  'dob-year': z.string().max(6).optional().catch(undefined),
})

/** Where a person was found in a case (as the rights_requests table keeps it). */
type RightsMatch = { caseId: string; as: 'child' | 'party'; partyId?: string }

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** A checkbox's value as a match ("case:child" or "case:party:id"); undefined if it is not one. */
export function matchOf(key: string): RightsMatch | undefined {
  const [caseId = '', as, partyId = ''] = key.split(':')
  if (!uuid.test(caseId)) return undefined
  if (as === 'child' && !partyId) return { caseId, as: 'child' }
  if (as === 'party' && uuid.test(partyId)) return { caseId, as: 'party', partyId }
  return undefined
}

export const matchesOf = (keys: string[]) => keys.map(matchOf).filter((m): m is RightsMatch => !!m)

export const correctSchema = z
  .object({
    _csrf: z.string(),
    match: z.string().max(100),
    name: text('Enter the name as it should be', 200, 'The name'),
    email: z
      .string()
      .trim()
      .max(254)
      .refine((v) => v === '' || /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(v), {
        error: 'Enter an email address in the correct format, like name@example.com',
      })
      .optional()
      .default(''),
    phone: text(false, 40, 'The phone number'),
    'dob-day': z.string().optional(),
    'dob-month': z.string().optional(),
    'dob-year': z.string().optional(),
  })
  .strict()

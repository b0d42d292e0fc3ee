import { z } from 'zod'
import { outcomeNames, routeKeys } from '../../../domain/complaints.ts'
import { text } from '../../../web/forms.ts'

export const respondSchema = z
  .object({
    _csrf: z.string(),
    version: z.coerce.number().int(),
    outcome: z.enum(Object.keys(outcomeNames) as [keyof typeof outcomeNames], {
      error: 'Select whether the complaint is upheld, partly upheld or not upheld',
    }),
    findings: text('Enter what we found', 5000, 'What we found'),
    changes: text(false, 3000, 'What changes'),
    route: z.enum(routeKeys).optional(),
    'respondedOn-day': z.string().optional(),
    'respondedOn-month': z.string().optional(),
    'respondedOn-year': z.string().optional(),
  })
  .strict()

export const respondOrder = ['outcome', 'findings', 'changes', 'route', 'respondedOn-day']
export const respondDates = [{ name: 'respondedOn', label: 'the date of our answer' }] as const

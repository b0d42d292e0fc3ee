import { z } from 'zod'
import { text } from '../../../web/forms.ts'

export const permissionSchema = z
  .object({
    _csrf: z.string(),
    submissionKey: z.string().max(100).optional(),
    party: z.guid({ error: 'Select who the permission is for' }),
    givenBy: text('Enter the name of the parent or young person who gave permission', 200, 'The name'),
    'givenOn-day': z.string().optional(),
    'givenOn-month': z.string().optional(),
    'givenOn-year': z.string().optional(),
    how: text(false, 200, 'How it was given'),
    forWhat: text(false, 500, 'What it is for'),
  })
  .strict()

export const permissionFieldOrder = [
  'party',
  'givenBy',
  'givenOn-day',
  'givenOn-month',
  'givenOn-year',
  'how',
  'forWhat',
]

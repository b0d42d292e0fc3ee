import { z } from 'zod'
import { submissionKey, text } from '../../../web/forms.ts'

export const summaryMaxLength = 10_000

/** The form's fields other than the file (which is checked by its content, in routes.ts). */
export const summarySchema = z
  .object({
    _csrf: z.string(),
    submissionKey,
    party: z.guid({ error: 'Select whose summary this is' }),
    summaryText: text(false, summaryMaxLength, 'The summary'),
  })
  .strict()

export const summaryFieldOrder = ['party', 'summaryText', 'document']

export const releaseDateSchema = z
  .object({
    _csrf: z.string(),
    'releaseOn-day': z.string().optional(),
    'releaseOn-month': z.string().optional(),
    'releaseOn-year': z.string().optional(),
  })
  .strict()

export const messages = {
  nothing: 'Type the summary or select a file to upload',
  both: 'Type the summary or select a file, not both',
  wrongType: 'The selected file must be a PDF or Word document',
  tooLarge: 'The selected file must be smaller than 5MB',
  empty: 'The selected file is empty',
}

import { z } from 'zod'
import { text } from '../../../web/forms.ts'

export const summaryMaxLength = 10_000

/** The form's fields other than the file (which is checked by its content, in routes.ts). */
export const summarySchema = z
  .object({
    _csrf: z.string(),
    submissionKey: z.string().max(100).optional(),
    summaryText: text(false, summaryMaxLength, 'Your summary'),
  })
  .strict()

export const messages = {
  nothing: 'Write your summary or choose a file to upload',
  both: 'Write your summary or choose a file, not both',
  wrongType: 'The file must be a PDF or a Word document (.docx)',
  tooLarge: 'The file must be smaller than 5MB',
  empty: 'The file you chose is empty',
}

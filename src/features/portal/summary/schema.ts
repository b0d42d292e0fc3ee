import { z } from 'zod'
import { readSummaryForm, type DocumentType } from '../../preparation/index.ts'
import { submissionKey, text, type FormResult } from '../../../web/forms.ts'

export const summaryMaxLength = 10_000

/** The form's fields other than the file (which is checked by its content). */
export const summarySchema = z
  .object({
    _csrf: z.string(),
    submissionKey,
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

export interface SummaryInput {
  /** The typed words ('' when a file was sent). */
  text: string
  file?: { name: string; type: DocumentType; bytes: Buffer }
  submissionKey: string
}

/** Typed words or one file, never both and never neither. */
export function readSummary(body: Record<string, unknown>): FormResult<SummaryInput> {
  const { form, typed, file, errors } = readSummaryForm(summarySchema, messages, ['summaryText', 'document'], body)
  if (errors || !form.ok) return { ok: false, errors: errors ?? (form.ok ? { summary: [], fields: {} } : form.errors) }
  return { ok: true, data: { text: file ? '' : typed, file, submissionKey: form.data.submissionKey } }
}

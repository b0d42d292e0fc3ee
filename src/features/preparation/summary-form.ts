// A summary form as staff and parties send it: typed words or one uploaded PDF or .docx (checked by
// its content), never both and never neither. The pages word their messages their own way.
import type { z } from 'zod'
import { combineErrors, fieldError, parseForm, type FormErrors, type FormResult } from '../../web/forms.ts'
import { Upload } from '../../web/uploads.ts'
import { documentTypeOf, type DocumentType } from './rules.ts'

export interface SummaryFormMessages {
  nothing: string
  both: string
  wrongType: string
  tooLarge: string
  empty: string
}

export interface SummaryForm<T> {
  /** Everything sent but the file, to show again. */
  fields: Record<string, unknown>
  form: FormResult<T>
  typed: string
  file?: { name: string; type: DocumentType; bytes: Buffer }
  errors?: FormErrors
}

export function readSummaryForm<S extends z.ZodType<{ summaryText: string }>>(
  schema: S,
  messages: SummaryFormMessages,
  fieldOrder: string[],
  body: unknown,
): SummaryForm<z.infer<S>> {
  const { document, ...fields } = (body ?? {}) as Record<string, unknown>
  const upload = document instanceof Upload && (document.filename || document.bytes.length) ? document : undefined
  const form = parseForm(schema, fields)
  const typed = form.ok ? form.data.summaryText : String(fields.summaryText ?? '').trim()

  let file: SummaryForm<unknown>['file']
  let fileProblem: FormErrors | undefined
  if (upload) {
    const type = documentTypeOf(upload.bytes)
    if (upload.tooLarge) fileProblem = fieldError('document', messages.tooLarge)
    else if (!upload.bytes.length) fileProblem = fieldError('document', messages.empty)
    else if (!type) fileProblem = fieldError('document', messages.wrongType)
    else if (typed) fileProblem = fieldError('document', messages.both)
    else file = { name: upload.filename.slice(0, 200), type, bytes: upload.bytes }
  } else if (document !== undefined && !(document instanceof Upload)) {
    fileProblem = fieldError('document', messages.wrongType) // a text field pretending to be the file
  }
  const nothing = !upload && !typed && !fileProblem ? fieldError('summaryText', messages.nothing) : undefined
  return {
    fields,
    form,
    typed,
    file,
    errors: combineErrors(fieldOrder, form.ok ? undefined : form.errors, fileProblem, nothing),
  }
}

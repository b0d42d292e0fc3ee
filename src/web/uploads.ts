// Uploaded files, as the forms that take them (summaries, from staff or from the portal) see them.
import type { MultipartFile } from '@fastify/multipart'

/** An uploaded file as the form's handler sees it: its name, its bytes, and whether it was cut off at the limit. */
export class Upload {
  filename: string
  bytes: Buffer
  tooLarge: boolean
  constructor(filename: string, bytes: Buffer, tooLarge: boolean) {
    this.filename = filename
    this.bytes = bytes
    this.tooLarge = tooLarge
  }
}

/** Reads the file part (an onFile handler), keeping at most the limit: the stream stops there and says it was truncated. */
export async function readUpload(part: MultipartFile) {
  const chunks: Buffer[] = []
  for await (const chunk of part.file) chunks.push(chunk as Buffer)
  part.value = new Upload(part.filename, Buffer.concat(chunks), part.file.truncated)
}

export const sizeText = (bytes: number) =>
  bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))}KB` : `${(bytes / 1024 / 1024).toFixed(1)}MB`
export const typeText = (type: string | null) => (type === 'application/pdf' ? 'PDF' : 'Word document')

import { z } from 'zod'

export const takeSchema = z
  .object({
    _csrf: z.string(),
    // A missing or altered version can never match the case's, so it reads as "someone else changed this".
    version: z.coerce.number().int().positive().catch(0),
  })
  .strict()

/** The version the form carried; a form that cannot be read reads as made on another version. */
export function readTakeForm(body: unknown): { ok: true; data: { version: number } } {
  const form = takeSchema.safeParse(body ?? {})
  return { ok: true, data: { version: form.success ? form.data.version : 0 } }
}

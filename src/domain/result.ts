// What a service answers when it will not do what was asked: the reason in plain English, the
// field of the form to point at, and what kind of refusal it is (a page answers each differently:
// 400 to fix the form, 409 when someone else changed the record first, 404 when it is not there).
export type RefusalCode = 'refused' | 'stale' | 'not-found'

export interface Refused {
  ok: false
  code: RefusalCode
  reason: string
  field?: string
}

export type Result<T = object> = ({ ok: true } & T) | Refused

export const refuse = (reason: string, field?: string, code: RefusalCode = 'refused'): Refused => ({
  ok: false,
  code,
  reason,
  ...(field ? { field } : {}),
})

/** Thrown inside a transaction to undo it; the service turns it into a Refused answer. */
export class RefusalError extends Error {
  readonly refusal: Refused
  constructor(reason: string, field?: string, code: RefusalCode = 'refused') {
    super(reason)
    this.refusal = refuse(reason, field, code)
  }
}

/** Runs work, answering a RefusalError it throws as its refusal (anything else is a failure). */
export async function refusalsAsResults<T>(work: () => Promise<Result<T>>): Promise<Result<T>> {
  try {
    return await work()
  } catch (err) {
    if (err instanceof RefusalError) return err.refusal
    throw err
  }
}

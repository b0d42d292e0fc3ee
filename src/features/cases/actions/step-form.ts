// The workflow's step forms, once: a workflow action, a statutory date, an update given. Each
// carries the case version and the date it happened. Not submitForm: a step the workflow refuses
// conflicts with the case as it is now, so it is answered with 409 beside the case's state
// (#case-now), where submitForm would answer 400.
import type { FastifyReply, FastifyRequest } from 'fastify'
import type { Result } from '../../../domain/result.ts'
import { notFound } from '../../../web/errors.ts'
import type { Done, FormErrors } from '../../../web/forms.ts'
import { addFieldError, typedValues, versionOf, type Field, type Values } from './fields.ts'

export interface StepPage {
  fields: readonly Field[]
  /** The checked values, or the problems in the order of the fields. */
  check(body: unknown): { ok: true; values: Values } | { ok: false; errors: FormErrors }
  /** The form again, with what was typed and the problems (the status is already set). */
  render(reply: FastifyReply, extra: { values: Record<string, unknown>; errors: FormErrors }): unknown
  /** The one service call: the step, on the version the form was shown with. */
  submit(values: Values, version: number): Promise<Result<Done>>
}

export async function submitStep(request: FastifyRequest, reply: FastifyReply, page: StepPage) {
  const values = typedValues(page.fields, request.body)
  const checked = page.check(request.body)
  if (!checked.ok) return page.render(reply.code(400), { values, errors: checked.errors })
  const result = await page.submit(checked.values, versionOf(request.body))
  if (!result.ok) {
    if (result.code === 'not-found') return notFound(request, reply)
    // A refused field (a date) is the form's to fix; otherwise nothing changed, and the page says why.
    if (result.field)
      return page.render(reply.code(400), {
        values,
        errors: addFieldError(page.fields, { summary: [], fields: {} }, result.field, result.reason),
      })
    return page.render(reply.code(409), {
      values,
      errors: { summary: [{ text: result.reason, href: '#case-now' }], fields: {} },
    })
  }
  if (result.flash) request.session.flash = result.flash
  return reply.redirect(result.redirect, 303)
}

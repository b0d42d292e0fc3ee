import { z } from 'zod'
import { submissionKey, text, toFormErrors, type FormResult } from '../../../web/forms.ts'
import { dateParts, formChecks } from '../../../web/form-checks.ts'
import { conflictLinks, organisationKinds } from '../labels.ts'
import type { ConflictLink, OrganisationKind } from '../types.ts'
import type { ConflictInput, Once } from '../service.ts'

export const conflictFormSchema = z
  .object({
    _csrf: z.string(),
    submissionKey,
    organisationKind: z.string().optional(),
    organisationName: z.string().optional(),
    localAuthorityId: z.string().optional(),
    link: z.string().optional(),
    details: z.string().optional(),
    ...Object.fromEntries(dateParts('endedOn').map((f) => [f, z.string().optional()])),
  })
  .strict()

/** Ending a conflict carries nothing but the token. */
export const endFormSchema = z.object({ _csrf: z.string() }).strict()

const fields = {
  organisationKind: z.enum(Object.keys(organisationKinds) as [OrganisationKind, ...OrganisationKind[]], {
    error: 'Select what kind of organisation it is',
  }),
  organisationName: text('Enter the name of the organisation', 200, 'Organisation name'),
  link: z.enum(Object.keys(conflictLinks) as [ConflictLink, ...ConflictLink[]], {
    error: 'Select the link with the organisation',
  }),
  details: text(false, 1000, 'Details'),
}

/** `localAuthorityIds`: the council areas on offer. */
export function validateConflict(
  body: unknown,
  today: string,
  localAuthorityIds: string[],
): FormResult<ConflictInput & Once> {
  const shape = conflictFormSchema.safeParse(body ?? {})
  if (!shape.success) return { ok: false, errors: toFormErrors(shape.error) }
  const form = shape.data
  const c = formChecks(form, today)
  const organisationKind = c.check('organisationKind', fields.organisationKind, form.organisationKind)
  const organisationName = c.check('organisationName', fields.organisationName, form.organisationName)
  const localAuthorityId = form.localAuthorityId ?? ''
  if (localAuthorityId !== '' && !localAuthorityIds.includes(localAuthorityId))
    c.fail('localAuthorityId', 'Select a council area from the list')
  const link = c.check('link', fields.link, form.link)
  if (link === 'other' && !(form.details ?? '').trim()) c.fail('details', 'Enter details of the link')
  const details = c.check('details', fields.details, form.details)
  const endedOn = c.date('endedOn', 'the date the link ended', {
    optional: true,
    range: 'long-ago', // a link that ended years ago still matters
    notFuture: 'The date the link ended must be today or in the past',
  })
  if (c.failed()) return { ok: false, errors: c.errors }
  return {
    ok: true,
    data: {
      organisationKind: organisationKind!,
      organisationName: organisationName!,
      localAuthorityId: localAuthorityId || null,
      link: link!,
      details: details || null,
      endedOn: endedOn ?? null,
      submissionKey: form.submissionKey,
    },
  }
}

// The request's page, as every form on it shows it again (with a problem, or after a search).
import type { FastifyReply } from 'fastify'
import { currentUser } from '../../../web/auth.ts'
import { dateInputValues, readDateInput, type FormErrors } from '../../../web/forms.ts'
import { notFound } from '../../../web/errors.ts'
import type { createRightsPages, SearchAsked } from '../page-service.ts'
import type { searchQuery } from './schema.ts'

type Pages = ReturnType<typeof createRightsPages>

/** The search asked for in the address; with `search` and nothing else, the request's own details. */
export function searchOf(q: ReturnType<typeof searchQuery.parse>): { asked?: SearchAsked; errors?: FormErrors } {
  if (q.search === undefined) return {}
  const dobTyped = !!(q['dob-day'] || q['dob-month'] || q['dob-year'])
  const dob = dobTyped ? readDateInput(q, 'dob', 'the date of birth', 'long-ago') : undefined
  if (dob && !dob.ok)
    return {
      errors: {
        summary: [{ text: dob.message, href: `#${dob.anchor}` }],
        fields: { [dob.anchor]: { text: dob.message } },
      },
    }
  const asked = {
    name: q.name ?? '',
    email: q.email ?? '',
    phone: q.phone ?? '',
    dateOfBirth: dob?.ok ? dob.value : undefined,
  }
  if (!asked.name && !asked.email && !asked.phone)
    return {
      errors: {
        summary: [{ text: 'Enter a name, an email address or a phone number', href: '#name' }],
        fields: { name: { text: 'Enter a name, an email address or a phone number' } },
      },
    }
  return { asked }
}

export async function renderRequest(
  reply: FastifyReply,
  pages: Pages,
  id: string,
  extra: {
    search?: SearchAsked
    searchValues?: Record<string, unknown>
    values?: Record<string, unknown>
    errors?: FormErrors
  } = {},
) {
  const page = await pages.request(currentUser(reply.request), id, extra.search)
  if (!page) return notFound(reply.request, reply)
  const r = page.request
  return reply.view('rights/request/view.njk', {
    ...page,
    searchValues: extra.searchValues ?? {
      name: r.subjectName,
      email: r.subjectEmail ?? '',
      phone: r.subjectPhone ?? '',
      ...dateInputValues('dob', r.subjectDateOfBirth ?? undefined),
    },
    values: extra.values ?? {},
    errors: extra.errors,
    backLink: '/rights',
  })
}

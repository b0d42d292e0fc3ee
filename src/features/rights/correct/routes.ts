// /rights/:id/correct?match=KEY: for an accepted rectification, the details of one person the
// request is about (a party's name, email and phone; the child's name and date of birth), as they
// are, to correct; the correction is the case's own event, with the details before and after.
import type { FastifyInstance, FastifyReply } from 'fastify'
import { z } from 'zod'
import type { AppDeps } from '../../../app-deps.ts'
import { currentUser } from '../../../web/auth.ts'
import { notFound } from '../../../web/errors.ts'
import {
  combineErrors,
  dateInputValues,
  dateProblem,
  fieldError,
  parseForm,
  readDateInput,
  type FormErrors,
} from '../../../web/forms.ts'
import { rightsAccess } from '../access.ts'
import { createCorrectService } from '../correct-service.ts'
import { createRightsPages } from '../page-service.ts'
import { correctSchema, matchOf } from '../request/schema.ts'

type Params = { Params: { id: string } }
const view = 'rights/correct/view.njk'
const order = ['name', 'email', 'phone', 'dob-day']

export default async function correctPage(app: FastifyInstance, deps: AppDeps) {
  const pages = createRightsPages({ db: deps.database.db, clock: deps.clock })
  const service = createCorrectService({ db: deps.database.db, clock: deps.clock })

  async function render(
    reply: FastifyReply,
    id: string,
    key: string,
    extra: { values?: Record<string, unknown>; errors?: FormErrors } = {},
  ) {
    const page = await pages.request(currentUser(reply.request), id)
    const match = matchOf(key)
    const person =
      match && page?.matches.find((m) => m.caseId === match.caseId && m.as === match.as && m.partyId === match.partyId)
    if (
      !page ||
      !person ||
      page.request.kind !== 'rectification' ||
      page.request.decision !== 'accepted' ||
      page.request.completedAt
    )
      return notFound(reply.request, reply)
    return reply.view(view, {
      request: page.request,
      person,
      key,
      values: extra.values ?? {
        name: person.name,
        email: person.email ?? '',
        phone: person.phone ?? '',
        ...dateInputValues('dob', person.dateOfBirth ?? undefined),
      },
      errors: extra.errors,
      backLink: `/rights/${id}`,
    })
  }

  app.get<Params>('/rights/:id/correct', { config: rightsAccess }, async (request, reply) => {
    const { match } = z.object({ match: z.string().max(100).catch('') }).parse(request.query ?? {})
    return render(reply, request.params.id, match ?? '')
  })

  app.post<Params>('/rights/:id/correct', { config: rightsAccess }, async (request, reply) => {
    const values = (request.body ?? {}) as Record<string, unknown>
    const key = typeof values.match === 'string' ? values.match : ''
    const match = matchOf(key)
    const form = parseForm(correctSchema, values)
    const dob = match?.as === 'child' ? readDateInput(values, 'dob', 'the date of birth', 'long-ago') : undefined
    const errors = combineErrors(order, form.ok ? undefined : form.errors, dob ? dateProblem(dob) : undefined)
    if (errors || !form.ok || !match) return render(reply.code(400), request.params.id, key, { values, errors })
    const result = await service.correct(currentUser(request), request.params.id, match, {
      name: form.data.name,
      email: match.as === 'child' ? '' : form.data.email,
      phone: match.as === 'child' ? '' : form.data.phone,
      dateOfBirth: dob?.ok ? dob.value : undefined,
    })
    if (!result.ok) {
      if (result.code === 'not-found') return notFound(request, reply)
      return render(reply.code(400), request.params.id, key, { values, errors: fieldError('name', result.reason) })
    }
    request.session.flash = 'Details corrected'
    return reply.redirect(`/rights/${request.params.id}`, 303)
  })
}

// /rights/new: record a subject access, rectification or erasure request, however it arrived:
// who asked, who it is about (what finds them in the cases), the day it was received (the
// deadline is a calendar month later) and, for a correction or an erasure, what they asked for.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { currentUser } from '../../../web/auth.ts'
import { dateInputValues, itemsOf, submitForm, type FormErrors } from '../../../web/forms.ts'
import { auditActorOf } from '../../audit/index.ts'
import { rightsAccess } from '../access.ts'
import { kindNames } from '../labels.ts'
import { createRightsPages } from '../page-service.ts'
import { createRightsService } from '../service.ts'
import { parseNewRequest } from './schema.ts'

const view = 'rights/new/view.njk'

export default async function newRequest(app: FastifyInstance, deps: AppDeps) {
  const pages = createRightsPages({ db: deps.database.db, clock: deps.clock })
  const service = createRightsService({ db: deps.database.db, clock: deps.clock })

  async function render(reply: FastifyReply, extra: { values?: Record<string, unknown>; errors?: FormErrors } = {}) {
    const councils = await pages.councils(currentUser(reply.request))
    return reply.view(view, {
      kindItems: itemsOf(kindNames),
      councilItems: [{ value: '', text: 'Choose a council' }, ...councils.map((c) => ({ value: c.id, text: c.name }))],
      values: extra.values ?? {
        ...dateInputValues('receivedOn', deps.clock.today()),
        council: councils.length === 1 ? councils[0]!.id : '',
      },
      errors: extra.errors,
      backLink: '/rights',
    })
  }

  app.get('/rights/new', { config: rightsAccess }, async (_request, reply) => render(reply))

  app.post('/rights/new', { config: rightsAccess }, async (request, reply) =>
    submitForm(request, reply, {
      parse: (body) => parseNewRequest(body, deps.clock.today()),
      render,
      field: 'council',
      submit: async (form) => {
        const result = await service.record(currentUser(request), auditActorOf(request), {
          kind: form.kind,
          councilId: form.council,
          requesterName: form.requesterName,
          requesterRelationship: form.requesterRelationship,
          subjectName: form.subjectName,
          subjectEmail: form.subjectEmail,
          subjectPhone: form.subjectPhone,
          subjectDateOfBirth: form.subjectDateOfBirth,
          details: form.details,
          receivedOn: form.receivedOn,
          submissionKey: form.submissionKey,
        })
        if (!result.ok) return result
        return { ok: true, redirect: `/rights/${result.id}`, flash: 'Request recorded' }
      },
    }),
  )
}

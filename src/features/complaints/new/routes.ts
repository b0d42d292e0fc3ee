// /complaints/new: record a complaint however it arrived. About a case (?case=ID, or found by its
// reference): the complainant is one of its parties or someone else, and the case's council is the
// complaint's. With no case: someone with their contact details, against a council staff choose.
import type { FastifyInstance, FastifyReply } from 'fastify'
import { z } from 'zod'
import type { AppDeps } from '../../../app-deps.ts'
import { currentUser } from '../../../web/auth.ts'
import { dateInputValues, fieldError, itemsOf, submitForm, type FormErrors } from '../../../web/forms.ts'
import { aboutNames, prefersNames, staffReceivedVia } from '../labels.ts'
import { complaintPath, complaintsAccess } from '../page.ts'
import { createComplaintPages } from '../page-service.ts'
import { parseWithDates } from '../form.ts'
import { createRecordService } from '../record-service.ts'
import { recordDates, recordOrder, recordProblems, recordSchema } from './schema.ts'

const view = 'complaints/new/view.njk'
const lookup = z.object({
  case: z.guid().optional().catch(undefined),
  reference: z.string().trim().max(40).optional().catch(undefined),
})

export default async function newComplaint(app: FastifyInstance, deps: AppDeps) {
  const pages = createComplaintPages({ db: deps.database.db, clock: deps.clock })
  const service = createRecordService({ db: deps.database.db, clock: deps.clock })

  async function render(
    reply: FastifyReply,
    caseId: string | undefined,
    extra: { values?: Record<string, unknown>; errors?: FormErrors; lookupErrors?: FormErrors } = {},
  ) {
    const user = currentUser(reply.request)
    const form = await pages.newForm(user, caseId)
    const today = deps.clock.today()
    return reply.view(view, {
      ...form,
      receivedViaItems: itemsOf(staffReceivedVia),
      aboutItems: itemsOf(aboutNames),
      prefersItems: itemsOf(prefersNames),
      councilItems: [
        { value: '', text: 'Choose a council' },
        ...form.councils.map((c) => ({ value: c.id, text: c.name })),
      ],
      values: extra.values ?? {
        ...dateInputValues('receivedOn', today),
        startStage: 'informal',
        council: form.councils.length === 1 ? form.councils[0]!.id : '',
      },
      errors: extra.errors ?? extra.lookupErrors,
      backLink: '/complaints',
    })
  }

  app.get('/complaints/new', { config: complaintsAccess }, async (request, reply) => {
    const query = lookup.parse(request.query ?? {})
    if (query.reference !== undefined) {
      const id = query.reference ? await pages.caseByReference(currentUser(request), query.reference) : undefined
      if (id) return reply.redirect(`/complaints/new?case=${id}`, 303)
      const message = query.reference
        ? 'There is no case with that reference. Check it, or record the complaint without a case'
        : 'Enter the case reference'
      return render(reply.code(400), undefined, {
        values: { reference: query.reference },
        lookupErrors: fieldError('reference', message),
      })
    }
    return render(reply, query.case)
  })

  app.post('/complaints/new', { config: complaintsAccess }, async (request, reply) => {
    const user = currentUser(request)
    const body = (request.body ?? {}) as Record<string, unknown>
    const caseId = typeof body.caseId === 'string' && body.caseId ? body.caseId : undefined
    return submitForm(request, reply, {
      parse: (body) => parseWithDates(recordSchema, body, recordDates, deps.clock.today(), recordOrder, recordProblems),
      render: (reply, extra) => render(reply, caseId, extra),
      field: 'complainant',
      submit: async (form) => {
        const isParty = form.caseId && form.complainant && form.complainant !== 'other'
        const result = await service.record(user, {
          caseId: form.caseId,
          councilId: form.council,
          partyId: isParty ? form.complainant : undefined,
          other: isParty
            ? undefined
            : {
                name: form.otherName,
                relationship: form.otherRelationship,
                email: form.otherEmail,
                phone: form.otherPhone,
                address: form.otherAddress,
                prefers: form.prefers!,
              },
          receivedVia: form.receivedVia,
          receivedOn: form.receivedOn,
          about: form.about,
          aboutMediatorId: form.aboutMediator,
          aboutUserId: form.aboutUser,
          whatHappened: form.whatHappened,
          happenedOn: form.happenedOn,
          wantedOutcome: form.wantedOutcome,
          startStage: form.startStage,
          submissionKey: form.submissionKey,
        })
        if (!result.ok) return result
        return { ok: true, redirect: complaintPath(result.id), flash: 'Complaint recorded' }
      },
    })
  })
}

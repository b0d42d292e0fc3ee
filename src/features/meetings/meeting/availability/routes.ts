// /cases/:id/meeting/availability/:partyId: a party's availability for each working day over the
// coming 4 weeks, entered by staff in one form (one choice per day, no JavaScript needed). A day
// left as "Not given yet" is not counted as free.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { AVAILABILITY, availabilityLabels, NOT_GIVEN } from '../../../../domain/meeting-availability.ts'
import { notFound } from '../../../../web/errors.ts'
import { submitForm, type FormErrors } from '../../../../web/forms.ts'
import type { CaseRow } from '../../../cases/index.ts'
import {
  actorOf,
  caseForChange,
  caseForView,
  meetingBase,
  meetingBookers,
  meetingContext,
  meetingServiceOf,
} from '../../page.ts'
import { fieldOf, readAvailability } from './schema.ts'

const view = 'meetings/meeting/availability/view.njk'
type Params = { Params: { id: string; partyId: string } }
const items = [{ value: '', text: NOT_GIVEN }, ...AVAILABILITY.map((a) => ({ value: a, text: availabilityLabels[a] }))]

export default async function partyAvailabilityPage(app: FastifyInstance, deps: AppDeps) {
  const meetings = meetingServiceOf(deps)
  type Page = NonNullable<Awaited<ReturnType<typeof meetings.availabilityPage>>>

  const render = (
    reply: FastifyReply,
    request: FastifyRequest,
    found: CaseRow,
    page: Page,
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) =>
    reply.view(view, {
      ...meetingContext(found, request),
      party: page.party,
      days: page.days.map((day) => ({ day, field: fieldOf(day) })),
      items,
      values,
      errors,
      backLink: meetingBase(found.id),
    })

  app.get<Params>('/cases/:id/meeting/availability/:partyId', { config: meetingBookers }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    const page = await meetings.availabilityPage(found.id, request.params.partyId)
    if (!page) return notFound(request, reply)
    const values = Object.fromEntries(page.days.map((day) => [fieldOf(day), page.answers[day]]))
    return render(reply, request, found, page, values)
  })

  app.post<Params>('/cases/:id/meeting/availability/:partyId', { config: meetingBookers }, async (request, reply) => {
    const found = await caseForChange(deps, request, reply)
    if (!found) return reply
    // The form has a question for each coming working day, so the page is read first.
    const page = await meetings.availabilityPage(found.id, request.params.partyId)
    if (!page) return notFound(request, reply)
    return submitForm(request, reply, {
      parse: (body) => readAvailability(body, page.days, page.party.label),
      render: (reply, { values, errors }) => render(reply, request, found, page, values, errors),
      field: fieldOf(page.days[0]!),
      submit: async ({ answers, submissionKey }) => {
        const saved = await meetings.saveAvailability(found.id, page.party.id, answers, {
          actor: actorOf(request),
          submissionKey,
        })
        if (!saved.ok) return saved
        return { ok: true, redirect: meetingBase(found.id), flash: `Availability saved for ${page.party.label}` }
      },
    })
  })
}

// /cases/:id/meeting/availability/:partyId: a party's availability for each working day over the
// coming 4 weeks, entered by staff in one form (one choice per day, no JavaScript needed). A day
// left as "Not given yet" is not counted as free.
import type { FastifyInstance, FastifyReply } from 'fastify'
import { z } from 'zod'
import type { AppDeps } from '../../../../app-deps.ts'
import type { Db } from '../../../../db/client.ts'
import {
  AVAILABILITY,
  availabilityLabels,
  comingWorkingDays,
  NOT_GIVEN,
  type Availability,
} from '../../../../domain/meeting-availability.ts'
import { formatLongDate } from '../../../../domain/dates.ts'
import type { FormErrors } from '../../../../web/forms.ts'
import { submitOnce } from '../../../../web/submission.ts'
import { type CaseRow, actorOf } from '../../../cases/index.ts'
import { preparingParties } from '../../../preparation/index.ts'
import { currentCalendar } from '../../../settings/index.ts'
import { availabilityOf } from '../../repository.ts'
import { createMeetingService } from '../../service.ts'
import { caseForChange, caseForView, meetingBase, meetingBookers, meetingContext, WEEKS_AHEAD } from '../../page.ts'

const view = 'meetings/meeting/availability/view.njk'
type Params = { Params: { id: string; partyId: string } }
const fieldOf = (day: string) => `day-${day}`

export default async function partyAvailabilityPage(app: FastifyInstance, deps: AppDeps) {
  const db = deps.database.db

  async function load(found: CaseRow, partyId: string) {
    const parties = await preparingParties(db, found.id)
    const party = parties.find((p) => p.id === partyId)
    const days = comingWorkingDays(deps.clock.today(), await currentCalendar(db), WEEKS_AHEAD)
    return { party, days }
  }

  const render = (
    reply: FastifyReply,
    request: Parameters<typeof meetingContext>[1],
    found: CaseRow,
    party: { id: string; label: string },
    days: string[],
    values: Record<string, unknown>,
    errors?: FormErrors,
  ) =>
    reply.view(view, {
      ...meetingContext(found, request),
      party,
      days: days.map((day) => ({ day, field: fieldOf(day) })),
      items: [{ value: '', text: NOT_GIVEN }, ...AVAILABILITY.map((a) => ({ value: a, text: availabilityLabels[a] }))],
      values,
      errors,
      backLink: meetingBase(found.id),
    })

  app.get<Params>('/cases/:id/meeting/availability/:partyId', { config: meetingBookers }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    const { party, days } = await load(found, request.params.partyId)
    if (!party) return reply.code(404).view('errors/not-found.njk')
    const entries = (await availabilityOf(db, found.id)).filter((e) => e.partyId === party.id)
    const values = Object.fromEntries(
      days.map((day) => [fieldOf(day), entries.find((e) => e.day === day)?.availability ?? '']),
    )
    return render(reply, request, found, party, days, values)
  })

  app.post<Params>('/cases/:id/meeting/availability/:partyId', { config: meetingBookers }, async (request, reply) => {
    const found = await caseForChange(deps, request, reply)
    if (!found) return reply
    const { party, days } = await load(found, request.params.partyId)
    if (!party) return reply.code(404).view('errors/not-found.njk')
    const body = (request.body ?? {}) as Record<string, unknown>
    const choice = z
      .enum(['', ...AVAILABILITY], { error: 'Select whether they can come on this day, or leave it as not given yet' })
      .optional()
    const schema = z
      .object({
        _csrf: z.string(),
        submissionKey: z.string().max(100).optional(),
        ...Object.fromEntries(days.map((day) => [fieldOf(day), choice])),
      })
      .strict()
    const parsed = schema.safeParse(body)
    if (!parsed.success) {
      const errors: FormErrors = { summary: [], fields: {} }
      for (const issue of parsed.error.issues) {
        if (issue.code === 'unrecognized_keys') {
          // A day that is no longer in the coming weeks (the page was left open overnight).
          const text = 'The days have changed since the page was shown. Check the days and save again'
          errors.fields.form = { text }
          errors.summary.push({ text, href: `#${fieldOf(days[0]!)}` })
          continue
        }
        const key = String(issue.path[0])
        if (errors.fields[key]) continue
        const day = key.slice(4)
        const text = `Select whether ${party.label} can come on ${formatLongDate(day)}, or leave it as not given yet`
        errors.fields[key] = { text }
        errors.summary.push({ text, href: `#${key}` })
      }
      return render(reply.code(400), request, found, party, days, body, errors)
    }
    const answers = days.map((day) => ({
      day,
      availability: ((parsed.data as Record<string, unknown>)[fieldOf(day)] ?? '') as Availability | '',
    }))
    await submitOnce(db, deps.clock, body, async (tx) => {
      await createMeetingService({ db: tx as unknown as Db, clock: deps.clock }).saveAvailability(
        tx,
        found.id,
        party.id,
        answers,
        actorOf(request),
      )
      return ''
    })
    request.session.flash = `Availability saved for ${party.label}`
    return reply.redirect(meetingBase(found.id), 303)
  })
}

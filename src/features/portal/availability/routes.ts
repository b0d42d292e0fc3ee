// /portal/availability: when the party can come to a meeting, over the next 3 weeks of working
// days, all on one page (no JavaScript needed). Saved as party_availability rows (source 'portal');
// an answer for a day replaces an earlier one.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import type { FormErrors } from '../../../web/forms.ts'
import { currentCalendar } from '../../settings/index.ts'
import type { PortalParty } from '../party-access.ts'
import { partyFor, portalAccess, portalContext } from '../page.ts'
import { ownAvailability } from '../repository.ts'
import { createPortalService } from '../service.ts'
import { availabilityLabels, readAvailability } from './schema.ts'

const view = 'portal/availability/view.njk'
const WORKING_DAYS_OFFERED = 15

export default async function portalAvailability(app: FastifyInstance, deps: AppDeps) {
  const db = deps.database.db
  const service = createPortalService({ db, clock: deps.clock })

  async function offeredDays(): Promise<string[]> {
    const calendar = await currentCalendar(db)
    const days: string[] = []
    let day = deps.clock.today()
    while (days.length < WORKING_DAYS_OFFERED) {
      day = calendar.addWorkingDays(day, 1)
      days.push(day)
    }
    return days
  }

  async function render(
    reply: FastifyReply,
    party: PortalParty,
    values?: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    const days = await offeredDays()
    const saved = new Map((await ownAvailability(db, party.partyId)).map((a) => [a.day, a.availability]))
    const shown = values ?? Object.fromEntries(days.map((d) => [`day-${d}`, saved.get(d) ?? '']))
    return reply.view(view, {
      ...portalContext(deps, party, 'availability'),
      days: days.map((day) => ({
        day,
        name: `day-${day}`,
        items: Object.entries(availabilityLabels).map(([value, text]) => ({
          value,
          text,
          checked: shown[`day-${day}`] === value,
        })),
      })),
      answered: [...saved.values()].length,
      errors,
    })
  }

  app.get('/portal/availability', { config: portalAccess }, async (request, reply) => {
    const party = await partyFor(request, reply, 'availability')
    if (!party) return reply
    return render(reply, party)
  })

  app.post('/portal/availability', { config: portalAccess }, async (request, reply) => {
    const party = await partyFor(request, reply, 'availability')
    if (!party) return reply
    const body = (request.body ?? {}) as Record<string, unknown>
    const read = readAvailability(body, await offeredDays())
    if (!read.ok) return render(reply.code(400), party, body, read.errors)
    const result = await service.saveAvailability(party, read.days)
    if (!result.ok) return reply.code(404).view('errors/not-found.njk')
    request.session.flash = 'Thank you. We have saved when you can come'
    return reply.redirect('/portal', 303)
  })
}

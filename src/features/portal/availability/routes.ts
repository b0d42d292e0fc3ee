// /portal/availability: when the party can come to a meeting, over the next 3 weeks of working
// days, all on one page (no JavaScript needed). Saved as party_availability rows (source 'portal');
// an answer for a day replaces an earlier one.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { submitForm, type FormErrors } from '../../../web/forms.ts'
import type { PortalParty } from '../party-access.ts'
import { createPartyPages } from '../party-pages.ts'
import { partyFor, portalAccess, portalContext } from '../page.ts'
import { createPortalService } from '../service.ts'
import { availabilityLabels, readAvailability } from './schema.ts'

const view = 'portal/availability/view.njk'

export default async function portalAvailability(app: FastifyInstance, deps: AppDeps) {
  const pages = createPartyPages({ db: deps.database.db, clock: deps.clock })
  const service = createPortalService({ db: deps.database.db, clock: deps.clock })

  async function render(
    reply: FastifyReply,
    party: PortalParty,
    values?: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    const { days, saved } = await pages.availability(party)
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
      answered: saved.size,
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
    const offered = await pages.offeredDays() // the form's fields: one a day offered today
    return submitForm(request, reply, {
      parse: (body) => readAvailability(body, offered),
      render: (reply, { values, errors }) => render(reply, party, values, errors),
      field: 'form',
      submit: async (days) => {
        const result = await service.saveAvailability(party, days)
        if (!result.ok) return result
        return { ok: true, redirect: '/portal', flash: 'Thank you. We have saved when you can come' }
      },
    })
  })
}

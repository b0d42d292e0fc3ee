// /portal/contact: how the party wants to be contacted, and what would help them take part (an
// interpreter, large print, an accessible venue...). Their own party row, with a version check.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { adjustmentKinds, contactMethods } from '../../../domain/request.ts'
import { itemsOf, submitForm, type FormErrors } from '../../../web/forms.ts'
import { normaliseEmail, normalisePhone, type PortalParty } from '../party-access.ts'
import { createPartyPages } from '../party-pages.ts'
import { partyFor, portalAccess, portalContext } from '../page.ts'
import { createPortalService } from '../service.ts'
import { readContact } from './schema.ts'

const view = 'portal/contact/view.njk'

export default async function portalContact(app: FastifyInstance, deps: AppDeps) {
  const pages = createPartyPages({ db: deps.database.db, clock: deps.clock })
  const service = createPortalService({ db: deps.database.db, clock: deps.clock })

  async function render(
    reply: FastifyReply,
    party: PortalParty,
    values?: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    const shown: Record<string, unknown> = values ?? (await pages.contact(party))
    const chosen = (name: string) => [shown[name] ?? []].flat()
    return reply.view(view, {
      ...portalContext(deps, party, 'contact'),
      values: shown,
      methodItems: itemsOf(contactMethods).map((i) => ({ ...i, checked: chosen('methods').includes(i.value) })),
      adjustmentItems: itemsOf(adjustmentKinds).map((i) => ({
        ...i,
        checked: chosen('adjustments').includes(i.value),
      })),
      errors,
    })
  }

  app.get('/portal/contact', { config: portalAccess }, async (request, reply) => {
    const party = await partyFor(request, reply, 'contact')
    if (!party) return reply
    return render(reply, party)
  })

  app.post('/portal/contact', { config: portalAccess }, async (request, reply) => {
    const party = await partyFor(request, reply, 'contact')
    if (!party) return reply
    return submitForm(request, reply, {
      parse: readContact,
      render: (reply, { values, errors }) => render(reply, party, values, errors),
      field: 'methods',
      submit: async (d) => {
        const result = await service.updateContact(
          party,
          {
            methods: d.methods,
            email: d.email,
            phone: d.phone,
            address: d.address,
            bestTimes: d.bestTimes,
            kinds: d.adjustments,
            language: d.language,
            details: d.details,
          },
          d.version,
        )
        if (!result.ok) return result
        // They stay signed in with the address they now give us, if it is the kind they proved.
        const proved = party.address.includes('@')
          ? d.email && normaliseEmail(d.email)
          : d.phone && normalisePhone(d.phone)
        if (proved) request.session.partyAddress = proved
        return { ok: true, redirect: '/portal', flash: 'Your contact details and what helps you have been saved' }
      },
    })
  })
}

// /portal/contact: how the party wants to be contacted, and what would help them take part (an
// interpreter, large print, an accessible venue...). Their own party row, with a version check.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { adjustmentKinds, contactMethods } from '../../../domain/request.ts'
import { fieldError, parseForm, type FormErrors, itemsOf } from '../../../web/forms.ts'
import { normaliseEmail, normalisePhone, type PortalParty } from '../party-access.ts'
import { partyFor, portalAccess, portalContext } from '../page.ts'
import { partyRowOf } from '../repository.ts'
import { createPortalService } from '../service.ts'
import { contactFieldOrder, contactSchema } from './schema.ts'

const view = 'portal/contact/view.njk'

export default async function portalContact(app: FastifyInstance, deps: AppDeps) {
  const db = deps.database.db
  const service = createPortalService({ db, clock: deps.clock })

  async function render(
    reply: FastifyReply,
    party: PortalParty,
    values?: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    const row = (await partyRowOf(db, party.partyId))!
    const prefs = row.contactPreferences as {
      methods?: string[]
      email?: string
      phone?: string
      address?: string
      bestTimes?: string
    }
    const adjustments = row.adjustments as { kinds?: string[]; language?: string; details?: string }
    const shown = values ?? {
      version: row.version,
      methods: prefs.methods ?? [],
      email: row.email ?? prefs.email ?? '',
      phone: row.phone ?? prefs.phone ?? '',
      address: prefs.address ?? '',
      bestTimes: prefs.bestTimes ?? '',
      adjustments: adjustments.kinds ?? [],
      language: adjustments.language ?? '',
      details: adjustments.details ?? '',
    }
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
    const body = (request.body ?? {}) as Record<string, unknown>
    const form = parseForm(contactSchema, body)
    if (!form.ok) {
      const order = (href: string) => contactFieldOrder.indexOf(href.slice(1))
      form.errors.summary.sort((a, b) => order(a.href) - order(b.href))
      return render(reply.code(400), party, body, form.errors)
    }
    const d = form.data
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
    if (!result.ok)
      return render(reply.code(result.code === 'stale' ? 409 : 400), party, body, fieldError('methods', result.reason))
    // They stay signed in with the address they now give us, if it is the kind they proved.
    const nextAddress = party.address.includes('@')
      ? d.email
        ? normaliseEmail(d.email)
        : undefined
      : d.phone
        ? normalisePhone(d.phone)
        : undefined
    if (nextAddress) request.session.partyAddress = nextAddress
    request.session.flash = 'Your contact details and what helps you have been saved'
    return reply.redirect('/portal', 303)
  })
}

// /enquiries/new: a coordinator logs a phone call or an email as a new case, with the
// first-contact checklist. A one-time submission key, made when the form is shown, means a
// doubled or retried submit finds the case it already made.
import { randomUUID } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import {
  adjustmentKinds,
  contactMethods,
  disagreementAreas,
  ehcDecisions,
  ehcStatuses,
  otherPartyKinds,
  requesterRoles,
  whatHappenedMaxLength,
} from '../../../domain/request.ts'
import { currentUser } from '../../../web/auth.ts'
import { asArray, dateInputValues, renderInvalid } from '../../../web/forms.ts'
import { caseWorkers, createCase } from '../../cases/index.ts'
import { channels, validateEnquiry } from './schema.ts'

const view = 'enquiries/new/view.njk'
const access = caseWorkers
const listFields = [
  'areas',
  'otherParties',
  'contactMethods',
  'adjustments',
  'differenceExplained',
  'understandingChecked',
  'preferencesAsked',
]

/** Radio or checkbox items from one of the domain's choice lists, with what was chosen ticked. */
function items(choices: Record<string, string>, chosen: unknown) {
  const picked = [chosen ?? []].flat().map(String)
  return Object.entries(choices).map(([value, text]) => ({ value, text, checked: picked.includes(value) }))
}

function page(typed: Record<string, unknown>) {
  const values = { ...typed, ...Object.fromEntries(listFields.map((f) => [f, asArray(typed[f])])) }
  return {
    values,
    whatHappenedMaxLength,
    items: {
      channel: items(channels, values.channel),
      requesterRole: items(requesterRoles, values.requesterRole),
      ehcStatus: items(ehcStatuses, values.ehcStatus),
      areas: items(disagreementAreas, values.areas),
      decision: items(ehcDecisions, values.decision),
      otherParties: items(otherPartyKinds, values.otherParties),
      contactMethods: items(contactMethods, values.contactMethods),
      adjustments: items(adjustmentKinds, values.adjustments),
    },
  }
}

export default async function newEnquiry(app: FastifyInstance, { database, clock }: AppDeps) {
  app.get('/enquiries/new', { config: { access } }, async (_request, reply) =>
    reply.view(view, page({ submissionKey: randomUUID(), ...dateInputValues('contactedOn', clock.today()) })),
  )

  app.post('/enquiries/new', { config: { access } }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>
    const form = validateEnquiry(body, clock.today())
    if (!form.ok) return renderInvalid(reply, view, form.errors, page(body))
    const user = currentUser(request)
    const { facts, channel, contactedOn, firstContact, submissionKey } = form.data
    const made = await createCase(database.db, clock, {
      facts,
      channel,
      contactedOn,
      firstContact,
      submissionKey,
      actor: { userId: user.id, label: user.name },
    })
    return reply.redirect(`/cases/${made.id}`, 303)
  })
}

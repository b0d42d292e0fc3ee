// /enquiries/new: a coordinator logs a phone call or an email as a new case, with the
// first-contact checklist. A one-time submission key, made when the form is shown, means a
// doubled or retried submit finds the case it already made.
import type { FastifyInstance, FastifyReply } from 'fastify'
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
import { asArray, dateInputValues, submitForm, type FormErrors } from '../../../web/forms.ts'
import { caseWorkers } from '../../cases/index.ts'
import { councilsOf, logEnquiry } from '../service.ts'
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

/** The councils to choose from: those the person works for, after "the one the postcode is in". */
function councilItems(councils: { id: string; name: string }[], chosen: unknown) {
  return [
    { value: '', text: 'The council for the postcode' },
    ...councils.map((c) => ({ value: c.id, text: c.name, selected: chosen === c.id })),
  ]
}

function render(
  reply: FastifyReply,
  councils: { id: string; name: string }[],
  typed: Record<string, unknown>,
  errors?: FormErrors,
) {
  const values = { ...typed, ...Object.fromEntries(listFields.map((f) => [f, asArray(typed[f])])) }
  return reply.view(view, {
    values,
    errors,
    councilItems: councilItems(councils, values.council),
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
  })
}

export default async function newEnquiry(app: FastifyInstance, { database, clock }: AppDeps) {
  app.get('/enquiries/new', { config: { access } }, async (request, reply) =>
    render(reply, await councilsOf(database.db, currentUser(request)), dateInputValues('contactedOn', clock.today())),
  )

  app.post('/enquiries/new', { config: { access } }, async (request, reply) => {
    const user = currentUser(request)
    const councils = await councilsOf(database.db, user)
    return submitForm(request, reply, {
      parse: (body) => validateEnquiry(body, clock.today()),
      render: (reply, { values, errors }) => render(reply, councils, values, errors),
      field: 'channel',
      submit: async (enquiry) => {
        const made = await logEnquiry(database.db, clock, enquiry, { userId: user.id, label: user.name }, user)
        return made.ok ? { ok: true, redirect: `/cases/${made.id}` } : made
      },
    })
  })
}

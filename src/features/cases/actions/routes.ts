// /cases/:id/actions/:action: one form for each step of the workflow (schema.ts). Each form
// carries the case version; the workflow service refuses a step that is not allowed now, saying
// why, and a change made by someone else since the form was shown.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import type { Clock } from '../../../clock.ts'
import type { Db } from '../../../db/client.ts'
import { currentUser } from '../../../web/auth.ts'
import { dateInputValues, type FormErrors } from '../../../web/forms.ts'
import { caseWorkers } from '../access.ts'
import { actorOf, caseContext, visibleCaseOr404, type CaseRow } from '../case-page.ts'
import { actionForms, checkActionForm, isFormAction, type FormActionType } from './schema.ts'
import type { CertificateCopy } from '../../messages/index.ts'
import { actionPage, takeStep } from './service.ts'
import { submitStep } from './step-form.ts'

const view = 'cases/actions/view.njk'

async function render(
  deps: { db: Db; clock: Clock },
  reply: FastifyReply,
  found: CaseRow,
  type: FormActionType,
  extra: {
    values?: Record<string, unknown>
    errors?: FormErrors
    /** The form shown first: who is looking, and what the link asked for. */
    shown?: { viewer: { userId: string; path: string }; query: Record<string, unknown> }
  },
) {
  const page = await actionPage(deps, found.id, type, extra.shown?.viewer)
  // Shown first: why it cannot be done now, and the usual answers.
  const first = extra.shown !== undefined
  const values = first
    ? {
        ...dateInputValues('occurredOn', deps.clock.today()),
        ...(typeof extra.shown!.query.party === 'string' ? { party: extra.shown!.query.party } : {}),
        ...(type === 'issue-certificate' && page.certificateDue ? { kind: page.certificateDue } : {}),
      }
    : extra.values
  return reply.view(view, {
    ...caseContext(found, 'progress'),
    form: actionForms[type],
    formAction: `/cases/${found.id}/actions/${type}`,
    statusText: page.statusText,
    refusal: first ? page.refusal : undefined,
    refusalLinks: first ? page.refusalLinks : [],
    values,
    errors: extra.errors,
    version: found.version,
  })
}

export default async function caseActions(app: FastifyInstance, deps: AppDeps) {
  const { database, clock } = deps
  const db = database.db
  const services = { db, clock }
  // Mediators prepare and hold meetings; moving a case along is the coordinators' job.
  const config = { access: caseWorkers }

  app.get('/cases/:id/actions/:action', { config }, async (request, reply) => {
    const found = await visibleCaseOr404(db, request, reply)
    if (!found) return reply
    const { action } = request.params as { action: string }
    if (action === 'allocate-mediator') return reply.redirect(`/cases/${found.id}/mediator`, 303) // checked against the panel there
    if (!isFormAction(action)) return reply.code(404).view('errors/not-found.njk')
    const viewer = { userId: currentUser(request).id, path: `/cases/${found.id}/actions/${action}` }
    return render(services, reply, found, action, {
      shown: { viewer, query: (request.query ?? {}) as Record<string, unknown> },
    })
  })

  app.post('/cases/:id/actions/:action', { config }, async (request, reply) => {
    const found = await visibleCaseOr404(db, request, reply)
    if (!found) return reply
    const { action } = request.params as { action: string }
    if (action === 'allocate-mediator') return reply.redirect(`/cases/${found.id}/mediator`, 303)
    if (!isFormAction(action)) return reply.code(404).view('errors/not-found.njk')
    const form = actionForms[action]
    return submitStep(request, reply, {
      fields: form.fields,
      check: (body) => checkActionForm(action, body, clock.today()),
      render: (reply, extra) => render(services, reply, found, action, extra),
      submit: async (values, version) => {
        const taken = await takeStep(services, found.id, form.toAction(values), {
          actor: actorOf(request),
          occurredOn: String(values.occurredOn),
          expectedVersion: version,
        })
        if (!taken.ok) return taken
        return { ok: true, redirect: `/cases/${found.id}/progress`, flash: doneWords(form.done, taken.certificateCopy) }
      },
    })
  })
}

const channelWords: Record<string, string> = { email: 'by email', text: 'by text message', letter: 'by post' }

/** What was done, and, for a certificate, whether Parley is sending it: only what it did. */
function doneWords(done: string, copy: CertificateCopy | undefined): string {
  if (!copy) return done
  if (copy.queued) return `${done}. A copy is being sent to ${copy.to} ${channelWords[copy.channel] ?? ''}`.trim() + '.'
  return copy.reason === 'unreachable'
    ? `${done}. We have no contact details for the parent or young person, so nothing was sent: send it to them yourself.`
    : `${done}. Nothing was sent: send it to the parent or young person yourself.`
}

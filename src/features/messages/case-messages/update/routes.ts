// /cases/:id/messages/update: the regular update owed to people in a case, written once and sent in
// one step. The people owed an update are chosen already; a preview shows each message as it will
// be sent, by each person's own way (email, text message or letter, large print where asked).
// Sending queues each message and records each update (restarting that person's clock) in one
// transaction, once per form (its submission key).
import { and, eq, like } from 'drizzle-orm'
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { caseDeadlines } from '../../../../db/schema/index.ts'
import { currentUser } from '../../../../web/auth.ts'
import { fieldError, parseForm, type FormErrors } from '../../../../web/forms.ts'
import { formatDate } from '../../../../web/format.ts'
import { submitOnce } from '../../../../web/submission.ts'
import {
  caseWorkers,
  caseContext,
  caseForView,
  visibleCaseOr404,
  labelOf,
  partyRoles,
  findCase,
  partiesOf,
  type CaseRow,
} from '../../../cases/index.ts'
import { channelLabel } from '../../labels.ts'
import { chooseChannel, partyRecipient } from '../../outbox.ts'
import { serviceValues } from '../../service-values.ts'
import { renderMessage } from '../../templates.ts'
import { sendUpdates, UpdateRefused } from '../../service.ts'
import { caseUpdateTemplate } from '../../general-templates.ts'
import { nextStepMaxLength, sendUpdateSchema, updateMaxLength } from './schema.ts'

const view = 'messages/case-messages/update/view.njk'

export default async function sendUpdate(app: FastifyInstance, deps: AppDeps) {
  const { database, clock } = deps
  const db = database.db
  const config = { access: caseWorkers }

  /** Everyone in the case, whether they are owed an update, and how they would get it. */
  async function peopleOf(caseId: string) {
    const [parties, owed] = await Promise.all([
      partiesOf(db, caseId),
      db
        .select()
        .from(caseDeadlines)
        .where(and(eq(caseDeadlines.caseId, caseId), like(caseDeadlines.name, 'update:%'))),
    ])
    const today = clock.today()
    return Promise.all(
      parties.map(async (p) => {
        const due = owed.find((d) => d.name === `update:${p.id}` && (d.status === 'open' || d.status === 'overdue'))
        const to = await db.transaction((tx) => partyRecipient(tx, p.id))
        const route = chooseChannel(to)
        return {
          id: p.id,
          label: `${p.name || p.organisation || 'Not named'} (${labelOf(partyRoles, p.role).toLowerCase()})`,
          name: p.name || p.organisation || 'Not named',
          owed: !!due && due.dueDate <= today,
          dueDate: due?.dueDate,
          route: route
            ? {
                channel: route.channel,
                text: `${channelLabel(route.channel)} to ${route.address.replace(/\s*\n\s*/g, ', ')}${to.largePrint && route.channel === 'letter' ? ' (large print)' : ''}`,
              }
            : undefined,
        }
      }),
    )
  }

  async function render(
    reply: FastifyReply,
    found: CaseRow,
    extra: { values: Record<string, unknown>; errors?: FormErrors; previews?: unknown[] },
  ) {
    const people = await peopleOf(found.id)
    const chosen = [extra.values.parties ?? []].flat().map(String)
    return reply.view(view, {
      ...caseContext(found, 'messages'),
      version: extra.values.version ?? found.version,
      values: extra.values,
      errors: extra.errors,
      previews: extra.previews,
      updateMaxLength,
      nextStepMaxLength,
      unreachable: people.filter((p) => !p.route),
      partyItems: people
        .filter((p) => p.route)
        .map((p) => ({
          value: p.id,
          text: p.label,
          checked: chosen.includes(p.id),
          hint: {
            text: `${p.route!.text}. ${p.owed ? `Update owed since ${formatDate(p.dueDate!)}` : p.dueDate ? `Next update due ${formatDate(p.dueDate)}` : 'No update owed'}.`,
          },
        })),
    })
  }

  app.get('/cases/:id/messages/update', { config }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    const party = (request.query as { party?: unknown }).party
    const people = await peopleOf(found.id)
    const parties =
      typeof party === 'string' && people.some((p) => p.id === party && p.route)
        ? [party]
        : people.filter((p) => p.owed && p.route).map((p) => p.id)
    return render(reply, found, { values: { parties } })
  })

  app.post('/cases/:id/messages/update', { config }, async (request, reply) => {
    const found = await visibleCaseOr404(db, request, reply)
    if (!found) return reply
    const body = (request.body ?? {}) as Record<string, unknown>
    const values = { ...body, parties: [body.parties ?? []].flat() }
    const form = parseForm(sendUpdateSchema, body)
    if (!form.ok) return render(reply.code(400), found, { values, errors: form.errors })
    const people = await peopleOf(found.id)
    const strangers = form.data.parties.filter((id) => !people.some((p) => p.id === id && p.route))
    if (strangers.length)
      return render(reply.code(400), found, {
        values,
        errors: fieldError('parties', 'Select people in this case who can be sent a message'),
      })

    if (form.data.action === 'preview') {
      const service = await serviceValues(db)
      const previews = await Promise.all(
        form.data.parties.map(async (id) => {
          const person = people.find((p) => p.id === id)!
          const message = await renderMessage(db, caseUpdateTemplate, {
            ...service,
            name: person.name,
            child: found.childName,
            reference: found.reference,
            update: form.data.update,
            'next-step': form.data.nextStep,
          })
          return { ...message, to: person.label, how: person.route!.text }
        }),
      )
      return render(reply, found, { values, previews })
    }

    const user = currentUser(request)
    try {
      const location = await submitOnce(db, clock, body, async (tx) => {
        const n = await sendUpdates(tx, clock, {
          caseId: found.id,
          partyIds: form.data.parties,
          update: form.data.update,
          nextStep: form.data.nextStep,
          actor: { userId: user.id, label: user.name },
          expectedVersion: form.data.version,
        })
        return `/cases/${found.id}/messages?sent=${n}`
      })
      const sent = Number(new URL(location, 'http://x').searchParams.get('sent') ?? 0)
      request.session.flash = `Update sent to ${sent} ${sent === 1 ? 'person' : 'people'}`
      return reply.redirect(`/cases/${found.id}/messages`, 303)
    } catch (err) {
      if (!(err instanceof UpdateRefused)) throw err
      const now = (await findCase(db, found.id)) ?? found
      return render(reply.code(409), now, {
        values: { ...values, version: now.version },
        errors: fieldError('parties', err.message),
      })
    }
  })
}

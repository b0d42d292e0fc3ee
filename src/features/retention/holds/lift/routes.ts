// /admin/retention/holds/:id/lift: a legal hold lifted, with why (audited). The case is then kept
// for as long as its council's schedule says, from the day it ended.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { holdReasons, type HoldReason } from '../../../../domain/retention.ts'
import { refuse } from '../../../../domain/result.ts'
import { notFound } from '../../../../web/errors.ts'
import { parseForm, submitForm, type FormErrors } from '../../../../web/forms.ts'
import { auditActorOf } from '../../../audit/index.ts'
import { adminOnly } from '../../access.ts'
import { liftHold, liveHold } from '../../service.ts'
import { liftSchema } from './schema.ts'

type Found = NonNullable<Awaited<ReturnType<typeof liveHold>>>

export default async function liftRetentionHold(app: FastifyInstance, { database, clock }: AppDeps) {
  const render = (reply: FastifyReply, found: Found, values: Record<string, unknown> = {}, errors?: FormErrors) =>
    reply.view('retention/holds/lift/view.njk', {
      hold: found.hold,
      reference: found.reference,
      reasonText: holdReasons[found.hold.reason as HoldReason] ?? found.hold.reason,
      values,
      errors,
      backLink: '/admin/retention/holds',
    })
  const live = (id: string) => liveHold(database.db, id)

  app.get<{ Params: { id: string } }>(
    '/admin/retention/holds/:id/lift',
    { config: adminOnly },
    async (request, reply) => {
      const found = await live(request.params.id)
      return found ? render(reply, found) : notFound(request, reply)
    },
  )

  app.post<{ Params: { id: string } }>(
    '/admin/retention/holds/:id/lift',
    { config: adminOnly },
    async (request, reply) => {
      const found = await live(request.params.id)
      // Lifted already (a second click): back to the list, where it is gone.
      if (!found) return reply.redirect('/admin/retention/holds', 303)
      return submitForm(request, reply, {
        parse: (body) => parseForm(liftSchema, body),
        render: (reply, { values, errors }) => render(reply, found, values, errors),
        field: 'note',
        submit: async ({ note }) => {
          const lifted = await liftHold({ db: database.db, clock }, found.hold.id, note, auditActorOf(request))
          if (!lifted.ok) return refuse('There is no such hold.', 'note', 'not-found')
          return {
            ok: true,
            redirect: '/admin/retention/holds',
            flash: `The legal hold on ${found.reference} is lifted.`,
          }
        },
      })
    },
  )
}

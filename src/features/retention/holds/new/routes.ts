// /admin/retention/holds/new: a legal hold placed on a case, with why (audited). A case holds one
// hold at a time: placing another, or sending the form twice, keeps the one there.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { holdReasons } from '../../../../domain/retention.ts'
import { refuse } from '../../../../domain/result.ts'
import { itemsOf, parseForm, submitForm, type FormErrors } from '../../../../web/forms.ts'
import { auditActorOf } from '../../../audit/index.ts'
import { adminOnly } from '../../access.ts'
import { placeHold } from '../../service.ts'
import { holdSchema } from './schema.ts'

export default async function newRetentionHold(app: FastifyInstance, { database, clock }: AppDeps) {
  const render = (reply: FastifyReply, values: Record<string, unknown> = {}, errors?: FormErrors) =>
    reply.view('retention/holds/new/view.njk', {
      values,
      errors,
      reasonItems: itemsOf(holdReasons, values.reason as string | undefined),
      backLink: '/admin/retention/holds',
    })

  app.get('/admin/retention/holds/new', { config: adminOnly }, async (request, reply) =>
    render(reply, { reference: (request.query as { case?: string } | undefined)?.case ?? '' }),
  )

  app.post('/admin/retention/holds/new', { config: adminOnly }, async (request, reply) =>
    submitForm(request, reply, {
      parse: (body) => parseForm(holdSchema, body),
      render: (reply, { values, errors }) => render(reply, values, errors),
      field: 'reference',
      submit: async ({ reference, reason, note }) => {
        const placed = await placeHold({ db: database.db, clock }, { reference, reason, note }, auditActorOf(request))
        if (!placed.ok) return refuse(placed.message, placed.field)
        return {
          ok: true,
          redirect: '/admin/retention/holds',
          flash: `Case ${reference.trim().toUpperCase()} is under a legal hold: it will be kept whole until the hold is lifted.`,
        }
      },
    }),
  )
}

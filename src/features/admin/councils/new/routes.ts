// /admin/councils/new: add a council, with its settings and signposting list (audited).
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { parseForm, submitForm, type FormErrors } from '../../../../web/forms.ts'
import { auditActorOf } from '../../../audit/index.ts'
import { adminOnly } from '../../access.ts'
import { agencyItems, limits, newCouncilValues, typedValues } from '../form.ts'
import { asInput, newCouncilSchema } from '../schema.ts'
import { createCouncilsService } from '../service.ts'

export default async function newCouncil(app: FastifyInstance, { database, clock }: AppDeps) {
  const service = createCouncilsService(database.db, clock)

  async function render(reply: FastifyReply, values: Record<string, unknown>, errors?: FormErrors) {
    return reply.view('admin/councils/new/view.njk', {
      values,
      errors,
      agencyItems: agencyItems(await service.agencies(), values.agencies),
      ...limits,
      backLink: '/admin/councils',
    })
  }

  app.get('/admin/councils/new', { config: adminOnly }, async (_request, reply) => render(reply, newCouncilValues))

  app.post('/admin/councils/new', { config: adminOnly }, async (request, reply) =>
    submitForm(request, reply, {
      parse: (body) => parseForm(newCouncilSchema, body),
      render: (reply, { values, errors }) => render(reply, typedValues(values), errors),
      field: 'name',
      submit: async (data) => {
        const made = await service.create(
          { ...asInput(data), code: data.code },
          data.submissionKey,
          auditActorOf(request),
        )
        if (!made.ok) return made
        return { ok: true, redirect: `/admin/councils/${made.id}`, flash: `${data.name} added` }
      },
    }),
  )
}

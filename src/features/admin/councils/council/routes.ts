// /admin/councils/:id: one council's settings and signposting list, saved together, refused (409,
// showing the saved settings) when someone else saved the council since the page was shown.
// Every change is audited; a new update cadence works out the updates owed on its open cases again.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { notFound } from '../../../../web/errors.ts'
import { parseForm, submitForm, type FormErrors } from '../../../../web/forms.ts'
import { auditActorOf } from '../../../audit/index.ts'
import { adminOnly } from '../../access.ts'
import { recomputingText } from '../../settings/names.ts'
import { agencyItems, councilValues, limits, typedValues } from '../form.ts'
import { asInput, councilSchema } from '../schema.ts'
import { createCouncilsService } from '../service.ts'

type Params = { Params: { id: string } }

export default async function councilPage(app: FastifyInstance, { database, clock }: AppDeps) {
  const service = createCouncilsService(database.db, clock)
  type Found = NonNullable<Awaited<ReturnType<typeof service.find>>>

  async function render(
    reply: FastifyReply,
    found: Found,
    typed?: { values: Record<string, unknown>; errors: FormErrors },
  ) {
    const values = typed ? typedValues(typed.values) : councilValues(found.council, found.signposting)
    return reply.view('admin/councils/council/view.njk', {
      council: found.council,
      values,
      errors: typed?.errors,
      agencyItems: agencyItems(await service.agencies(), values.agencies),
      ...limits,
      backLink: '/admin/councils',
    })
  }

  async function councilOr404(request: FastifyRequest<Params>, reply: FastifyReply) {
    const found = await service.find(request.params.id)
    if (!found) await notFound(request, reply)
    return found
  }

  app.get<Params>('/admin/councils/:id', { config: adminOnly }, async (request, reply) => {
    const found = await councilOr404(request, reply)
    return found ? render(reply, found) : reply
  })

  app.post<Params>('/admin/councils/:id', { config: adminOnly }, async (request, reply) => {
    const found = await councilOr404(request, reply)
    if (!found) return reply
    return submitForm(request, reply, {
      parse: (body) => parseForm(councilSchema, body),
      // Someone else saved it meanwhile (409): the page shows the council as it is now, to change again.
      render: async (reply, { values, errors }) => {
        if (reply.statusCode !== 409) return render(reply, found, { values, errors })
        const now = (await service.find(found.council.id)) ?? found
        return render(reply, now, { values: councilValues(now.council, now.signposting), errors })
      },
      field: 'name',
      submit: async (data) => {
        const saved = await service.update(found.council.id, Number(data.version), asInput(data), auditActorOf(request))
        if (!saved.ok) return saved
        const recomputed = saved.recomputing ? `. ${recomputingText}` : ''
        return { ok: true, redirect: `/admin/councils/${found.council.id}`, flash: `${saved.name} saved${recomputed}` }
      },
    })
  })
}

// /cases/:id/agreement/points/new and /points/:pointId: write a point of the draft agreement in
// the participants' own words (who, what, by when, how everyone will know, whether it could
// otherwise be appealed), with the SMART advice beside it. The advice never stops a save.
// /points/:pointId/remove and /move change the list.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { AppDeps } from '../../../app-deps.ts'
import { appealableKindLabels, APPEALABLE_KINDS } from '../../../domain/agreement-rules.ts'
import { formatDate } from '../../../web/format.ts'
import { notFound } from '../../../web/errors.ts'
import { dateInputValues, fieldError, submitForm, type FormErrors, type FormResult } from '../../../web/forms.ts'
import type { CaseRow } from '../../cases/index.ts'
import {
  actorOf,
  agreementAccess,
  agreementServiceOf,
  base,
  caseForChange,
  caseForView,
  pageContext,
  partyChoice,
} from '../page.ts'
import { readPoint } from './schema.ts'

const view = 'agreements/points/view.njk'
type Params = { Params: { id: string; pointId: string } }

const valuesOf = (p: {
  version: number
  responsiblePartyId: string | null
  responsibleName: string | null
  what: string
  howKnown: string | null
  appealableKind: string | null
  ownTimescaleAgreed: boolean
  byWhen: string | null
}) => ({
  version: String(p.version),
  responsiblePartyId: p.responsiblePartyId ?? 'none',
  responsibleName: p.responsibleName ?? '',
  what: p.what,
  howKnown: p.howKnown ?? '',
  appealableKind: p.appealableKind ?? 'none',
  ownTimescale: p.ownTimescaleAgreed ? ['yes'] : [],
  ...dateInputValues('byWhen', p.byWhen ?? undefined),
})

const savedFlash = (what: 'added' | 'saved', advised: boolean) =>
  advised ? `Point ${what}. See the advice beside it to make it more specific.` : `Point ${what}`

// The list's buttons: a problem with one is not something to fix on a form.
const cannot = 'That could not be done. Go back to the agreement and try again.'
const version = z.string().regex(/^\d{1,9}$/)
const removeSchema = z.object({ _csrf: z.string(), version }).strict()
const moveSchema = z
  .object({ _csrf: z.string(), direction: z.enum(['up', 'down']), agreementVersion: version })
  .strict()
function button<T>(schema: z.ZodType<T>, body: unknown): FormResult<T> {
  const form = schema.safeParse(body)
  return form.success ? { ok: true, data: form.data } : { ok: false, errors: fieldError('form', cannot) }
}

export default async function pointPages(app: FastifyInstance, deps: AppDeps) {
  const agreements = agreementServiceOf(deps)
  type Page = NonNullable<Awaited<ReturnType<typeof agreements.pointPage>>>

  function render(
    request: FastifyRequest,
    reply: FastifyReply,
    found: CaseRow,
    page: Page,
    options: { values: Record<string, unknown>; errors?: FormErrors },
  ) {
    const v = options.values
    return reply.view(view, {
      ...pageContext(found, request),
      pointId: page.point?.id,
      values: v,
      errors: options.errors,
      advice: page.advice,
      partyItems: [
        ...page.parties.map((p) => partyChoice(p, v.responsiblePartyId === p.id)),
        { value: 'none', text: 'Someone else: name them below', checked: v.responsiblePartyId === 'none' },
      ],
      kindItems: [
        {
          value: 'none',
          text: 'No, it could not be appealed',
          hint: {
            text: `Due within 2 weeks of the agreement: ${formatDate(page.statutory.none!)} if made final today.`,
          },
          checked: v.appealableKind === 'none',
        },
        ...APPEALABLE_KINDS.map((k) => ({
          value: k,
          text: appealableKindLabels[k],
          hint: { text: `The law's date if made final today: ${formatDate(page.statutory[k]!)}.` },
          checked: v.appealableKind === k,
        })),
      ],
      ownTimescaleItems: [
        {
          value: 'yes',
          text: 'The parties agreed this timescale in writing',
          hint: { text: "Then the date above counts, even if it is later than the law's date." },
          checked: ([] as unknown[]).concat(v.ownTimescale ?? []).includes('yes'),
        },
      ],
    })
  }

  /** The list's buttons answer a refusal with a page that says so, and where to go back to. */
  const refused = (request: FastifyRequest, reply: FastifyReply, found: CaseRow, errors: FormErrors) =>
    reply.view('agreements/points/refused.njk', {
      ...pageContext(found, request),
      reason: errors.summary[0]?.text ?? cannot,
    })

  app.get('/cases/:id/agreement/points/new', { config: agreementAccess }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    return render(request, reply, found, (await agreements.pointPage(found.id))!, { values: {} })
  })

  app.post('/cases/:id/agreement/points/new', { config: agreementAccess }, async (request, reply) => {
    const found = await caseForChange(deps.database.db, request, reply)
    if (!found) return reply
    return submitForm(request, reply, {
      parse: (body) => readPoint(body, true),
      render: async (reply, extra) => render(request, reply, found, (await agreements.pointPage(found.id))!, extra),
      field: 'what',
      submit: async ({ point, submissionKey }) => {
        const added = await agreements.addPoint(found.id, point, {
          actor: actorOf(request),
          submissionKey: submissionKey!,
        })
        if (!added.ok) return added
        return {
          ok: true,
          redirect: `${base(found.id)}#point-${added.pointId}`,
          flash: savedFlash('added', added.advised),
        }
      },
    })
  })

  app.get<Params>('/cases/:id/agreement/points/:pointId', { config: agreementAccess }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    const page = await agreements.pointPage(found.id, request.params.pointId)
    if (!page?.point) return notFound(request, reply)
    return render(request, reply, found, page, { values: valuesOf(page.point) })
  })

  app.post<Params>('/cases/:id/agreement/points/:pointId', { config: agreementAccess }, async (request, reply) => {
    const found = await caseForChange(deps.database.db, request, reply)
    if (!found) return reply
    const page = await agreements.pointPage(found.id, request.params.pointId)
    if (!page?.point) return notFound(request, reply)
    const pointId = page.point.id
    return submitForm(request, reply, {
      parse: (body) => readPoint(body),
      render: (reply, extra) => render(request, reply, found, page, extra),
      field: 'what',
      submit: async ({ point, version }) => {
        const saved = await agreements.editPoint(found.id, pointId, point, {
          actor: actorOf(request),
          version: version ?? -1,
        })
        if (!saved.ok) return saved
        return { ok: true, redirect: `${base(found.id)}#point-${pointId}`, flash: savedFlash('saved', saved.advised) }
      },
    })
  })

  app.post<Params>(
    '/cases/:id/agreement/points/:pointId/remove',
    { config: agreementAccess },
    async (request, reply) => {
      const found = await caseForChange(deps.database.db, request, reply)
      if (!found) return reply
      return submitForm(request, reply, {
        parse: (body) => button(removeSchema, body),
        render: (reply, { errors }) => refused(request, reply, found, errors),
        field: 'form',
        submit: async (form) => {
          const result = await agreements.removePoint(found.id, request.params.pointId, {
            actor: actorOf(request),
            version: Number(form.version),
          })
          return result.ok ? { ok: true, redirect: base(found.id), flash: 'Point removed' } : result
        },
      })
    },
  )

  app.post<Params>('/cases/:id/agreement/points/:pointId/move', { config: agreementAccess }, async (request, reply) => {
    const found = await caseForChange(deps.database.db, request, reply)
    if (!found) return reply
    return submitForm(request, reply, {
      parse: (body) => button(moveSchema, body),
      render: (reply, { errors }) => refused(request, reply, found, errors),
      field: 'form',
      submit: async (form) => {
        const result = await agreements.movePoint(found.id, request.params.pointId, form.direction, {
          actor: actorOf(request),
          agreementVersion: Number(form.agreementVersion),
        })
        if (!result.ok) return result
        return { ok: true, redirect: `${base(found.id)}#point-${request.params.pointId}`, flash: 'Point moved' }
      },
    })
  })
}

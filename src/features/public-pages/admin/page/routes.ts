// /admin/public-pages/:page: the wording of the privacy notice, the accessibility statement or the
// cookies page. Saving it (or going back to the standard wording) is in the audit trail; wording
// saved from a page that showed an older version is refused, with the newer one shown.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { notFound } from '../../../../web/errors.ts'
import { parseForm, submitForm, type FormErrors } from '../../../../web/forms.ts'
import { auditActorOf } from '../../../audit/index.ts'
import { isPageKind, pages, placeholderNames, type PageKind } from '../../placeholders.ts'
import { createPublicPagesService, fingerprint } from '../../service.ts'
import { publicPagesAdmin } from '../routes.ts'
import { wordingFormSchema, wordingMaxLength } from '../schema.ts'

const view = 'public-pages/admin/page/view.njk'

export default async function publicPageWording(app: FastifyInstance, { database, clock }: AppDeps) {
  const service = createPublicPagesService({ db: database.db, clock })
  const kindOf = (params: unknown) => {
    const kind = (params as { page: string }).page
    return isPageKind(kind) ? kind : undefined
  }

  async function render(reply: FastifyReply, kind: PageKind, values?: Record<string, unknown>, errors?: FormErrors) {
    const wording = await service.wordingOf(kind)
    return reply.view(view, {
      kind,
      page: pages[kind],
      changed: wording.changed,
      // After a refusal because someone else saved first, the form carries their version's fingerprint.
      values: { ...(values ?? { wording: wording.text }), shown: fingerprint(wording.text) },
      placeholders: Object.entries(placeholderNames).map(([name, meaning]) => ({ name: `((${name}))`, meaning })),
      wordingMaxLength,
      errors,
    })
  }

  app.get('/admin/public-pages/:page', { config: publicPagesAdmin }, async (request, reply) => {
    const kind = kindOf(request.params)
    return kind ? render(reply, kind) : notFound(request, reply)
  })

  app.post('/admin/public-pages/:page', { config: publicPagesAdmin }, async (request, reply) => {
    const kind = kindOf(request.params)
    if (!kind) return notFound(request, reply)
    return submitForm(request, reply, {
      parse: (body) => parseForm(wordingFormSchema, body),
      render: (reply, { values, errors }) => render(reply, kind, values, errors),
      field: 'wording',
      submit: async ({ wording, shown }) => {
        const saved = await service.saveWording(kind, wording, shown, auditActorOf(request))
        if (!saved.ok) return saved
        const flash = saved.changed
          ? `The wording of the ${pages[kind].title.toLowerCase()} is saved`
          : 'Nothing was changed'
        return { ok: true, redirect: '/admin/public-pages', flash }
      },
    })
  })

  // Back to the standard wording: a button, with the fingerprint of the wording it replaces.
  app.post('/admin/public-pages/:page/reset', { config: publicPagesAdmin }, async (request, reply) => {
    const kind = kindOf(request.params)
    if (!kind) return notFound(request, reply)
    const shown = String((request.body as { shown?: unknown } | undefined)?.shown ?? '')
    const saved = await service.saveWording(kind, pages[kind].standard, shown, auditActorOf(request))
    if (!saved.ok)
      return render(reply.code(409), kind, undefined, {
        summary: [{ text: saved.reason, href: '#wording' }],
        fields: { wording: { text: saved.reason } },
      })
    request.session.flash = `The ${pages[kind].title.toLowerCase()} is back to the standard wording`
    return reply.redirect('/admin/public-pages', 303)
  })
}

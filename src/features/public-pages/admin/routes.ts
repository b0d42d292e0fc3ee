// /admin/public-pages: the provider's own details (its name, address, phone and email, shown on the
// privacy notice and wherever a council has none of its own), and the public pages whose wording
// administrators change.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { parseForm, submitForm, type FormErrors } from '../../../web/forms.ts'
import { auditActorOf } from '../../audit/index.ts'
import { pages } from '../placeholders.ts'
import { createPublicPagesService } from '../service.ts'
import { providerFormSchema } from './schema.ts'

export const publicPagesAdmin = { access: ['administrator'] as const }
const view = 'public-pages/admin/view.njk'

export default async function publicPagesAdminPage(app: FastifyInstance, { database, clock }: AppDeps) {
  const service = createPublicPagesService({ db: database.db, clock })

  async function render(reply: FastifyReply, values?: Record<string, unknown>, errors?: FormErrors) {
    const [provider, wordings] = await Promise.all([service.providerSettings(), service.wordings()])
    return reply.view(view, {
      // What was typed is kept; the fingerprint is always of the details as they are now.
      values: { ...(values ?? provider.values), shown: provider.shown },
      // A field left blank reads as the first council's: the hint says what that is now.
      shownNow: provider.contact,
      pages: wordings.map((w) => ({ ...w, ...pages[w.kind] })),
      errors,
    })
  }

  app.get('/admin/public-pages', { config: publicPagesAdmin }, async (_request, reply) => render(reply))

  app.post('/admin/public-pages', { config: publicPagesAdmin }, async (request, reply) =>
    submitForm(request, reply, {
      parse: (body) => parseForm(providerFormSchema, body),
      render: (reply, { values, errors }) => render(reply, values, errors),
      field: 'name',
      submit: async ({ shown, _csrf, ...details }) => {
        const saved = await service.saveProvider(details, shown, auditActorOf(request))
        if (!saved.ok) return saved
        const flash = saved.changed ? "The provider's details are saved" : 'Nothing was changed'
        return { ok: true, redirect: '/admin/public-pages', flash }
      },
    }),
  )
}

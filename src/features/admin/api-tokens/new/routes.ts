// /admin/api-tokens/new: issue a token for one council. It is shown once, on the next page.
import { randomUUID } from 'node:crypto'
import { asc } from 'drizzle-orm'
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { localAuthorities } from '../../../../db/schema/index.ts'
import { currentUser } from '../../../../web/auth.ts'
import { fieldError, parseForm, renderInvalid } from '../../../../web/forms.ts'
import { createApiTokenService } from '../../../api/index.ts'
import { adminOnly } from '../../users/routes.ts'
import { keepTokenToShow, tokenMadeBy } from '../shown-once.ts'
import { newTokenSchema } from './schema.ts'

const view = 'admin/api-tokens/new/view.njk'

export default async function newApiToken(app: FastifyInstance, { database, clock, config }: AppDeps) {
  const tokens = createApiTokenService(database.db, clock)
  const authorities = () => database.db.select().from(localAuthorities).orderBy(asc(localAuthorities.name))
  const page = async (values: Record<string, unknown>) => ({
    values,
    authorityItems: [
      { value: '', text: 'Choose a council' },
      ...(await authorities()).map((a) => ({ value: a.code, text: a.name, selected: a.code === values.authority })),
    ],
    backLink: '/admin/api-tokens',
  })

  app.get('/admin/api-tokens/new', { config: adminOnly }, async (_request, reply) =>
    reply.view(view, await page({ submissionKey: randomUUID() })),
  )

  app.post('/admin/api-tokens/new', { config: adminOnly }, async (request, reply) => {
    const body = (request.body ?? {}) as Record<string, unknown>
    const form = parseForm(newTokenSchema, body)
    if (!form.ok) return renderInvalid(reply, view, form.errors, await page(body))
    const { submissionKey, name, authority } = form.data

    // The same form sent twice (a double click, a retry): go to the token it already made.
    const already = tokenMadeBy(request, submissionKey)
    if (already) return reply.redirect(`/admin/api-tokens/${already}/token`, 303)

    const chosen = (await authorities()).find((a) => a.code === authority)
    if (!chosen)
      return renderInvalid(
        reply,
        view,
        fieldError('authority', 'Select the council the token is for'),
        await page(body),
      )
    const user = currentUser(request)
    const made = await tokens.issue({ name, localAuthorityId: chosen.id, createdBy: user.email })
    request.log.info({ by: user.id, apiToken: made.id }, 'API token issued')
    keepTokenToShow(request, config.SESSION_SECRET, made.id, made.token, submissionKey)
    return reply.redirect(`/admin/api-tokens/${made.id}/token`, 303)
  })
}

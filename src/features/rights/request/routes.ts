// /rights/:id: one request, where it stands and its deadline, and where the person was found: a
// search of every case this person may see (by name, email, phone and date of birth), each match
// ticked to keep it (POST /rights/:id/matches). The decision, the export and what was done are the
// forms of decision/ and exports/ on this same page.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { currentUser } from '../../../web/auth.ts'
import { parseForm } from '../../../web/forms.ts'
import { auditActorOf } from '../../audit/index.ts'
import { rightsAccess } from '../access.ts'
import { createRightsPages } from '../page-service.ts'
import { createRightsService } from '../service.ts'
import { renderRequest, searchOf } from './render.ts'
import { matchesOf, matchesSchema, searchQuery } from './schema.ts'

type Params = { Params: { id: string } }

export default async function requestPage(app: FastifyInstance, deps: AppDeps) {
  const pages = createRightsPages({ db: deps.database.db, clock: deps.clock })
  const service = createRightsService({ db: deps.database.db, clock: deps.clock })

  app.get<Params>('/rights/:id', { config: rightsAccess }, async (request, reply) => {
    const q = searchQuery.parse(request.query ?? {})
    const { asked, errors } = searchOf(q)
    const searchValues = q.search === undefined ? undefined : q
    return renderRequest(errors ? reply.code(400) : reply, pages, request.params.id, {
      search: asked,
      searchValues,
      errors,
    })
  })

  app.post<Params>('/rights/:id/matches', { config: rightsAccess }, async (request, reply) => {
    const form = parseForm(matchesSchema, request.body)
    if (!form.ok) return renderRequest(reply.code(400), pages, request.params.id, { errors: form.errors })
    const result = await service.chooseMatches(
      currentUser(request),
      auditActorOf(request),
      request.params.id,
      form.data.version,
      {
        shown: matchesOf(form.data.shown),
        picked: matchesOf(form.data.match),
      },
    )
    if (!result.ok) {
      if (result.code === 'not-found') return renderRequest(reply, pages, request.params.id)
      const errors = {
        summary: [{ text: result.reason, href: '#matches' }],
        fields: { matches: { text: result.reason } },
      }
      return renderRequest(reply.code(result.code === 'stale' ? 409 : 400), pages, request.params.id, { errors })
    }
    request.session.flash = 'Matches saved'
    return reply.redirect(`/rights/${request.params.id}#found`, 303)
  })
}

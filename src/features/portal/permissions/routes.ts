// /portal/permissions: for the parent or young person, who acts for them on this case (a SENDIASS
// officer, say) and the permission they gave. Withdrawing it ends that person's access at once,
// their open sessions too.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { notFound } from '../../../web/errors.ts'
import { createPartyPages } from '../party-pages.ts'
import { partyFor, portalAccess, portalContext } from '../page.ts'
import { createPortalService } from '../service.ts'

export default async function portalPermissions(app: FastifyInstance, deps: AppDeps) {
  const pages = createPartyPages({ db: deps.database.db, clock: deps.clock })
  const service = createPortalService({ db: deps.database.db, clock: deps.clock })

  app.get('/portal/permissions', { config: portalAccess }, async (request, reply) => {
    const party = await partyFor(request, reply, 'permissions')
    if (!party) return reply
    return reply.view('portal/permissions/view.njk', {
      ...portalContext(deps, party, 'permissions'),
      permissions: await pages.permissions(party),
    })
  })

  // A button with no fields: nothing to put right, so no submitForm.
  app.post('/portal/permissions/:permissionId/withdraw', { config: portalAccess }, async (request, reply) => {
    const party = await partyFor(request, reply, 'permissions')
    if (!party) return reply
    const result = await service.withdrawPermission(party, (request.params as { permissionId: string }).permissionId)
    if (!result.ok) return notFound(request, reply)
    request.session.flash = 'You have withdrawn your permission. They can no longer see your case'
    return reply.redirect('/portal/permissions', 303)
  })
}

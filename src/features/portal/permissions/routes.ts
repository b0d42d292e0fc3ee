// /portal/permissions: for the parent or young person, who acts for them on this case (a SENDIASS
// officer, say) and the permission they gave. Withdrawing it ends that person's access at once,
// their open sessions too.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { partyFor, portalAccess, portalContext } from '../page.ts'
import { permissionsOf } from '../repository.ts'
import { createPortalService } from '../service.ts'

export default async function portalPermissions(app: FastifyInstance, deps: AppDeps) {
  const db = deps.database.db
  const service = createPortalService({ db, clock: deps.clock })

  app.get('/portal/permissions', { config: portalAccess }, async (request, reply) => {
    const party = await partyFor(request, reply, 'permissions')
    if (!party) return reply
    const rows = await permissionsOf(db, party.caseId)
    return reply.view('portal/permissions/view.njk', {
      ...portalContext(deps, party, 'permissions'),
      permissions: rows.map(({ permission, party: who }) => ({
        id: permission.id,
        who: who.organisation ? `${who.name}, ${who.organisation}` : who.name,
        givenBy: permission.givenBy,
        givenOn: permission.givenOn,
        forWhat: permission.forWhat,
        withdrawnAt: permission.withdrawnAt,
      })),
    })
  })

  app.post('/portal/permissions/:permissionId/withdraw', { config: portalAccess }, async (request, reply) => {
    const party = await partyFor(request, reply, 'permissions')
    if (!party) return reply
    const { permissionId } = request.params as { permissionId: string }
    const result = /^[0-9a-f-]{36}$/i.test(permissionId)
      ? await service.withdrawPermission(party, permissionId.toLowerCase())
      : undefined
    if (!result?.ok) return reply.code(404).view('errors/not-found.njk')
    request.session.flash = 'You have withdrawn your permission. They can no longer see your case'
    return reply.redirect('/portal/permissions', 303)
  })
}

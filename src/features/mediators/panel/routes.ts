// /mediators: the whole panel's standing on one page, sortable by name or status, with a warning
// when anything is about to lapse.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { WARNING_DAYS } from '../../../domain/mediator-standing.ts'
import { hasRole } from '../../../web/auth.ts'
import { panelViewers, profileEditors } from '../access.ts'
import { createPanelPages } from '../page-service.ts'
import { panelQuerySchema, type PanelSort } from './schema.ts'

const view = 'mediators/panel/view.njk'

export default async function panel(app: FastifyInstance, { database, clock }: AppDeps) {
  const pages = createPanelPages({ db: database.db, clock })

  app.get('/mediators', { config: { access: panelViewers } }, async (request, reply) => {
    const { sort, order } = panelQuerySchema.parse(request.query ?? {})
    const page = await pages.panel(sort, order)
    const header = (key: PanelSort, text: string) => {
      const active = sort === key
      const next = active && order === 'asc' ? 'desc' : 'asc'
      return {
        text,
        href: `/mediators?sort=${key}&order=${next}`,
        ariaSort: active ? (order === 'asc' ? 'ascending' : 'descending') : 'none',
      }
    }
    return reply.view(view, {
      ...page,
      headers: { name: header('name', 'Name'), status: header('status', 'Status') },
      warningDays: WARNING_DAYS,
      canAdd: hasRole(request.user, ...profileEditors),
    })
  })
}

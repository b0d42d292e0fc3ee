// /mediators: the whole panel's standing on one page, sortable by name or status, with a warning
// when anything is about to lapse.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { WARNING_DAYS } from '../../../domain/mediator-standing.ts'
import { hasRole } from '../../../web/auth.ts'
import { panelViewers, profileEditors } from '../access.ts'
import { languageLabel } from '../labels.ts'
import { listLocalAuthorities, listPanel } from '../repository.ts'
import { standingOf, statusRank } from '../standing.ts'
import { panelQuerySchema, type PanelSort } from './schema.ts'

const view = 'mediators/panel/view.njk'

export default async function panel(app: FastifyInstance, { database, clock }: AppDeps) {
  app.get('/mediators', { config: { access: panelViewers } }, async (request, reply) => {
    const { sort, order } = panelQuerySchema.parse(request.query ?? {})
    const today = clock.today()
    const [rows, authorities] = await Promise.all([listPanel(database.db), listLocalAuthorities(database.db)])
    const areaName = new Map(authorities.map((a) => [a.code, a.name]))

    const mediators = rows.map(({ mediator, cpdHoursByYear }) => ({
      id: mediator.id,
      name: mediator.name,
      active: mediator.active,
      standing: standingOf(mediator, cpdHoursByYear, today),
      languages: mediator.languages.map(languageLabel),
      areas: mediator.areas.map((code) => areaName.get(code) ?? code),
    }))
    const byName = (a: { name: string }, b: { name: string }) =>
      a.name.localeCompare(b.name, 'en-GB', { sensitivity: 'base' })
    mediators.sort((a, b) => {
      const c =
        sort === 'status' ? statusRank[a.standing.status] - statusRank[b.standing.status] || byName(a, b) : byName(a, b)
      return order === 'asc' ? c : -c
    })

    const header = (key: PanelSort, text: string) => {
      const active = sort === key
      const next = active && order === 'asc' ? 'desc' : 'asc'
      return {
        text,
        href: `/mediators?sort=${key}&order=${next}`,
        ariaSort: active ? (order === 'asc' ? 'ascending' : 'descending') : 'none',
      }
    }
    const lapsing = mediators.filter((m) => m.active && m.standing.lapsingSoon).length
    return reply.view(view, {
      mediators,
      headers: { name: header('name', 'Name'), status: header('status', 'Status') },
      lapsing,
      warningDays: WARNING_DAYS,
      canAdd: hasRole(request.user, ...profileEditors),
      counts: {
        ok: mediators.filter((m) => m.standing.canBeAllocated).length,
        blocked: mediators.filter((m) => !m.standing.canBeAllocated).length,
      },
    })
  })
}

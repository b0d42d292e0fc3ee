// /admin/retention/holds: the legal holds in place, newest first, a page at a time. A case under a
// hold is kept whole by the retention job until the hold is lifted.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { holdReasons, type HoldReason } from '../../../domain/retention.ts'
import { adminOnly } from '../access.ts'
import { pageSize, readTimeAfter, timeAfterText } from '../paging.ts'
import { holdsPage } from '../service.ts'

export default async function retentionHolds(app: FastifyInstance, { database }: AppDeps) {
  app.get('/admin/retention/holds', { config: adminOnly }, async (request, reply) => {
    const after = readTimeAfter((request.query as { after?: unknown } | undefined)?.after)
    const found = await holdsPage(database.db, { after, limit: pageSize + 1 })
    const rows = found
      .slice(0, pageSize)
      .map((h) => ({ ...h, reasonText: holdReasons[h.reason as HoldReason] ?? h.reason }))
    const last = rows.at(-1)
    return reply.view('retention/holds/view.njk', {
      rows,
      nextHref:
        found.length > pageSize && last
          ? `/admin/retention/holds?${new URLSearchParams({ after: timeAfterText(last.placedAt, last.id) })}`
          : undefined,
      firstHref: after ? '/admin/retention/holds' : undefined,
      backLink: '/admin/retention',
    })
  })
}

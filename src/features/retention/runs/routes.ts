// /admin/retention/runs: each run of the retention job, newest first, a page at a time: when, how
// many it anonymised, by council, and how many it kept under a hold.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { adminOnly } from '../access.ts'
import { pageSize, readTimeAfter, timeAfterText } from '../paging.ts'
import { runsLog } from '../service.ts'

const statusText: Record<string, string> = { running: 'Running', done: 'Done', failed: 'Stopped by a problem' }

export default async function retentionRuns(app: FastifyInstance, { database }: AppDeps) {
  app.get('/admin/retention/runs', { config: adminOnly }, async (request, reply) => {
    const after = readTimeAfter((request.query as { after?: unknown } | undefined)?.after)
    const found = await runsLog(database.db, { after, limit: pageSize + 1 })
    const rows = found.slice(0, pageSize).map((r) => ({
      ...r,
      statusText: statusText[r.status] ?? r.status,
      councils: Object.values(r.byCouncil).sort((a, b) => a.name.localeCompare(b.name)),
    }))
    const last = rows.at(-1)
    return reply.view('retention/runs/view.njk', {
      rows,
      nextHref:
        found.length > pageSize && last
          ? `/admin/retention/runs?${new URLSearchParams({ after: timeAfterText(last.startedAt, last.id) })}`
          : undefined,
      firstHref: after ? '/admin/retention/runs' : undefined,
      backLink: '/admin/retention',
    })
  })
}

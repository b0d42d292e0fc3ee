// /admin/retention/due: what the next run of the retention job will anonymise for a council,
// oldest first, a page at a time (keyset: after the last row's day and case). Cases under a legal
// hold, or with a complaint still open, are not in it: the job keeps them.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import type { AppDeps } from '../../../app-deps.ts'
import { anonymiseOn } from '../../../domain/retention.ts'
import { adminOnly } from '../access.ts'
import { dueAfterText, pageSize, readDueAfter } from '../paging.ts'
import { nextRunPage, scheduleOf, schedules } from '../service.ts'

const query = z.object({ council: z.string().optional(), after: z.string().optional() }).loose()

export default async function retentionDue(app: FastifyInstance, { database, clock }: AppDeps) {
  const db = database.db
  app.get('/admin/retention/due', { config: adminOnly }, async (request, reply) => {
    const q = query.parse(request.query ?? {})
    const councils = await schedules(db)
    const council = councils.find((c) => c.id === q.council) ?? councils[0]
    if (!council) return reply.view('retention/due/view.njk', { councils: [], rows: [] })
    const after = readDueAfter(q.after)
    const page = await nextRunPage({ db, clock }, council.id, after, pageSize + 1)
    const schedule = await scheduleOf(db, council.id)
    const rows = page.rows.slice(0, pageSize).map((r) => ({
      ...r,
      kindText: r.kind === 'enquiry' ? 'Enquiry' : 'Case',
      dueOn: anonymiseOn(r.closedOn, r.kind === 'enquiry' ? schedule.enquiryMonths : schedule.caseMonths),
    }))
    const last = rows.at(-1)
    const href = (extra: Record<string, string> = {}) =>
      `/admin/retention/due?${new URLSearchParams({ council: council.id, ...extra })}`
    return reply.view('retention/due/view.njk', {
      council,
      councilItems: councils.map((c) => ({ value: c.id, text: c.name, selected: c.id === council.id })),
      endedBy: page.endedBy,
      rows,
      nextHref: page.rows.length > pageSize && last ? href({ after: dueAfterText(last) }) : undefined,
      firstHref: after ? href() : undefined,
      backLink: '/admin/retention',
    })
  })
}

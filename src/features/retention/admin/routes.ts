// /admin/retention: how long each council keeps what has ended (its own schedule or the
// defaults), and the ways to what the next run will anonymise, the legal holds and the runs.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { defaultRetention } from '../../../domain/retention.ts'
import { adminOnly, monthsText } from '../access.ts'
import { schedules } from '../service.ts'

export default async function retentionOverview(app: FastifyInstance, { database }: AppDeps) {
  app.get('/admin/retention', { config: adminOnly }, async (_request, reply) =>
    reply.view('retention/admin/view.njk', {
      councils: (await schedules(database.db)).map((c) => ({
        ...c,
        enquiryText: monthsText(c.enquiryMonths),
        caseText: monthsText(c.caseMonths),
      })),
      defaults: {
        enquiryText: monthsText(defaultRetention.enquiryMonths),
        caseText: monthsText(defaultRetention.caseMonths),
      },
    }),
  )
}

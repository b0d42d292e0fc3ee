// /today: the staff home. "What needs me today?", most urgent first.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app-deps.ts'
import { roles } from '../../db/schema/index.ts'
import { currentUser } from '../../web/auth.ts'
import { undeliveredMessages, whatNeedsMe, type TodayUrgency } from './service.ts'

const urgencyTags: Record<TodayUrgency, { text: string; classes: string }> = {
  overdue: { text: 'Overdue', classes: 'govuk-tag--red' },
  'due-today': { text: 'Due today', classes: 'govuk-tag--orange' },
  'due-soon': { text: 'Due soon', classes: 'govuk-tag--yellow' },
}

export default async function today(app: FastifyInstance, { database, clock }: AppDeps) {
  app.get('/today', { config: { access: roles } }, async (request, reply) => {
    const user = currentUser(request)
    const items = await whatNeedsMe(database.db, clock, user)
    const count = (u: TodayUrgency) => items.filter((i) => i.urgency === u).length
    return reply.view('today/view.njk', {
      today: clock.today(),
      items: items.map((i) => ({ ...i, tag: urgencyTags[i.urgency] })),
      counts: { overdue: count('overdue'), dueToday: count('due-today'), dueSoon: count('due-soon') },
      seesAll: user.roles.includes('manager') || user.roles.includes('administrator'),
      undelivered: await undeliveredMessages(database.db, user),
    })
  })
}

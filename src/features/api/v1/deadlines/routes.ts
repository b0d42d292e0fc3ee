// POST /api/v1/deadlines: what the deadlines would be after these events, and the follow-up dates
// of an agreement if one is given, worked out as the case page would. Nothing is stored.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { icbNoticeLabel, icbNoticeOf, plannedPoints } from '../../../../domain/agreement-items.ts'
import { deadlineJson } from '../../cases.ts'
import { apiRoute, invalid, parseBody } from '../../http.ts'
import { whatIfSchema, type DeadlineResponse } from '../../schemas.ts'
import { workOutDeadlines } from '../../../cases/index.ts'

export default async function deadlines(app: FastifyInstance, { database, clock }: AppDeps) {
  const schema = whatIfSchema()

  app.post('/api/v1/deadlines', { config: apiRoute }, async (request, reply) => {
    const parsed = parseBody(schema, request.body)
    if (!parsed.ok) return invalid(reply, parsed.fields)
    const today = parsed.data.today ?? clock.today()
    const { deadlines, calendar } = await workOutDeadlines(database.db, parsed.data.events, today)
    const answer = deadlines.map((d) => deadlineJson(d))
    const agreement = parsed.data.agreement
    if (agreement) {
      const startedBy = { type: 'agreement-finalised' as const, date: agreement.date }
      const status = (due: string) => (today > due ? 'overdue' : 'open')
      plannedPoints(agreement.items, agreement.date, calendar).forEach((p, i) =>
        answer.push({
          name: 'agreement-point',
          label: `Agreement point ${i + 1}: ${p.what} (${p.responsible})`,
          dueDate: p.due.dueDate,
          status: status(p.due.dueDate),
          rule: p.due.rule,
          source: p.due.source,
          startedBy,
          beyondCalendar: p.due.beyondCalendar,
          agreementPoint: { number: i + 1, item: p.item, what: p.what, responsible: p.responsible },
        }),
      )
      const notice = icbNoticeOf(agreement.councilWasParty, agreement.date, calendar)
      if (notice)
        answer.push({
          name: 'agreement-icb-notice',
          label: icbNoticeLabel,
          dueDate: notice.dueDate,
          status: status(notice.dueDate),
          rule: notice.rule,
          source: notice.source,
          startedBy,
          beyondCalendar: calendar.isProvisional(notice.dueDate),
        })
    }
    const byDate = (a: DeadlineResponse, b: DeadlineResponse) => a.dueDate.localeCompare(b.dueDate)
    return reply.send({ deadlines: answer.sort(byDate) })
  })
}

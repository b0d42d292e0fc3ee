// /admin/retention/councils/:id: how long one council keeps an enquiry that never became a case,
// and a case, after it ended. Saving gives the council its own schedule (audited).
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { notFound } from '../../../web/errors.ts'
import { parseForm, submitForm, type FormErrors } from '../../../web/forms.ts'
import { auditActorOf } from '../../audit/index.ts'
import { adminOnly, monthsText } from '../access.ts'
import { changeSchedule, schedules } from '../service.ts'
import { scheduleSchema } from './schema.ts'

const view = 'retention/council/view.njk'

export default async function retentionCouncil(app: FastifyInstance, { database, clock }: AppDeps) {
  const db = database.db
  const councilOf = async (id: string) => (await schedules(db)).find((c) => c.id === id)
  const render = (reply: FastifyReply, council: object, values: object, errors?: FormErrors) =>
    reply.view(view, { council, values, errors, backLink: '/admin/retention' })

  app.get<{ Params: { id: string } }>(
    '/admin/retention/councils/:id',
    { config: adminOnly },
    async (request, reply) => {
      const council = await councilOf(request.params.id)
      if (!council) return notFound(request, reply)
      return render(
        reply,
        { ...council, enquiryText: monthsText(council.enquiryMonths) },
        {
          enquiryMonths: String(council.enquiryMonths),
          caseMonths: String(council.caseMonths),
        },
      )
    },
  )

  app.post<{ Params: { id: string } }>(
    '/admin/retention/councils/:id',
    { config: adminOnly },
    async (request, reply) => {
      const council = await councilOf(request.params.id)
      if (!council) return notFound(request, reply)
      return submitForm(request, reply, {
        parse: (body) => parseForm(scheduleSchema, body),
        render: (reply, { values, errors }) => render(reply, council, values, errors),
        field: 'enquiryMonths',
        submit: async ({ enquiryMonths, caseMonths }) => {
          await changeSchedule({ db, clock }, council.id, { enquiryMonths, caseMonths }, auditActorOf(request))
          return {
            ok: true,
            redirect: '/admin/retention',
            flash: `${council.name} now keeps an enquiry for ${monthsText(enquiryMonths)} and a case for ${monthsText(caseMonths)} after it ended.`,
          }
        },
      })
    },
  )
}

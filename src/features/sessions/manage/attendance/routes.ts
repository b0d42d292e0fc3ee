// /sessions/:id/attendance: once the session has started, tick who came (a look at personal
// data, recorded; each change in the audit trail). The figures count those ticked.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { currentUser } from '../../../../web/auth.ts'
import { notFound } from '../../../../web/errors.ts'
import { parseForm, submitForm, type FormErrors } from '../../../../web/forms.ts'
import { auditActorOf } from '../../../audit/index.ts'
import { sessionServiceOf, sessionStaff, sessionView, staffBase } from '../../page.ts'
import { attendanceSchema } from './schema.ts'

const view = 'sessions/manage/attendance/view.njk'

export default async function attendancePage(app: FastifyInstance, deps: AppDeps) {
  const sessions = sessionServiceOf(deps)

  async function render(request: FastifyRequest, reply: FastifyReply, errors?: FormErrors) {
    const { id } = request.params as { id: string }
    const found = await sessions.withBookings(currentUser(request), id, request.url)
    if (!found) return notFound(request, reply)
    const items = found.bookings
      .filter((b) => b.status === 'booked')
      .map((b) => ({ value: b.id, text: b.name, checked: b.attended === true }))
    return reply.view(view, {
      session: sessionView(found),
      items,
      started: found.started,
      errors,
      backLink: staffBase(id),
    })
  }

  app.get('/sessions/:id/attendance', { config: sessionStaff }, (request, reply) => render(request, reply))

  app.post('/sessions/:id/attendance', { config: sessionStaff }, async (request, reply) => {
    const { id } = request.params as { id: string }
    return submitForm(request, reply, {
      parse: (body) => parseForm(attendanceSchema, body),
      render: (reply, { errors }) => render(request, reply, errors),
      field: 'attended',
      submit: async (form) => {
        const done = await sessions.recordAttendance(currentUser(request), id, form.attended, auditActorOf(request))
        if (!done.ok) return done
        return { ok: true, redirect: staffBase(id), flash: 'Attendance saved.' }
      },
    })
  })
}

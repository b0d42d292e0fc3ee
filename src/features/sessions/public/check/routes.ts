// /services/:council/sessions/:id/check: "Check your answers", then book. The booking is made
// once whatever the number of posts (the page's one-time key); the last place taken meanwhile
// gives a clear "now full" with the waiting list offered, and the confirmation comes after commit.
import { randomUUID } from 'node:crypto'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { parseForm, submitForm, type FormErrors } from '../../../../web/forms.ts'
import { bookingServiceOf, publicForm, publicPage, sessionView } from '../../page.ts'
import { journeyPaths, readJourney, writeJourney } from '../journey.ts'
import { publicSessionOr404 } from '../page.ts'
import { sendSchema } from './schema.ts'

const view = 'sessions/public/check/view.njk'

export default async function checkPage(app: FastifyInstance, deps: AppDeps) {
  const bookings = bookingServiceOf(deps)

  async function render(request: FastifyRequest, reply: FastifyReply, errors?: FormErrors) {
    const found = await publicSessionOr404(bookings, request, reply)
    if (!found) return reply
    const paths = journeyPaths(found.council.code, found.session.id)
    const journey = readJourney(request, found.session.id)
    if (!journey.answers) return reply.redirect(paths.book, 303)
    const submissionKey = journey.submissionKey ?? randomUUID()
    writeJourney(request, { ...journey, submissionKey })
    const a = journey.answers
    const change = (field: string, what: string) => ({
      items: [{ href: `${paths.book}#${field}`, text: 'Change', visuallyHiddenText: what }],
    })
    return reply.view(view, {
      session: sessionView(found),
      state: found.state,
      rows: [
        { key: { text: 'Name' }, value: { text: a.name }, actions: change('name', 'your name') },
        {
          key: { text: 'Send my booking by' },
          value: { text: a.channel === 'email' ? `Email: ${a.email}` : `Text message: ${a.phone}` },
          actions: change('channel', 'how we send your booking'),
        },
        {
          key: { text: 'Help to take part' },
          value: { text: a.adjustments || 'None' },
          actions: change('adjustments', 'the help you need'),
        },
      ],
      submissionKey,
      errors,
      paths,
      backLink: paths.book,
    })
  }

  app.get('/services/:council/sessions/:id/check', { config: publicPage }, (request, reply) => render(request, reply))

  app.post('/services/:council/sessions/:id/check', { config: publicForm }, async (request, reply) => {
    const { council, id } = request.params as { council: string; id: string }
    const paths = journeyPaths(council, id)
    return submitForm(request, reply, {
      parse: (body) => parseForm(sendSchema, body),
      render: (reply, { errors }) => render(request, reply, errors),
      field: 'submissionKey',
      submit: async ({ submissionKey, want }) => {
        const journey = readJourney(request, id)
        // Sent already from this browser: the same confirmation.
        if (journey.done?.submissionKey === submissionKey) return { ok: true, redirect: paths.booked }
        if (!journey.answers) return { ok: true, redirect: paths.book }
        const booked = await bookings.book(council, id, { ...journey.answers, want }, submissionKey, request.ip || null)
        if (!booked.ok) return booked
        writeJourney(request, {
          sessionId: id,
          done: { sessionId: id, status: booked.status, submissionKey, channel: journey.answers.channel },
        })
        return { ok: true, redirect: paths.booked }
      },
    })
  })
}

// /services/:council/sessions/:id/book: the person's details for a place (or the waiting list):
// kept in their session, then "Check your answers". Booking closed: the page says so.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { parseForm, submitForm, type FormErrors } from '../../../../web/forms.ts'
import { bookingServiceOf, publicForm, publicPage, sessionView } from '../../page.ts'
import { journeyPaths, readJourney, writeJourney } from '../journey.ts'
import { publicSessionOr404 } from '../page.ts'
import { detailsSchema } from './schema.ts'

const view = 'sessions/public/book/view.njk'

export default async function bookPage(app: FastifyInstance, deps: AppDeps) {
  const bookings = bookingServiceOf(deps)

  async function render(
    request: FastifyRequest,
    reply: FastifyReply,
    values?: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    const found = await publicSessionOr404(bookings, request, reply)
    if (!found) return reply
    const paths = journeyPaths(found.council.code, found.session.id)
    const journey = readJourney(request, found.session.id)
    return reply.view(view, {
      session: sessionView(found),
      state: found.state,
      values: values ?? journey.answers ?? {},
      errors,
      paths,
      backLink: paths.session,
    })
  }

  app.get('/services/:council/sessions/:id/book', { config: publicPage }, (request, reply) => render(request, reply))

  app.post('/services/:council/sessions/:id/book', { config: publicForm }, async (request, reply) => {
    const { council, id } = request.params as { council: string; id: string }
    return submitForm(request, reply, {
      parse: (body) => parseForm(detailsSchema, body),
      render: (reply, { values, errors }) => render(request, reply, values, errors),
      field: 'name',
      submit: async ({ _csrf: _, ...answers }) => {
        const journey = readJourney(request, id)
        writeJourney(request, { ...journey, answers })
        return { ok: true, redirect: journeyPaths(council, id).check }
      },
    })
  })
}

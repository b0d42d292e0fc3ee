// /services/:council/sessions/bookings/:token: the person's own booking, from the link in their
// message (an unguessable token, never logged), with a button to cancel it. Cancelling gives the
// place to the first on the waiting list, who is told.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { notFound } from '../../../../web/errors.ts'
import { parseForm, submitForm, type FormErrors } from '../../../../web/forms.ts'
import { bookingServiceOf, publicBase, publicForm, publicPage, sessionView } from '../../page.ts'
import { withCouncilFooter } from '../page.ts'
import { cancelSchema } from './schema.ts'

const path = '/services/:council/sessions/bookings/:token'

export default async function bookingPage(app: FastifyInstance, deps: AppDeps) {
  const bookings = bookingServiceOf(deps)

  async function render(request: FastifyRequest, reply: FastifyReply, errors?: FormErrors) {
    const { council, token } = request.params as { council: string; token: string }
    const found = await bookings.bookingByToken(council, token)
    if (!found) return notFound(request, reply)
    withCouncilFooter(reply, found.council)
    return reply.view('sessions/public/booking/view.njk', {
      session: sessionView(found),
      council: found.council,
      status: found.booking.status,
      name: found.booking.name,
      started: deps.clock.now() >= found.session.startsAt,
      errors,
      listHref: publicBase(found.council.code),
    })
  }

  app.get(path, { config: publicPage }, (request, reply) => render(request, reply))

  app.post(path, { config: publicForm }, async (request, reply) => {
    const { council, token } = request.params as { council: string; token: string }
    return submitForm(request, reply, {
      parse: (body) => parseForm(cancelSchema, body),
      render: (reply, { errors }) => render(request, reply, errors),
      field: 'cancel',
      submit: async () => {
        const done = await bookings.cancelByToken(council, token, request.ip || null)
        if (!done.ok) return done
        return {
          ok: true,
          redirect: request.url.split('?')[0]!,
          flash: 'Your booking is cancelled. We have sent you a message to confirm it.',
        }
      },
    })
  })
}

// What the public sessions pages share: the council and session from the address (else the
// not-found page), and the council's contact details in the layout's footer.
import type { FastifyReply, FastifyRequest } from 'fastify'
import { notFound } from '../../../web/errors.ts'
import type { BookingService, SessionCouncil } from '../booking-service.ts'

export const withCouncilFooter = (reply: FastifyReply, council: SessionCouncil) => {
  reply.locals = {
    ...reply.locals,
    service: {
      serviceName: council.serviceName,
      phone: council.phone,
      email: council.email,
      openingHours: council.openingHours,
      address: council.address,
    },
  }
}

/** The council and the session in the address, or undefined (the not-found page is sent). */
export async function publicSessionOr404(bookings: BookingService, request: FastifyRequest, reply: FastifyReply) {
  const { council: code, id } = request.params as { council: string; id: string }
  const found = await bookings.publicSession(code, id)
  if (!found) {
    await notFound(request, reply)
    return undefined
  }
  withCouncilFooter(reply, found.council)
  return found
}

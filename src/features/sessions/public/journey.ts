// The booking journey's answers, kept in the visitor's session between its pages (the details,
// then "Check your answers"), and what was booked, for the confirmation page.
import type { FastifyRequest } from 'fastify'

export interface BookingAnswers {
  name: string
  channel: 'email' | 'text'
  email: string
  phone: string
  adjustments: string
}

export interface BookingJourney {
  sessionId: string
  answers?: BookingAnswers
  /** The check page's one-time key, the same until it is sent. */
  submissionKey?: string
  /** What the last send made, for the confirmation page. */
  done?: { sessionId: string; status: string; submissionKey: string; channel: 'email' | 'text' }
}

declare module 'fastify' {
  interface Session {
    /** The public booking of an information session (src/features/sessions/public). */
    sessionBooking?: BookingJourney
  }
}

export function readJourney(request: FastifyRequest, sessionId: string): BookingJourney {
  const kept = request.session.sessionBooking
  if (kept?.sessionId === sessionId) return kept
  return { sessionId, ...(kept?.done ? { done: kept.done } : {}) }
}

export function writeJourney(request: FastifyRequest, journey: BookingJourney) {
  request.session.sessionBooking = journey
}

export const journeyPaths = (code: string, id: string) => {
  const base = `/services/${code}/sessions/${id}`
  return { session: base, book: `${base}/book`, check: `${base}/check`, booked: `${base}/booked` }
}

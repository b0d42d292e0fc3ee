// What the sessions pages share: who may use the staff pages, the services, and the session's
// place in words for the templates.
import type { FastifyRequest } from 'fastify'
import type { AppDeps } from '../../app-deps.ts'
import { caseWorkers } from '../cases/index.ts'
import { createBookingService, type FullSession, type SessionDeps } from './booking-service.ts'
import { sessionLinks } from './index.ts'
import { createSessionService } from './service.ts'
import { accessText, audienceText, dateText, placeText, timeText } from './words.ts'

/** Coordinators, managers and administrators run sessions, for the councils they work for. */
export const sessionStaff = { access: caseWorkers }
export const publicPage = { access: 'public' as const }
/** Booking and cancelling are public forms: limited per address. */
export const publicForm = { access: 'public' as const, rateLimit: { max: 20, timeWindow: '10 minutes' } }

export const sessionDepsOf = (deps: AppDeps): SessionDeps => ({
  db: deps.database.db,
  clock: deps.clock,
  ...sessionLinks(deps.config),
})
export const sessionServiceOf = (deps: AppDeps) => createSessionService(sessionDepsOf(deps))
export const bookingServiceOf = (deps: AppDeps) => createBookingService(sessionDepsOf(deps))

export const staffBase = (id: string) => `/sessions/${id}`
export const publicBase = (code: string) => `/services/${code}/sessions`

/** The session as the pages show it (never its online link: that goes only to those booked). */
export function sessionView(found: Pick<FullSession, 'session' | 'venue'>) {
  const s = found.session
  return {
    id: s.id,
    title: s.title,
    description: s.description,
    audience: audienceText(s.audience),
    date: dateText(s),
    time: timeText(s),
    place: placeText(s, found.venue),
    access: accessText(s, found.venue),
    online: s.mode === 'online',
    capacity: s.capacity,
    closes: s.bookingClosesAt,
    cancelled: !!s.cancelledAt,
    cancelReason: s.cancelReason,
    version: s.version,
  }
}

/** The keyset cursor in a list's address: ?after=<start instant>_<id>. */
export function cursorOf(request: FastifyRequest) {
  const after = (request.query as Record<string, unknown>).after
  if (typeof after !== 'string') return undefined
  const match = /^(\d{4}-\d\d-\d\dT[\d:.]+Z)_([0-9a-f-]{36})$/.exec(after)
  if (!match || Number.isNaN(Date.parse(match[1]!))) return undefined
  return { startsAt: new Date(match[1]!), id: match[2]! }
}
export const cursorText = (c: { startsAt: Date; id: string }) => `${c.startsAt.toISOString()}_${c.id}`

// For tests of sessions: a venue, a session made through the service (quick), and a booking
// through the public pages, as a visitor without an account would make it.
import assert from 'node:assert/strict'
import { Agent } from '../../../test/helpers/agent.ts'
import type { TestApp } from '../../../test/helpers/app.ts'
import { html } from '../../../test/helpers/html.ts'
import type { StaffUser } from '../../domain/staff.ts'
import { makeVenue } from '../meetings/testing.ts'
import { createSessionService, type SessionInput } from './service.ts'

export { createBookingService, type BookingInput } from './booking-service.ts'
import { sessionLinks } from './index.ts'

export const depsOf = (t: TestApp) => ({ db: t.database.db, clock: t.clock, ...sessionLinks(t.config) })

export const admin: StaffUser = {
  id: '00000000-0000-4000-8000-000000000000',
  email: 'x@example.com',
  name: 'Test',
  roles: ['administrator'],
  mustChangePassword: false,
  councils: 'all',
}

export async function sessionVenue(t: TestApp) {
  return (
    await makeVenue(
      t.database,
      t.clock,
      { name: 'Warrington Library', accessibilityNotes: 'Lift to the first floor.' },
      [],
    )
  ).venue
}

/** A session on Wednesday 9 December 2026, 10am to 12pm, booking closing the day before at 5pm. */
export async function makeSession(t: TestApp, councilId: string, staffId: string, change: Partial<SessionInput> = {}) {
  const input: SessionInput = {
    councilId,
    title: 'Getting ready for mediation',
    description: 'What happens at a mediation meeting, and how to get ready.',
    audience: 'parents',
    day: '2026-12-09',
    startTime: '10:00',
    endTime: '12:00',
    mode: 'in-person',
    venueId: change.venueId ?? (change.mode === 'online' ? '' : (await sessionVenue(t)).id),
    onlineLink: '',
    capacity: 2,
    closesDay: '2026-12-08',
    closesTime: '17:00',
    ...change,
  }
  const made = await createSessionService(depsOf(t)).create({ ...admin, id: staffId }, input, crypto.randomUUID(), {
    userId: null,
    ip: null,
  })
  if (!made.ok) throw new Error(made.reason)
  return made.sessionId
}

export interface Booker {
  name: string
  channel?: 'email' | 'text'
  email?: string
  phone?: string
  adjustments?: string
}

/** Fills in the details and reaches "Check your answers": the agent and the check page's form fields. */
export async function toCheck(t: TestApp, base: string, who: Booker, agent = new Agent(t.app)) {
  const details = await agent.submit(`${base}/book`, {
    name: who.name,
    channel: who.channel ?? 'email',
    email: who.email ?? '',
    phone: who.phone ?? '',
    adjustments: who.adjustments ?? '',
  })
  assert.equal(details.statusCode, 303, details.body.slice(0, 500))
  const check = await agent.get(`${base}/check`)
  assert.equal(check.statusCode, 200)
  const doc = html(check)
  const submissionKey = doc.querySelector('input[name=submissionKey]')?.getAttribute('value') ?? ''
  const want = doc.querySelector('input[name=want]')?.getAttribute('value') ?? ''
  return { agent, check, fields: { submissionKey, want } }
}

/** The whole journey: details, check, book. Returns the agent and the answer to the booking. */
export async function bookThrough(t: TestApp, base: string, who: Booker) {
  const { agent, fields } = await toCheck(t, base, who)
  const res = await agent.post(`${base}/check`, fields)
  return { agent, res, fields }
}

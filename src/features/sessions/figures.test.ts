// The sessions' figures in the council report: sessions held in the period (not cancelled, by their
// day, the council's only), places booked and people who came, by audience, on the report page and
// in its CSV, with small numbers suppressed as every other figure is.
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { Agent } from '../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { html } from '../../../test/helpers/html.ts'
import { infoSessionBookings } from '../../db/schema/index.ts'
import { firstCouncilId } from '../cases/testing.ts'
import { secondCouncil } from '../reports/testing.ts'
import { createSessionService } from './service.ts'
import { admin, depsOf, makeSession, sessionVenue } from './testing.ts'

const squash = (s: string) => s.replace(/\s+/g, ' ').trim()
const october = { from: '2026-10-01', to: '2026-10-31' }

describe('information sessions in the council report', () => {
  let t: TestApp
  let warrington: string
  let manager: Agent

  /** Bookings straight into the table (a cheap fixture): `booked` places, the first `came` of them there. */
  async function book(sessionId: string, booked: number, came: number, waiting = 0) {
    const rows = Array.from({ length: booked + waiting }, (_, i) => ({
      sessionId,
      name: `Person ${i}`,
      channel: 'email',
      email: `p${i}@example.com`,
      contactKey: `email:p${i}@example.com`,
      status: i < booked ? 'booked' : 'waiting',
      attended: i < booked ? i < came : null,
      requestedAt: t.clock.now(),
      tokenHash: randomUUID(),
      submissionKey: randomUUID(),
    }))
    if (rows.length) await t.database.db.insert(infoSessionBookings).values(rows)
  }

  before(async () => {
    t = await createTestApp() // Friday 27 November 2026
    warrington = await firstCouncilId(t.database)
    const halton = await secondCouncil(t)
    const staff = await createStaff(t.database, 'una@example.com', ['manager'], 'Una', [warrington])
    manager = await new Agent(t.app).signIn('una@example.com')
    const venueId = (await sessionVenue(t)).id
    const on = (day: string, change = {}) =>
      makeSession(t, warrington, staff.id, { day, closesDay: day, closesTime: '09:00', venueId, ...change })
    // Parents: five held in October, six places booked on the first, five of them came.
    const first = await on('2026-10-05')
    await book(first, 6, 5, 2)
    for (const day of ['2026-10-12', '2026-10-19', '2026-10-26', '2026-10-31']) await on(day)
    // Professionals: one, with two places booked and nobody recorded as coming.
    await book(await on('2026-10-14', { audience: 'professionals' }), 2, 0)
    // Not counted: cancelled, outside the period, another council's.
    const cancelled = await on('2026-10-20')
    await book(cancelled, 3, 0)
    const service = createSessionService(depsOf(t))
    const as = { ...admin, id: staff.id }
    const found = (await service.session(as, cancelled))!
    await service.cancel(as, cancelled, found.session.version, 'Ill', { userId: null, ip: null })
    await on('2026-11-02')
    await makeSession(t, halton, staff.id, { day: '2026-10-07', closesDay: '2026-10-07', closesTime: '09:00', venueId })
  })
  after(() => t.close())

  it('shows sessions held, places booked and who came by audience, small numbers suppressed', async () => {
    const res = await manager.get(`/reports/report?${new URLSearchParams({ council: warrington, ...october })}`)
    assert.equal(res.statusCode, 200)
    const doc = html(res)
    assert.equal(squash(doc.getElementById('section-sessions')!.text), 'Information sessions')
    const table = doc.getElementById('table-sessions')!
    const rows = table
      .querySelectorAll('tbody tr')
      .map((tr) => [squash(tr.querySelector('th')!.text), ...tr.querySelectorAll('td').map((td) => squash(td.text))])
    assert.deepEqual(rows, [
      // 5 sessions held and 6 places booked for parents, hidden so that the 1 and the 2 for
      // professionals cannot be worked out from the totals (6 held, 8 booked).
      ['Parents and carers', 'not shown', 'not shown', '5'],
      ['Young people', '0', '0', '0'],
      ['Professionals', 'fewer than 5', 'fewer than 5', '0'],
      ['Total', 'not shown', '8', '5'],
    ])
    const csv = await manager.get(
      `/reports/report/csv/sessions?${new URLSearchParams({ council: warrington, ...october })}`,
    )
    assert.equal(csv.statusCode, 200)
    assert.match(csv.body, /Parents and carers,not shown,not shown,5\r\n/)
    assert.match(csv.body, /Professionals,fewer than 5,fewer than 5,0\r\n/)
  })
})

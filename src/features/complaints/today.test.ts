// Complaints on Today: acknowledgements and answers overdue or due soon, for the councils each
// person works for.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { html } from '../../../test/helpers/html.ts'
import { complaints } from '../../db/schema/index.ts'
import { complaintAt, councilIds, dateFields, newKey, staffOf } from './testing.ts'

// Monday 4 January 2027; "due soon" is within 5 working days (to Monday 11 January).
const today = '2027-01-04'

describe('complaints on Today', () => {
  let t: TestApp
  let councils: { a: string; b: string }
  let coordinator: Awaited<ReturnType<typeof staffOf>>
  let overdue: typeof complaints.$inferSelect
  let dueSoon: typeof complaints.$inferSelect
  before(async () => {
    t = await createTestApp({ now: `${today}T10:00:00Z` })
    councils = await councilIds(t)
    coordinator = await staffOf(t, 'cora@example.com', ['coordinator'], [councils.a], 'Cora Ordinator')
    const record = async (name: string, receivedOn: string) => {
      await coordinator.agent.get('/complaints/new')
      return complaintAt(
        t,
        await coordinator.agent.post('/complaints/new', {
          submissionKey: newKey(),
          council: councils.a,
          otherName: name,
          otherEmail: 'someone@example.com',
          prefers: 'email',
          receivedVia: 'phone',
          ...dateFields('receivedOn', receivedOn),
          about: 'service',
          whatHappened: 'Nobody called back.',
          ...dateFields('happenedOn', receivedOn),
          startStage: 'informal',
        }),
      )
    }
    // Received before Christmas: to acknowledge by Thursday 31 December, so overdue.
    overdue = await record('Grace Okafor', '2026-12-24')
    // Received today: to acknowledge by Thursday 7 January, so due soon.
    dueSoon = await record('Omar Haddad', today)
  })
  after(() => t.close())

  test('overdue and due soon acknowledgements, soonest first, each linked to its form', async () => {
    const res = await coordinator.agent.get('/today')
    assert.equal(res.statusCode, 200)
    const doc = html(res)
    assert.match(doc.getElementById('today-sections')?.text ?? '', /Complaints \(2\)/)
    const rows = doc.querySelectorAll('#complaints-due tbody tr').map((r) => r.text.replace(/\s+/g, ' ').trim())
    assert.equal(rows.length, 2)
    assert.match(
      rows[0]!,
      new RegExp(`${overdue.reference} Grace Okafor Acknowledge the complaint: informal resolution`),
    )
    assert.match(rows[0]!, /Answer by Tuesday 26 January 2027 Thursday 31 December 2026 Overdue 1 working day overdue/)
    assert.match(rows[1]!, new RegExp(`${dueSoon.reference} Omar Haddad`))
    assert.match(rows[1]!, /Thursday 7 January 2027 Due soon 3 working days left/)
    assert.ok(doc.querySelector(`#complaints-due a[href="/complaints/${overdue.id}/acknowledge"]`))
  })

  test('once acknowledged, an answer not yet due soon leaves Today', async () => {
    await coordinator.agent.get(`/complaints/${overdue.id}/acknowledge`)
    const res = await coordinator.agent.post(`/complaints/${overdue.id}/acknowledge`, {
      version: String(overdue.version),
      how: 'phone',
      ...dateFields('acknowledgedOn', today),
    })
    assert.equal(res.statusCode, 303)
    const rows = html(await coordinator.agent.get('/today')).querySelectorAll('#complaints-due tbody tr')
    assert.deepEqual(
      rows.map((r) => r.querySelector('a')!.text),
      [dueSoon.reference],
    )
  })

  test('staff of another council, and mediators, see no complaints on Today', async () => {
    const other = await staffOf(t, 'hal@example.com', ['coordinator'], [councils.b], 'Hal Tonner')
    const theirs = await other.agent.get('/today')
    assert.equal(theirs.statusCode, 200)
    assert.equal(html(theirs).getElementById('complaints-due'), null)
    assert.doesNotMatch(theirs.body, /Omar Haddad|Grace Okafor/)
    const mediator = await staffOf(t, 'mo@example.com', ['mediator'], [], 'Mo Mediator')
    assert.equal(html(await mediator.agent.get('/today')).getElementById('complaints-due'), null)
    // An administrator sees every council's.
    const admin = await staffOf(t, 'ada@example.com', ['administrator'], [], 'Ada Min')
    assert.match(html(await admin.agent.get('/today')).getElementById('complaints-due')!.text, /Omar Haddad/)
  })
})

// complaintFigures (what the reports use) against a hand count of complaints made through the pages.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { eq } from 'drizzle-orm'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { complaints } from '../../db/schema/index.ts'
import { complaintFigures } from './index.ts'
import { complaintAt, councilIds, dateFields, newKey, staffOf } from './testing.ts'

type Staff = Awaited<ReturnType<typeof staffOf>>

describe('complaint figures', () => {
  let t: TestApp
  let councils: { a: string; b: string }
  before(async () => {
    t = await createTestApp({ now: '2027-03-31T10:00:00Z' })
    councils = await councilIds(t)
    const coordinatorA = await staffOf(t, 'cora@example.com', ['coordinator'], [councils.a], 'Cora Ordinator')
    const managerA = await staffOf(t, 'mina@example.com', ['manager'], [councils.a], 'Mina Manager')
    const coordinatorB = await staffOf(t, 'hal@example.com', ['coordinator'], [councils.b], 'Hal Tonner')

    async function record(who: Staff, council: string, receivedOn: string, startStage = 'informal') {
      await who.agent.get('/complaints/new')
      return complaintAt(
        t,
        await who.agent.post('/complaints/new', {
          submissionKey: newKey(),
          council,
          otherName: `Complainant ${receivedOn}`,
          otherEmail: 'someone@example.com',
          prefers: 'email',
          receivedVia: 'phone',
          ...dateFields('receivedOn', receivedOn),
          about: 'service',
          whatHappened: 'Something went wrong.',
          ...dateFields('happenedOn', receivedOn),
          startStage,
        }),
      )
    }
    const version = async (id: string) =>
      String((await t.database.db.select().from(complaints).where(eq(complaints.id, id)))[0]!.version)
    async function answer(who: Staff, id: string, on: string, outcome: string) {
      await who.agent.get(`/complaints/${id}/respond`)
      const res = await who.agent.post(`/complaints/${id}/respond`, {
        version: await version(id),
        outcome,
        findings: 'What we found.',
        changes: '',
        ...dateFields('respondedOn', on),
      })
      assert.equal(res.statusCode, 303, res.body.slice(0, 300))
    }
    async function escalate(who: Staff, id: string, on: string) {
      await who.agent.get(`/complaints/${id}/escalate`)
      const res = await who.agent.post(`/complaints/${id}/escalate`, {
        version: await version(id),
        ...dateFields('requestedOn', on),
      })
      assert.equal(res.statusCode, 303)
    }

    // 1. Informal, answered in time (due 2 February), upheld.
    const one = await record(coordinatorA, councils.a, '2027-01-05')
    await answer(coordinatorA, one.id, '2027-01-20', 'upheld')
    // 2. Received on a Sunday: informal answered late (due 5 February), not upheld; formal, partly upheld.
    const two = await record(coordinatorA, councils.a, '2027-01-10')
    await answer(coordinatorA, two.id, '2027-02-10', 'not-upheld')
    await escalate(coordinatorA, two.id, '2027-02-11')
    await answer(coordinatorA, two.id, '2027-03-01', 'partly-upheld')
    // 3. Straight to a formal investigation, not answered yet.
    await record(coordinatorA, councils.a, '2027-02-01', 'formal')
    // 4. Through every stage, each in time; the review upheld it.
    const four = await record(coordinatorA, councils.a, '2027-02-15')
    await answer(coordinatorA, four.id, '2027-02-16', 'not-upheld')
    await escalate(coordinatorA, four.id, '2027-02-17')
    await answer(coordinatorA, four.id, '2027-02-18', 'not-upheld')
    await escalate(coordinatorA, four.id, '2027-02-19')
    await answer(managerA, four.id, '2027-02-22', 'upheld')
    // 5. Received on the period's last day, not upheld.
    const five = await record(coordinatorA, councils.a, '2027-02-28')
    await answer(coordinatorA, five.id, '2027-03-01', 'not-upheld')
    // Outside the period: the day before it, and a month after.
    await record(coordinatorA, councils.a, '2026-12-31')
    await record(coordinatorA, councils.a, '2027-03-20')
    // 6. The other council's: informal, in time, upheld.
    const six = await record(coordinatorB, councils.b, '2027-01-15')
    await answer(coordinatorB, six.id, '2027-01-18', 'upheld')
  })
  after(() => t.close())

  const period = { from: '2027-01-01', to: '2027-02-28' }

  test('for one council, by the date received: each figure as counted by hand', async () => {
    assert.deepEqual(await complaintFigures(t.database.db, { councilIds: [councils.a], ...period }), {
      received: 5,
      byStage: { informal: 2, formal: 2, review: 1 },
      answeredInTime: 3, // 1, 4 and 5; 2 was late at its first stage; 3 is not answered
      upheld: 2, // 1, and 4 by its review
      partlyUpheld: 1, // 2 at its formal stage
      notUpheld: 1, // 5
    })
  })

  test('for every council, for the other council alone, and for none', async () => {
    assert.deepEqual(await complaintFigures(t.database.db, { councilIds: 'all', ...period }), {
      received: 6,
      byStage: { informal: 3, formal: 2, review: 1 },
      answeredInTime: 4,
      upheld: 3,
      partlyUpheld: 1,
      notUpheld: 1,
    })
    assert.deepEqual(await complaintFigures(t.database.db, { councilIds: [councils.b], ...period }), {
      received: 1,
      byStage: { informal: 1, formal: 0, review: 0 },
      answeredInTime: 1,
      upheld: 1,
      partlyUpheld: 0,
      notUpheld: 0,
    })
    assert.deepEqual(await complaintFigures(t.database.db, { councilIds: [], ...period }), {
      received: 0,
      byStage: { informal: 0, formal: 0, review: 0 },
      answeredInTime: 0,
      upheld: 0,
      partlyUpheld: 0,
      notUpheld: 0,
    })
    // A whole year takes in the complaints either side of the quarter too.
    const year = await complaintFigures(t.database.db, {
      councilIds: [councils.a],
      from: '2026-01-01',
      to: '2027-12-31',
    })
    assert.equal(year.received, 7)
  })
})

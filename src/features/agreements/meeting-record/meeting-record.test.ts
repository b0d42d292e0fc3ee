import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html, titleOf } from '../../../../test/helpers/html.ts'
import { caseEvents, cases, meetingRecords } from '../../../db/schema/index.ts'
import { agreementCase, agreementStaff, type Staff } from '../testing.ts'

describe('the meeting record, at /cases/:id/agreement/meeting-record', () => {
  let t: TestApp
  let staff: Staff
  const url = (id: string) => `/cases/${id}/agreement/meeting-record`
  const allRules = ['confidentiality', 'respect', 'listening', 'impartiality']

  before(async () => {
    t = await createTestApp()
    staff = await agreementStaff(t)
  })
  after(() => t.close())

  it('shows who is expected, the ground rules and the agenda to the mediator and case workers', async () => {
    const c = await agreementCase(t, staff)
    for (const agent of [staff.mediator, staff.coordinator]) {
      const res = await agent.get(url(c.id))
      assert.equal(res.statusCode, 200)
      assert.match(titleOf(res), /^Meeting record - /)
      const doc = html(res)
      assert.equal(doc.querySelectorAll('input[name=attended]').length, 3)
      assert.equal(
        doc.querySelectorAll('input[name=authority]').length,
        1,
        'only the council (and health body) can have authority to agree',
      )
      assert.equal(doc.querySelectorAll('input[name=groundRules]').length, 4)
      assert.match(res.body, /Amelia needs a teaching assistant all day\./)
    }
  })

  it('is not found for a mediator of another case, and asks anyone signed out to sign in', async () => {
    const c = await agreementCase(t, staff)
    assert.equal((await staff.otherMediator.get(url(c.id))).statusCode, 404)
    await staff.otherMediator.get('/account/password')
    assert.equal((await staff.otherMediator.post(url(c.id), { startedAt: '10:00' })).statusCode, 404)
    const res = await new Agent(t.app).get(url(c.id))
    assert.equal(res.statusCode, 303)
    assert.match(String(res.headers.location), /sign-in/)
  })

  it('asks for the start time, a whole number of private sessions and every ground rule, keeping what was typed', async () => {
    const c = await agreementCase(t, staff)
    const res = await staff.mediator.submit(url(c.id), {
      attended: [c.attendees[0]!.id],
      startedAt: '',
      endedAt: '9am',
      privateSessions: 'two',
      groundRules: ['confidentiality'],
    })
    assertFormErrors(res, ['startedAt', 'endedAt', 'privateSessions', 'groundRules'])
    assert.match(res.body, /Confirm that everyone agreed each ground rule/)
    const doc = html(res)
    assert.equal(doc.querySelector(`input[name=attended][value="${c.attendees[0]!.id}"]`)?.getAttribute('checked'), '')
    assert.equal(doc.getElementById('privateSessions')?.getAttribute('value'), 'two')
    assertFormErrors(
      await staff.mediator.submit(url(c.id), {
        startedAt: '13:00',
        endedAt: '12:00',
        privateSessions: '0',
        groundRules: allRules,
      }),
      ['endedAt'],
    )
  })

  it('saves the record, and records the meeting as held once it has taken place', async () => {
    const c = await agreementCase(t, staff)
    const [sarah, priya, tom] = c.attendees
    const res = await staff.mediator.submit(url(c.id), {
      attended: [sarah!.id, priya!.id],
      authority: [priya!.id],
      others: 'Jo Advocate, advocate for Sarah',
      startedAt: '10:05',
      endedAt: '12.40',
      privateSessions: '2',
      groundRules: allRules,
      [`issue-${c.issues[0]!.id}`]: 'resolved',
      [`issue-${c.issues[1]!.id}`]: 'not-resolved',
    })
    assertRedirect(res, `/cases/${c.id}/agreement`)
    const [record] = await t.database.db.select().from(meetingRecords).where(eq(meetingRecords.caseId, c.id))
    assert.equal(record!.startedAt, '10:05')
    assert.equal(record!.endedAt, '12:40')
    assert.equal(record!.privateSessions, 2)
    assert.deepEqual(record!.groundRules, { confidentiality: true, respect: true, listening: true, impartiality: true })
    const attendance = record!.attendance as { name: string; attended: boolean; hadAuthorityToAgree: boolean }[]
    assert.deepEqual(
      attendance.map((a) => [a.name, a.attended, a.hadAuthorityToAgree]),
      [
        ['Sarah Hartley', true, false],
        ['Priya Shah', true, true],
        ['Tom Reed', false, false],
        ['Jo Advocate, advocate for Sarah', true, false],
      ],
    )
    assert.ok(tom)
    assert.deepEqual(record!.issueOutcomes, { [c.issues[0]!.id]: 'resolved', [c.issues[1]!.id]: 'not-resolved' })
    const [row] = await t.database.db.select().from(cases).where(eq(cases.id, c.id))
    assert.equal(row!.status, 'meeting-held')
    const types = (await t.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, c.id))).map((e) => e.type)
    assert.ok(types.includes('meeting-recorded') && types.includes('meeting-held'))
    const overview = html(await staff.mediator.get(`/cases/${c.id}/agreement`))
      .getElementById('meeting-record')!
      .text.replace(/\s+/g, ' ')
    assert.match(overview, /Attended 2 of 3 expected, and 1 more/)
    assert.match(overview, /Could agree for the council or health body Priya Shah/)
    assert.match(overview, /Everyone agreed each ground rule/)
    // The page shows what was saved; saving again changes the record, not the case's state.
    const again = await staff.coordinator.get(url(c.id))
    assert.equal(html(again).getElementById('startedAt')?.getAttribute('value'), '10:05')
    assertRedirect(
      await staff.coordinator.submit(url(c.id), {
        startedAt: '10:00',
        privateSessions: '1',
        groundRules: allRules,
        version: String(record!.version),
      }),
    )
    const [changed] = await t.database.db.select().from(meetingRecords).where(eq(meetingRecords.caseId, c.id))
    assert.equal(changed!.version, 2)
  })

  it('refuses a stale record', async () => {
    const c = await agreementCase(t, staff)
    assertRedirect(
      await staff.mediator.submit(url(c.id), { startedAt: '10:00', privateSessions: '0', groundRules: allRules }),
    )
    const res = await staff.mediator.submit(url(c.id), {
      startedAt: '11:00',
      privateSessions: '0',
      groundRules: allRules,
      version: '0',
    })
    assert.equal(res.statusCode, 409)
    assert.match(res.body, /Someone else changed this meeting record/)
  })

  it('says to book the meeting first when there is none', async () => {
    const c = await agreementCase(t, staff, { meeting: false })
    const res = await staff.mediator.get(url(c.id))
    assert.equal(res.statusCode, 200)
    assert.match(html(res).getElementById('no-meeting')!.text, /No meeting is booked/)
  })
})

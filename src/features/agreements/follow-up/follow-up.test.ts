import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { and, asc, eq } from 'drizzle-orm'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html, titleOf } from '../../../../test/helpers/html.ts'
import { agreementPoints, caseDeadlines, caseEvents } from '../../../db/schema/index.ts'
import { acceptAndFinalise, agreementCase, agreementStaff, draftPoints, type Staff } from '../testing.ts'

describe('following the agreement through, at /cases/:id/agreement/follow-up/:pointId and on Today', () => {
  let t: TestApp
  let staff: Staff
  const base = (id: string) => `/cases/${id}/agreement`
  const pointsOf = (id: string) =>
    t.database.db
      .select()
      .from(agreementPoints)
      .where(eq(agreementPoints.caseId, id))
      .orderBy(asc(agreementPoints.position))

  before(async () => {
    t = await createTestApp()
    staff = await agreementStaff(t)
  })
  after(() => t.close())

  it('lists points due within 10 working days or overdue on Today, in their own section', async () => {
    const c = await agreementCase(t, staff)
    await draftPoints(t, c)
    await acceptAndFinalise(t, c.id, staff.mediatorUserId)
    // Due 7, 11 and 18 December; 10 working days from Friday 27 November is Friday 11 December.
    const today = html(await staff.coordinator.get('/today'))
    const rows = today
      .querySelectorAll('#agreement-points-list tbody tr')
      .map((r) => r.text.replace(/\s+/g, ' ').trim())
    assert.equal(rows.length, 2)
    assert.match(rows[0]!, new RegExp(`^${c.reference} Amelia Hartley Point 2: Meet Sarah every Monday at 3:30pm`))
    assert.match(rows[1]!, /Point 3: Try to bring Amelia to the school open morning\./)
    assert.doesNotMatch(
      today.getElementById('today-list')?.text ?? '',
      /Agreement point/,
      'not repeated among the statutory deadlines',
    )
    // The mediator of the case sees them too; another mediator does not.
    assert.equal(html(await staff.mediator.get('/today')).querySelectorAll('#agreement-points-list tbody tr').length, 2)
    assert.equal(
      html(await staff.otherMediator.get('/today')).querySelectorAll('#agreement-points-list tbody tr').length,
      0,
    )
  })

  it('records kept, kept late or not kept with a note; the point leaves Today and its deadline is met', async () => {
    const c = await agreementCase(t, staff)
    await draftPoints(t, c)
    await acceptAndFinalise(t, c.id, staff.mediatorUserId)
    const [, p2, p3] = await pointsOf(c.id)
    const url = `${base(c.id)}/follow-up/${p2!.id}`
    const page = await staff.mediator.get(url)
    assert.equal(page.statusCode, 200)
    assert.match(titleOf(page), /^Was point 2 kept\? - /)
    assertFormErrors(await staff.mediator.submit(url, { version: '1' }), ['outcome'])
    const noNote = await staff.mediator.submit(url, { version: '1', outcome: 'not-kept', note: '' })
    assertFormErrors(noNote, ['note'])
    assert.equal(html(noNote).querySelector('input[name=outcome][value=not-kept]')?.getAttribute('checked'), '')
    assertRedirect(
      await staff.mediator.submit(url, {
        version: '1',
        outcome: 'kept',
        note: 'The first meeting was on Monday 30 November.',
      }),
      `${base(c.id)}#follow-${p2!.id}`,
    )
    const stale = await staff.mediator.submit(url, { version: '1', outcome: 'late', note: 'x' })
    assert.equal(stale.statusCode, 409)
    assertRedirect(
      await staff.coordinator.submit(`${base(c.id)}/follow-up/${p3!.id}`, {
        version: '1',
        outcome: 'not-kept',
        note: 'Sarah could not get time off work.',
      }),
    )
    const [, q2, q3] = await pointsOf(c.id)
    assert.deepEqual(
      [q2!.followUp, q2!.followUpNote, q2!.followUpRecordedOn],
      ['kept', 'The first meeting was on Monday 30 November.', '2026-11-27'],
    )
    assert.equal(q3!.followUp, 'not-kept')
    const deadlines = await t.database.db.select().from(caseDeadlines).where(eq(caseDeadlines.caseId, c.id))
    assert.equal(deadlines.find((d) => d.name === `agreement-point:${p2!.id}`)?.status, 'met')
    assert.equal(deadlines.find((d) => d.name === `agreement-point:${p3!.id}`)?.status, 'stopped')
    const today = html(await staff.coordinator.get('/today'))
      .querySelectorAll('#agreement-points-list tbody tr')
      .map((r) => r.text)
    assert.ok(!today.some((r) => r.includes(c.reference)), 'followed-up points leave Today')
    const events = await t.database.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.type, 'agreement-point-followed-up')))
    assert.equal(events.length, 2)
    assert.match((await staff.coordinator.get(`/cases/${c.id}/timeline`)).body, /Point 2 of the agreement: kept/)
    assert.equal((await staff.otherMediator.get(url)).statusCode, 404)
    assert.equal((await new Agent(t.app).get(url)).statusCode, 303)
  })

  it('is not found for a point of a draft agreement', async () => {
    const c = await agreementCase(t, staff)
    await draftPoints(t, c)
    const [p1] = await pointsOf(c.id)
    assert.equal((await staff.mediator.get(`${base(c.id)}/follow-up/${p1!.id}`)).statusCode, 404)
  })
})

import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { eq } from 'drizzle-orm'
import { mediatorCpd } from '../../../db/schema/index.ts'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html, titleOf } from '../../../../test/helpers/html.ts'
import { insertMediator } from '../testing.ts'

const entry = (day: string, month: string, year: string, hours: string, activity: string) => ({
  'completedOn-day': day,
  'completedOn-month': month,
  'completedOn-year': year,
  hours,
  activity,
  submissionKey: randomUUID(),
})

describe('logging CPD', () => {
  let t: TestApp
  let id: string
  before(async () => {
    t = await createTestApp()
    await createStaff(t.database, 'manager@example.com', ['manager'])
    await createStaff(t.database, 'coord@example.com', ['coordinator'])
    const own = await createStaff(t.database, 'med@example.com', ['mediator'])
    id = (await insertMediator(t.database, { name: 'Cai CPD', userId: own.id }, 0)).id
  })
  after(() => t.close())

  test('the mediator and a manager log CPD; the profile sums it by year', async () => {
    const mediator = await new Agent(t.app).signIn('med@example.com')
    assert.equal((await mediator.get(`/mediators/${id}/cpd/new`)).statusCode, 200)
    assertRedirect(
      await mediator.submit(`/mediators/${id}/cpd/new`, entry('3', '2', '2026', '2.5', 'SEND law update')),
      `/mediators/${id}#cpd`,
    )
    assertRedirect(await mediator.submit(`/mediators/${id}/cpd/new`, entry('9', '10', '2026', '4', 'Supervision')))
    const manager = await new Agent(t.app).signIn('manager@example.com')
    assertRedirect(
      await manager.submit(`/mediators/${id}/cpd/new`, entry('1', '12', '2025', '3', '<script>alert(1)</script>')),
    )

    const page = await manager.get(`/mediators/${id}`)
    const years = html(page)
      .querySelectorAll('#cpd-years li')
      .map((li) => li.text.replace(/\s+/g, ' ').trim())
    assert.deepEqual(years, ['2026: 6.5 hours', '2025: 3 hours'])
    // 6.5 hours in 2026 meets the minimum: no CPD warning.
    assert.doesNotMatch(page.body, /hours of CPD needed in 2026/)
    assert.ok(page.body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'))
    assert.ok(!page.body.includes('<script>alert(1)</script>'))
  })

  test('problems are explained, linking to each field', async () => {
    const agent = await new Agent(t.app).signIn('med@example.com')
    assertFormErrors(await agent.submit(`/mediators/${id}/cpd/new`, entry('', '', '', '', '')), [
      'completedOn-day',
      'hours',
      'activity',
    ])
    const res = await agent.submit(`/mediators/${id}/cpd/new`, entry('1', '1', '2027', 'two', 'x'))
    assertFormErrors(res, ['completedOn-day', 'hours'])
    assert.match(res.body, /The date of the activity must be today or in the past/)
    assert.match(res.body, /Hours must be a number, like 1.5/)
    assertFormErrors(await agent.submit(`/mediators/${id}/cpd/new`, entry('1', '1', '2026', '0', 'x')), ['hours'])
    assertFormErrors(await agent.submit(`/mediators/${id}/cpd/new`, entry('1', '1', '2026', '1.25', 'x')), ['hours'])
  })

  test('a coordinator may not log someone’s CPD', async () => {
    const agent = await new Agent(t.app).signIn('coord@example.com')
    assert.equal((await agent.get(`/mediators/${id}/cpd/new`)).statusCode, 403)
    assert.equal((await agent.post(`/mediators/${id}/cpd/new`, entry('1', '1', '2026', '1', 'x'))).statusCode, 403)
    assertRedirect(await new Agent(t.app).get(`/mediators/${id}/cpd/new`), /^\/sign-in/)
  })

  test('a doubled or retried submission logs the entry once', async () => {
    const manager = await new Agent(t.app).signIn('manager@example.com')
    const form = html(await manager.get(`/mediators/${id}/cpd/new`))
    const submissionKey = form.querySelector('input[name=submissionKey]')!.getAttribute('value')!
    const fields = { ...entry('2', '3', '2026', '1.5', 'Peer supervision'), submissionKey }
    const [a, b] = await Promise.all([
      manager.post(`/mediators/${id}/cpd/new`, fields),
      manager.post(`/mediators/${id}/cpd/new`, fields),
    ])
    assertRedirect(a, `/mediators/${id}#cpd`)
    assertRedirect(b, `/mediators/${id}#cpd`)
    assertRedirect(await manager.post(`/mediators/${id}/cpd/new`, fields), `/mediators/${id}#cpd`)
    const rows = await t.database.db.select().from(mediatorCpd).where(eq(mediatorCpd.activity, 'Peer supervision'))
    assert.equal(rows.length, 1)
  })

  test('a form without its one-time key is refused, logging nothing', async () => {
    const manager = await new Agent(t.app).signIn('manager@example.com')
    const { submissionKey: _, ...fields } = entry('4', '3', '2026', '2', 'Keyless course')
    const res = await manager.submit(`/mediators/${id}/cpd/new`, fields)
    assert.equal(res.statusCode, 400)
    assert.match(titleOf(res), /^Error: /)
    assert.match(
      html(res).querySelector('.govuk-error-summary')!.text,
      /This form is out of date. Reload the page and try again./,
    )
    const rows = await t.database.db.select().from(mediatorCpd).where(eq(mediatorCpd.activity, 'Keyless course'))
    assert.equal(rows.length, 0)
  })
})

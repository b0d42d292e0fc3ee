import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertRedirect, html } from '../../../../test/helpers/html.ts'
import { insertMediator } from '../testing.ts'

describe('the mediator panel page', () => {
  let t: TestApp
  const ids: Record<string, string> = {}
  before(async () => {
    t = await createTestApp() // today is Friday 27 November 2026
    await createStaff(t.database, 'coord@example.com', ['coordinator'])
    await createStaff(t.database, 'manager@example.com', ['manager'])
    await createStaff(t.database, 'admin2@example.com', ['administrator'])
    await createStaff(t.database, 'med@example.com', ['mediator'])
    ids.good = (await insertMediator(t.database, { name: 'Bea Good', languages: ['English', 'BSL'] })).id
    ids.lapsed = (await insertMediator(t.database, { name: 'Carl Lapsed', dbsRenewalDue: '2026-11-01' })).id
    ids.due = (await insertMediator(t.database, { name: 'Ann Due', insuranceExpiry: '2026-12-15' })).id
    ids.xss = (await insertMediator(t.database, { name: '<script>alert(1)</script>' })).id
  })
  after(() => t.close())

  const rowOf = (body: string, id: string) => {
    const row = html({ body } as never).querySelector(`tr[data-mediator="${id}"]`)
    assert.ok(row, `no row for ${id}`)
    return row
  }

  test('a coordinator sees every mediator’s standing, in words, with the reasons', async () => {
    const res = await (await new Agent(t.app).signIn('coord@example.com')).get('/mediators')
    assert.equal(res.statusCode, 200)
    assert.equal(rowOf(res.body, ids.good!).querySelector('.govuk-tag')?.text, 'Can be allocated')
    assert.match(rowOf(res.body, ids.good!).text, /British Sign Language \(BSL\)/)
    assert.match(rowOf(res.body, ids.good!).text, /Warrington Borough Council/)
    const lapsed = rowOf(res.body, ids.lapsed!)
    assert.equal(lapsed.querySelector('.govuk-tag')?.text, 'Cannot be allocated')
    assert.match(lapsed.text, /DBS check lapsed on Sunday 1 November 2026/)
    const due = rowOf(res.body, ids.due!)
    assert.equal(due.querySelector('.govuk-tag')?.text, 'Renewal due soon')
    assert.match(due.text, /Professional indemnity insurance lapses on Tuesday 15 December 2026/)
    // The banner counts those with something lapsing within 30 days: only Ann.
    assert.match(
      html(res).querySelector('#renewals-due')?.text ?? '',
      /1 mediator has a registration, insurance or DBS check lapsing within 30 days/,
    )
    // Coordinators may not add mediators, and the page says who can.
    assert.doesNotMatch(res.body, /href="\/mediators\/new"/)
    assert.match(html(res).getElementById('who-adds')?.text ?? '', /A manager or an administrator adds mediators/)
  })

  test('the list sorts by name or by status, either way', async () => {
    const agent = await new Agent(t.app).signIn('manager@example.com')
    const order = async (url: string) =>
      html(await agent.get(url))
        .querySelectorAll('tbody tr')
        .map((r) => r.getAttribute('data-mediator'))
    assert.deepEqual(await order('/mediators'), [ids.xss, ids.due, ids.good, ids.lapsed])
    assert.deepEqual(await order('/mediators?sort=name&order=desc'), [ids.lapsed, ids.good, ids.due, ids.xss])
    // Cannot be allocated first, then renewal due, then fine (by name within each).
    assert.deepEqual(await order('/mediators?sort=status&order=asc'), [ids.lapsed, ids.due, ids.xss, ids.good])
    const page = await agent.get('/mediators?sort=status&order=asc')
    assert.equal(html(page).querySelector('th[aria-sort="ascending"]')?.text.trim(), 'Status')
    assert.match(page.body, /href="\/mediators\/new"/)
    // Nonsense in the query falls back to the default order rather than failing.
    assert.equal((await agent.get('/mediators?sort=evil&order=sideways')).statusCode, 200)
  })

  test('names are shown escaped', async () => {
    const res = await (await new Agent(t.app).signIn('admin2@example.com')).get('/mediators')
    assert.equal(res.statusCode, 200)
    assert.ok(res.body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'))
    assert.ok(!res.body.includes('<script>alert(1)</script>'))
  })

  test('the nav shows Panel to those who run it and My profile to a mediator', async () => {
    const coordinator = await (await new Agent(t.app).signIn('coord@example.com')).get('/today')
    assert.match(coordinator.body, /href="\/mediators"/)
    const mediator = await (await new Agent(t.app).signIn('med@example.com')).get('/mediators/me')
    assert.match(mediator.body, /href="\/mediators\/me"/)
    assert.doesNotMatch(mediator.body, /href="\/mediators"/)
  })

  test('a mediator may not see the panel; without a session it asks you to sign in', async () => {
    assert.equal((await (await new Agent(t.app).signIn('med@example.com')).get('/mediators')).statusCode, 403)
    assertRedirect(await new Agent(t.app).get('/mediators'), /^\/sign-in/)
  })
})

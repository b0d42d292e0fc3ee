import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertRedirect, html } from '../../../../test/helpers/html.ts'
import { insertMediator } from '../testing.ts'

describe('a mediator’s profile page, and /mediators/me', () => {
  let t: TestApp
  let mine: string
  let other: string
  let lapsed: string
  before(async () => {
    t = await createTestApp() // 27 November 2026
    await createStaff(t.database, 'coord@example.com', ['coordinator'])
    await createStaff(t.database, 'manager@example.com', ['manager'])
    await createStaff(t.database, 'admin2@example.com', ['administrator'])
    const me = await createStaff(t.database, 'med@example.com', ['mediator'])
    await createStaff(t.database, 'unlinked@example.com', ['mediator'])
    mine = (await insertMediator(t.database, { name: 'Mo Mine', userId: me.id, sendRegisterExpiry: '2026-12-20' }, 2))
      .id
    other = (await insertMediator(t.database, { name: 'Olu Other' })).id
    lapsed = (await insertMediator(t.database, { name: '<script>alert(1)</script>', dbsRenewalDue: '2026-10-31' })).id
  })
  after(() => t.close())

  for (const email of ['coord@example.com', 'manager@example.com', 'admin2@example.com']) {
    test(`${email.split('@')[0]} can open any profile`, async () => {
      const res = await (await new Agent(t.app).signIn(email)).get(`/mediators/${other}`)
      assert.equal(res.statusCode, 200)
      assert.equal(html(res).querySelector('h1')?.text, 'Olu Other')
      assert.equal(html(res).querySelector('#standing-status')?.text, 'Can be allocated')
    })
  }

  test('a lapsed DBS check means "Cannot be allocated", with the reason; the name is escaped', async () => {
    const res = await (await new Agent(t.app).signIn('coord@example.com')).get(`/mediators/${lapsed}`)
    assert.equal(res.statusCode, 200)
    assert.equal(html(res).querySelector('#standing-status')?.text, 'Cannot be allocated')
    assert.match(
      html(res).querySelector('#standing-blocking')?.text ?? '',
      /DBS check lapsed on Saturday 31 October 2026/,
    )
    assert.ok(res.body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'))
    assert.ok(!res.body.includes('<script>alert(1)</script>'))
  })

  test('a mediator opens their own profile, with the renewal due and CPD short, and may log CPD', async () => {
    const agent = await new Agent(t.app).signIn('med@example.com')
    const res = await agent.get(`/mediators/${mine}`)
    assert.equal(res.statusCode, 200)
    assert.equal(html(res).querySelector('#standing-status')?.text, 'Renewal due soon')
    const warnings = html(res).querySelector('#standing-warnings')?.text ?? ''
    assert.match(warnings, /SEND mediator register entry lapses on Sunday 20 December 2026/)
    assert.match(warnings, /2 of the 6 hours of CPD needed in 2026 logged so far/)
    assert.match(res.body, new RegExp(`href="/mediators/${mine}/cpd/new"`))
    assert.match(res.body, new RegExp(`href="/mediators/${mine}/conflicts/new"`))
    assert.doesNotMatch(res.body, /\/edit"/)
  })

  test('a mediator opening anyone else’s profile finds nothing there', async () => {
    const agent = await new Agent(t.app).signIn('med@example.com')
    const res = await agent.get(`/mediators/${other}`)
    assert.equal(res.statusCode, 404)
    assert.doesNotMatch(res.body, /Olu Other/)
    assert.equal((await agent.get(`/mediators/${other}/cpd/new`)).statusCode, 404)
    assert.equal((await agent.get(`/mediators/${other}/conflicts/new`)).statusCode, 404)
    assert.equal((await agent.get(`/mediators/${other}/unavailability/new`)).statusCode, 404)
  })

  test('/mediators/me takes a mediator to their own profile', async () => {
    assertRedirect(await (await new Agent(t.app).signIn('med@example.com')).get('/mediators/me'), `/mediators/${mine}`)
    const unlinked = await (await new Agent(t.app).signIn('unlinked@example.com')).get('/mediators/me')
    assert.equal(unlinked.statusCode, 404)
    assert.match(unlinked.body, /Your staff account is not linked to a mediator profile yet/)
    assertRedirect(await new Agent(t.app).get('/mediators/me'), /^\/sign-in/)
  })

  test('without a session the profile asks you to sign in; an unknown id is not found', async () => {
    assertRedirect(await new Agent(t.app).get(`/mediators/${other}`), /^\/sign-in/)
    const agent = await new Agent(t.app).signIn('manager@example.com')
    assert.equal((await agent.get('/mediators/00000000-0000-4000-8000-000000000000')).statusCode, 404)
  })
})

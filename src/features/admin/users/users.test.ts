import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertRedirect, html } from '../../../../test/helpers/html.ts'

describe('/admin/users', () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
    await createStaff(t.database, 'admin@example.com', ['administrator'], 'Ada Admin')
    await createStaff(t.database, 'coord@example.com', ['coordinator', 'manager'], 'Cora Coordinator')
    await createStaff(t.database, 'odd@example.com', ['mediator'], '<script>alert(1)</script>')
  })
  after(() => t.close())

  it('lists every account, with roles and status, for an administrator', async () => {
    const agent = await new Agent(t.app).signIn('admin@example.com')
    const res = await agent.get('/admin/users')
    assert.equal(res.statusCode, 200)
    const rows = html(res)
      .querySelectorAll('tbody tr')
      .map((tr) => tr.querySelectorAll('td').map((td) => td.text.trim()))
    assert.deepEqual(
      rows.find((r) => r[0] === 'Cora Coordinator'),
      ['Cora Coordinator', 'coord@example.com', 'Coordinator, Manager', 'Active'],
    )
    assert.equal(rows.length, 3)
    assert.ok(html(res).querySelector('a[href="/admin/users/new"]'), 'a button to add an account')
  })

  it('shows names escaped', async () => {
    const agent = await new Agent(t.app).signIn('admin@example.com')
    const res = await agent.get('/admin/users')
    assert.ok(res.body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'))
    assert.ok(!res.body.includes('<script>alert(1)'))
  })

  it('refuses a coordinator', async () => {
    const agent = await new Agent(t.app).signIn('coord@example.com')
    assert.equal((await agent.get('/admin/users')).statusCode, 403)
  })

  it('sends someone not signed in to sign in', async () => {
    assertRedirect(await new Agent(t.app).get('/admin/users'), '/sign-in?next=%2Fadmin%2Fusers')
  })
})

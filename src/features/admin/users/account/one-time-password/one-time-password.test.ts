import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Agent } from '../../../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../../../test/helpers/app.ts'
import { assertRedirect, html } from '../../../../../../test/helpers/html.ts'
import { seal, unseal } from '../../one-time-password.ts'

describe('/admin/users/:id/one-time-password', () => {
  let t: TestApp
  let coordId: string
  before(async () => {
    t = await createTestApp()
    await createStaff(t.database, 'admin@example.com', ['administrator'], 'Ada Admin')
    coordId = (await createStaff(t.database, 'coord@example.com', ['coordinator'], 'Cora Coordinator')).id
  })
  after(() => t.close())

  it('says the password was already shown when none is waiting', async () => {
    const agent = await new Agent(t.app).signIn('admin@example.com')
    const res = await agent.get(`/admin/users/${coordId}/one-time-password`)
    assert.equal(res.statusCode, 200)
    assert.equal(html(res).getElementById('one-time-password'), null)
    assert.match(res.body, /already been shown/)
    assert.equal(
      (await agent.get('/admin/users/00000000-0000-4000-8000-000000000000/one-time-password')).statusCode,
      404,
    )
  })

  it('refuses a coordinator and sends someone not signed in to sign in', async () => {
    const coord = await new Agent(t.app).signIn('coord@example.com')
    assert.equal((await coord.get(`/admin/users/${coordId}/one-time-password`)).statusCode, 403)
    assertRedirect(await new Agent(t.app).get(`/admin/users/${coordId}/one-time-password`), /^\/sign-in\?next=/)
  })

  it('seals the password so that only this server can read it', () => {
    const sealed = seal('a'.repeat(40), 'abcd-efgh-jkmn-pqrs')
    assert.ok(!sealed.includes('abcd'))
    assert.equal(unseal('a'.repeat(40), sealed), 'abcd-efgh-jkmn-pqrs')
    assert.equal(unseal('b'.repeat(40), sealed), undefined)
  })
})

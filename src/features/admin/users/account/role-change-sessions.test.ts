// New roles sign the person out everywhere, so that nothing begun with the old roles goes on; an
// administrator who changes their own roles keeps the session they changed them in.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { localAuthorities } from '../../../../db/schema/index.ts'
import { Agent } from '../../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../../test/helpers/app.ts'
import { assertRedirect } from '../../../../../test/helpers/html.ts'

describe('changing roles ends sessions', () => {
  let t: TestApp
  let adminId: string
  let coordId: string
  let councilId: string
  before(async () => {
    t = await createTestApp()
    councilId = (await t.database.db.select().from(localAuthorities))[0]!.id
    adminId = (await createStaff(t.database, 'admin@example.com', ['administrator', 'manager'], 'Ada Admin')).id
    coordId = (await createStaff(t.database, 'coord@example.com', ['coordinator'], 'Cora Coordinator')).id
  })
  after(() => t.close())

  it('signs the person out everywhere when their roles change, and not when only their councils are saved again', async () => {
    const admin = await new Agent(t.app).signIn('admin@example.com')
    const desk = await new Agent(t.app).signIn('coord@example.com')
    const laptop = await new Agent(t.app).signIn('coord@example.com')
    await admin.get(`/admin/users/${coordId}`)
    const same = { shownRoles: 'coordinator', shownCouncils: councilId, roles: 'coordinator', councils: councilId }
    assertRedirect(await admin.post(`/admin/users/${coordId}/roles`, same), `/admin/users/${coordId}`)
    assert.equal((await desk.get('/today')).statusCode, 200, 'the same roles: still signed in')

    await admin.get(`/admin/users/${coordId}`)
    assertRedirect(
      await admin.post(`/admin/users/${coordId}/roles`, { ...same, roles: ['coordinator', 'mediator'] }),
      `/admin/users/${coordId}`,
    )
    assertRedirect(await desk.get('/today'), /^\/sign-in/)
    assertRedirect(await laptop.get('/today'), /^\/sign-in/)
    assert.equal((await admin.get('/today')).statusCode, 200)
  })

  it('an administrator changing their own roles keeps this session and loses the others', async () => {
    const here = await new Agent(t.app).signIn('admin@example.com')
    const elsewhere = await new Agent(t.app).signIn('admin@example.com')
    await here.get(`/admin/users/${adminId}`)
    assertRedirect(
      await here.post(`/admin/users/${adminId}/roles`, {
        shownRoles: ['administrator', 'manager'],
        shownCouncils: councilId,
        roles: 'administrator',
        councils: councilId,
      }),
      `/admin/users/${adminId}`,
    )
    assert.equal((await here.get('/today')).statusCode, 200)
    assertRedirect(await elsewhere.get('/today'), /^\/sign-in/)
  })
})

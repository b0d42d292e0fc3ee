import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { eq } from 'drizzle-orm'
import { mediators } from '../../../db/schema/index.ts'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html } from '../../../../test/helpers/html.ts'
import { insertMediator, profileFields } from '../testing.ts'

describe('changing a mediator’s profile', () => {
  let t: TestApp
  let id: string
  before(async () => {
    t = await createTestApp()
    await createStaff(t.database, 'manager@example.com', ['manager'])
    await createStaff(t.database, 'admin2@example.com', ['administrator'])
    await createStaff(t.database, 'coord@example.com', ['coordinator'])
    const own = await createStaff(t.database, 'med@example.com', ['mediator'])
    id = (
      await insertMediator(t.database, {
        name: 'Eve Edit',
        userId: own.id,
        languages: ['English', 'Tamil'],
        insuranceCoverPounds: 1_500_000,
      })
    ).id
  })
  after(() => t.close())

  test('the form opens filled in with the saved profile', async () => {
    const page = await (await new Agent(t.app).signIn('manager@example.com')).get(`/mediators/${id}/edit`)
    assert.equal(page.statusCode, 200)
    const doc = html(page)
    assert.equal(doc.getElementById('name')?.getAttribute('value'), 'Eve Edit')
    assert.equal(doc.getElementById('insuranceCoverPounds')?.getAttribute('value'), '1,500,000')
    assert.equal(doc.getElementById('dbsRenewalDue-year')?.getAttribute('value'), '2028')
    assert.equal(doc.getElementById('otherLanguages')?.getAttribute('value'), 'Tamil')
    assert.ok(doc.querySelector('input[name="languages"][value="English"]')?.hasAttribute('checked'))
    assert.equal(doc.querySelector('input[name="version"]')?.getAttribute('value'), '1')
  })

  test('an administrator saves a change; the version goes up', async () => {
    const agent = await new Agent(t.app).signIn('admin2@example.com')
    await agent.get(`/mediators/${id}/edit`)
    const res = await agent.post(
      `/mediators/${id}/edit`,
      profileFields({ name: 'Eve Edited', email: 'eve@example.com', version: '1' }),
    )
    assertRedirect(res, `/mediators/${id}`)
    const [row] = await t.database.db.select().from(mediators).where(eq(mediators.id, id))
    assert.equal(row?.name, 'Eve Edited')
    assert.equal(row?.version, 2)
    assert.equal(row?.userId, null) // the form chose 'Not linked'
  })

  test('a save from a page someone else has saved since is refused, showing their changes', async () => {
    const agent = await new Agent(t.app).signIn('manager@example.com')
    const res = await agent.submit(
      `/mediators/${id}/edit`,
      profileFields({ name: 'Stale Name', email: 'eve@example.com', version: '1' }),
    )
    assertFormErrors(res, ['name'])
    assert.match(res.body, /Someone else changed this profile while you were editing it/)
    assert.equal(html(res).getElementById('name')?.getAttribute('value'), 'Eve Edited')
    assert.equal(html(res).querySelector('input[name="version"]')?.getAttribute('value'), '2')
    const [row] = await t.database.db.select().from(mediators).where(eq(mediators.id, id))
    assert.equal(row?.name, 'Eve Edited')
  })

  test('invalid dates, cover and email are refused with links to each field', async () => {
    const agent = await new Agent(t.app).signIn('manager@example.com')
    const res = await agent.submit(
      `/mediators/${id}/edit`,
      profileFields({
        version: '2',
        email: 'eve@',
        insuranceCoverPounds: '1.5m',
        'insuranceExpiry-month': '13',
        'dbsCheckedOn-day': '',
      }),
    )
    assertFormErrors(res, ['email', 'insuranceCoverPounds', 'insuranceExpiry-day', 'dbsCheckedOn-day'])
    assert.match(res.body, /The date of the DBS check must include a day/)
  })

  test('coordinators may view but not edit; a mediator may not edit even their own', async () => {
    const coordinator = await new Agent(t.app).signIn('coord@example.com')
    assert.equal((await coordinator.get(`/mediators/${id}/edit`)).statusCode, 403)
    assert.equal((await coordinator.post(`/mediators/${id}/edit`, profileFields({ version: '2' }))).statusCode, 403)
    const profile = await coordinator.get(`/mediators/${id}`)
    assert.equal(profile.statusCode, 200)
    assert.doesNotMatch(profile.body, /\/edit"/)
    const mediator = await new Agent(t.app).signIn('med@example.com')
    assert.equal((await mediator.get(`/mediators/${id}/edit`)).statusCode, 403)
    assertRedirect(await new Agent(t.app).get(`/mediators/${id}/edit`), /^\/sign-in/)
  })

  test('an unknown mediator is not found', async () => {
    const agent = await new Agent(t.app).signIn('manager@example.com')
    assert.equal((await agent.get('/mediators/00000000-0000-4000-8000-000000000000/edit')).statusCode, 404)
    assert.equal((await agent.get('/mediators/not-a-uuid/edit')).statusCode, 404)
  })
})

import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { mediatorUnavailability } from '../../../db/schema/index.ts'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html } from '../../../../test/helpers/html.ts'
import { insertMediator } from '../testing.ts'

const range = (from: [string, string, string], to: [string, string, string], note = '') => ({
  'fromDate-day': from[0],
  'fromDate-month': from[1],
  'fromDate-year': from[2],
  'toDate-day': to[0],
  'toDate-month': to[1],
  'toDate-year': to[2],
  note,
  submissionKey: randomUUID(),
})

describe('unavailable dates', () => {
  let t: TestApp
  let id: string
  let other: string
  before(async () => {
    t = await createTestApp()
    await createStaff(t.database, 'coord@example.com', ['coordinator'])
    const own = await createStaff(t.database, 'med@example.com', ['mediator'])
    id = (await insertMediator(t.database, { name: 'Una Away', userId: own.id })).id
    other = (await insertMediator(t.database, { name: 'Olu Other' })).id
  })
  after(() => t.close())

  test('a mediator adds dates they cannot work, and removes them', async () => {
    const agent = await new Agent(t.app).signIn('med@example.com')
    assert.equal((await agent.get(`/mediators/${id}/unavailability/new`)).statusCode, 200)
    assertRedirect(
      await agent.submit(
        `/mediators/${id}/unavailability/new`,
        range(['21', '12', '2026'], ['2', '1', '2027'], 'Annual leave'),
      ),
      `/mediators/${id}#unavailable`,
    )
    const page = await agent.get(`/mediators/${id}`)
    assert.match(page.body, /Monday 21 December 2026/)
    assert.match(page.body, /Saturday 2 January 2027/)
    const action = html(page).querySelector('form[action$="/remove"]')?.getAttribute('action')
    assert.ok(action)
    assertRedirect(await agent.post(action), `/mediators/${id}#unavailable`)
    assert.equal((await t.database.db.select().from(mediatorUnavailability)).length, 0)
    // Removing it again finds nothing.
    await agent.get(`/mediators/${id}`)
    assert.equal((await agent.post(action)).statusCode, 404)
  })

  test('a coordinator records them too', async () => {
    const agent = await new Agent(t.app).signIn('coord@example.com')
    assertRedirect(
      await agent.submit(`/mediators/${other}/unavailability/new`, range(['5', '1', '2027'], ['5', '1', '2027'])),
    )
    const rows = await t.database.db.select().from(mediatorUnavailability)
    assert.deepEqual(
      rows.map((r) => [r.mediatorId, r.fromDate, r.toDate, r.note]),
      [[other, '2027-01-05', '2027-01-05', null]],
    )
  })

  test('problems are explained, linking to each field', async () => {
    const agent = await new Agent(t.app).signIn('med@example.com')
    assertFormErrors(
      await agent.submit(`/mediators/${id}/unavailability/new`, range(['', '', ''], ['32', '1', '2027'])),
      ['fromDate-day', 'toDate-day'],
    )
    const res = await agent.submit(`/mediators/${id}/unavailability/new`, range(['5', '1', '2027'], ['4', '1', '2027']))
    assertFormErrors(res, ['toDate-day'])
    assert.match(res.body, /The last day they are unavailable must be the same as or after the first day/)
  })

  test('a mediator may not touch someone else’s dates', async () => {
    const [theirs] = await t.database.db.select().from(mediatorUnavailability)
    const agent = await new Agent(t.app).signIn('med@example.com')
    await agent.get(`/mediators/${id}/unavailability/new`) // for a form's token
    assert.equal((await agent.post(`/mediators/${other}/unavailability/${theirs!.id}/remove`)).statusCode, 404)
    // Nor through their own profile's address.
    assert.equal((await agent.post(`/mediators/${id}/unavailability/${theirs!.id}/remove`)).statusCode, 404)
    assert.equal((await t.database.db.select().from(mediatorUnavailability)).length, 1)
    assertRedirect(await new Agent(t.app).get(`/mediators/${id}/unavailability/new`), /^\/sign-in/)
  })
})

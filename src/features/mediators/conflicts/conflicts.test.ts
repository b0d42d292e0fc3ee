import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { mediatorConflicts } from '../../../db/schema/index.ts'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html } from '../../../../test/helpers/html.ts'
import { listMediatorsForAllocation } from '../allocation-repository.ts'
import { insertMediator } from '../testing.ts'

describe('conflicts of interest', () => {
  let t: TestApp
  let id: string
  let other: string
  let warrington: string
  before(async () => {
    t = await createTestApp() // 27 November 2026
    await createStaff(t.database, 'manager@example.com', ['manager'])
    await createStaff(t.database, 'coord@example.com', ['coordinator'])
    const own = await createStaff(t.database, 'med@example.com', ['mediator'])
    id = (await insertMediator(t.database, { name: 'Cora Conflict', userId: own.id })).id
    other = (await insertMediator(t.database, { name: 'Olu Other' })).id
  })
  after(() => t.close())

  test('a mediator declares a link with a school and later ends it', async () => {
    const agent = await new Agent(t.app).signIn('med@example.com')
    const form = await agent.get(`/mediators/${id}/conflicts/new`)
    assert.equal(form.statusCode, 200)
    warrington = html(form)
      .querySelectorAll('#localAuthorityId option')
      .find((o) => o.text === 'Warrington Borough Council')!
      .getAttribute('value')!
    assertRedirect(
      await agent.post(`/mediators/${id}/conflicts/new`, {
        submissionKey: randomUUID(),
        organisationKind: 'school',
        organisationName: 'Penketh High School',
        localAuthorityId: warrington,
        link: 'family',
        details: 'My sister teaches there',
        'endedOn-day': '',
        'endedOn-month': '',
        'endedOn-year': '',
      }),
      `/mediators/${id}#conflicts`,
    )

    let page = await agent.get(`/mediators/${id}`)
    const row = html(page).querySelector('tr[data-conflict]')
    assert.match(row?.text ?? '', /Penketh High School/)
    assert.match(row?.text ?? '', /Warrington Borough Council/)
    assert.match(row?.text ?? '', /Continuing/)
    let [declared] = (await listMediatorsForAllocation(t.database.db)).find((m) => m.id === id)!.conflicts
    assert.deepEqual(
      { ...declared, id: undefined },
      {
        id: undefined,
        organisationKind: 'school',
        organisationName: 'Penketh High School',
        localAuthorityId: warrington,
        localAuthorityCode: 'warrington',
        link: 'family',
        details: 'My sister teaches there',
        declaredOn: '2026-11-27',
        endedOn: null,
      },
    )

    const end = html(page).querySelector('form[action$="/end"]')?.getAttribute('action')
    assert.equal(end, `/mediators/${id}/conflicts/${declared!.id}/end`)
    assertRedirect(await agent.post(end!), `/mediators/${id}#conflicts`)
    page = await agent.get(`/mediators/${id}`)
    assert.match(html(page).querySelector('tr[data-conflict]')?.text ?? '', /Friday 27 November 2026/)
    assert.equal(html(page).querySelector('form[action$="/end"]'), null)
    ;[declared] = (await listMediatorsForAllocation(t.database.db)).find((m) => m.id === id)!.conflicts
    assert.equal(declared!.endedOn, '2026-11-27')
    // Ending it twice finds no continuing link.
    assert.equal((await agent.post(end!)).statusCode, 404)
  })

  test('a manager declares one for a mediator, with an end date in the past', async () => {
    const agent = await new Agent(t.app).signIn('manager@example.com')
    assertRedirect(
      await agent.submit(`/mediators/${other}/conflicts/new`, {
        submissionKey: randomUUID(),
        organisationKind: 'local-authority',
        organisationName: 'Warrington Borough Council',
        localAuthorityId: '',
        link: 'employment',
        details: '',
        'endedOn-day': '31',
        'endedOn-month': '7',
        'endedOn-year': '2025',
      }),
    )
    const rows = await t.database.db.select().from(mediatorConflicts)
    assert.equal(rows.find((r) => r.mediatorId === other)?.endedOn, '2025-07-31')
  })

  test('problems are explained, linking to each field', async () => {
    const agent = await new Agent(t.app).signIn('med@example.com')
    assertFormErrors(await agent.submit(`/mediators/${id}/conflicts/new`, { submissionKey: randomUUID() }), [
      'organisationKind',
      'organisationName',
      'link',
    ])
    const res = await agent.submit(`/mediators/${id}/conflicts/new`, {
      submissionKey: randomUUID(),
      organisationKind: 'health',
      organisationName: 'NHS Trust',
      localAuthorityId: 'not-a-council',
      link: 'other',
      details: '',
      'endedOn-day': '1',
      'endedOn-month': '1',
      'endedOn-year': '2030',
    })
    assertFormErrors(res, ['localAuthorityId', 'details', 'endedOn-day'])
    assert.match(res.body, /The date the link ended must be today or in the past/)
  })

  test('a coordinator may not declare conflicts; a mediator may not for someone else', async () => {
    const coordinator = await new Agent(t.app).signIn('coord@example.com')
    assert.equal((await coordinator.get(`/mediators/${id}/conflicts/new`)).statusCode, 403)
    const mediator = await new Agent(t.app).signIn('med@example.com')
    assert.equal((await mediator.get(`/mediators/${other}/conflicts/new`)).statusCode, 404)
    const [theirs] = await t.database.db.select().from(mediatorConflicts)
    await mediator.get(`/mediators/${id}/conflicts/new`) // for a form's token
    assert.equal((await mediator.post(`/mediators/${other}/conflicts/${theirs!.id}/end`)).statusCode, 404)
    assertRedirect(await new Agent(t.app).get(`/mediators/${id}/conflicts/new`), /^\/sign-in/)
  })
})

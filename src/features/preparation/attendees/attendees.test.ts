import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html, titleOf } from '../../../../test/helpers/html.ts'
import { attendees, caseEvents } from '../../../db/schema/index.ts'
import { preparationCase, staffAgents } from '../testing.ts'

describe('who will attend, at /cases/:id/preparation/attendees', () => {
  let t: TestApp
  let coordinator: Agent
  let otherMediator: Agent
  const url = (id: string) => `/cases/${id}/preparation/attendees`
  const warnings = async (id: string) =>
    html(await coordinator.get(url(id)))
      .querySelectorAll('#authority-warnings .govuk-warning-text__text')
      .map((w) => w.text.replace(/\s+/g, ' ').replace('Warning', '').trim())

  before(async () => {
    t = await createTestApp()
    ;({ coordinator, otherMediator } = await staffAgents(t))
  })
  after(() => t.close())

  it('shows the page to staff, and is not found for a mediator not allocated to the case', async () => {
    const c = await preparationCase(t)
    const res = await coordinator.get(url(c.id))
    assert.equal(res.statusCode, 200)
    assert.match(titleOf(res), /^Attendees - /)
    assert.equal((await otherMediator.get(url(c.id))).statusCode, 404)
    await otherMediator.get('/account/password')
    assert.equal((await otherMediator.post(url(c.id), { party: c.council.id, name: 'x', role: 'y' })).statusCode, 404)
  })

  it('asks for the party, the name and the role, keeping what was typed (escaped)', async () => {
    const c = await preparationCase(t)
    const res = await coordinator.submit(url(c.id), {
      submissionKey: randomUUID(),
      name: '<script>alert(1)</script>',
      role: '',
    })
    assertFormErrors(res, ['party', 'role'])
    assert.match(res.body, /Select the party they come for/)
    assert.match(res.body, /Enter their role, for example SEN officer/)
    assert.ok(!res.body.includes('<script>alert(1)</script>'))
    assert.equal(html(res).getElementById('name')?.getAttribute('value'), '<script>alert(1)</script>') // kept, and escaped in the page
    assertFormErrors(
      await coordinator.submit(url(c.id), {
        submissionKey: randomUUID(),
        party: c.council.id,
        name: ' ',
        role: 'SEN officer',
        about: 'boss',
      }),
      ['name', 'about'],
    )
  })

  it('warns until someone with authority to agree is named for the council, and for the health body when it is a party', async () => {
    const c = await preparationCase(t, { health: true })
    assert.deepEqual(await warnings(c.id), [
      'No one with authority to agree named for the council',
      'No one with authority to agree named for the health body',
    ])

    assertRedirect(
      await coordinator.submit(url(c.id), {
        submissionKey: randomUUID(),
        party: c.council.id,
        name: 'Priya Shah',
        role: 'SEN caseworker',
      }),
      url(c.id),
    )
    assert.deepEqual(await warnings(c.id), [
      'No one with authority to agree named for the council',
      'No one with authority to agree named for the health body',
    ])
    assertRedirect(
      await coordinator.submit(url(c.id), {
        submissionKey: randomUUID(),
        party: c.council.id,
        name: 'Tom Reed',
        role: 'SEN team manager',
        about: 'authority',
      }),
    )
    assert.deepEqual(await warnings(c.id), ['No one with authority to agree named for the health body'])
    assertRedirect(
      await coordinator.submit(url(c.id), {
        submissionKey: randomUUID(),
        party: c.health!.id,
        name: 'Dr Ann Lee',
        role: 'Designated clinical officer',
        about: ['authority'],
      }),
    )
    assert.deepEqual(await warnings(c.id), [])
    assertRedirect(
      await coordinator.submit(url(c.id), {
        submissionKey: randomUUID(),
        party: c.parent.id,
        name: 'Jo Advocate',
        role: 'Advocate',
        about: 'supporter',
      }),
    )

    const rows = await t.database.db.select().from(attendees).where(eq(attendees.caseId, c.id))
    assert.deepEqual(rows.map((r) => [r.name, r.hasAuthorityToAgree, r.isSupporter]).sort(), [
      ['Dr Ann Lee', true, false],
      ['Jo Advocate', false, true],
      ['Priya Shah', false, false],
      ['Tom Reed', true, false],
    ])
    const events = await t.database.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.type, 'attendee-added')))
    assert.equal(events.length, 4)
    assert.match(html(await coordinator.get(`/cases/${c.id}/preparation`)).getElementById('parties')!.text, /Tom Reed/)
  })

  it('does not warn about the health body when it is not a party', async () => {
    const c = await preparationCase(t)
    assert.deepEqual(await warnings(c.id), ['No one with authority to agree named for the council'])
  })
})

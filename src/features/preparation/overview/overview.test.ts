import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertRedirect, html, titleOf } from '../../../../test/helpers/html.ts'
import { accessLog, users } from '../../../db/schema/index.ts'
import { contactEveryParty, preparationCase, staffAgents } from '../testing.ts'

describe('the Preparation tab at /cases/:id/preparation', () => {
  let t: TestApp
  let coordinator: Agent
  let otherMediator: Agent
  const url = (id: string) => `/cases/${id}/preparation`

  before(async () => {
    t = await createTestApp()
    ;({ coordinator, otherMediator } = await staffAgents(t))
    await createStaff(t.database, 'manager@example.com', ['manager'])
  })
  after(() => t.close())

  it('shows each party with whether they have been contacted, links to every page, and records the look', async () => {
    const c = await preparationCase(t)
    const res = await coordinator.get(url(c.id))
    assert.equal(res.statusCode, 200)
    assert.match(titleOf(res), /^Preparation - MED-/)
    const doc = html(res)
    assert.equal(doc.querySelector('.moj-sub-navigation__link[aria-current="page"]')?.text.trim(), 'Preparation')
    assert.match(
      doc.querySelector('.govuk-warning-text')!.text,
      /Not contacted yet: Sarah Hartley, the council \(Warrington Borough Council\), the school \(Brookfield Primary School\)/,
    )
    const links = doc.querySelectorAll('#preparation-summary a').map((a) => a.getAttribute('href'))
    for (const page of ['contacts', 'issues', 'child', 'attendees', 'summaries'])
      assert.ok(links.includes(`${url(c.id)}/${page}`), page)
    assert.match(doc.getElementById('release-state')!.text, /Not released yet, and no release date set/)
    assert.ok(
      (await t.database.db.select().from(accessLog).where(eq(accessLog.caseId, c.id))).some(
        (l) => l.path === url(c.id),
      ),
    )

    const [user] = await t.database.db.select().from(users).where(eq(users.email, 'coordinator@example.com'))
    await contactEveryParty(t.database, t.clock, c.id, user!, '2026-11-26')
    const after = html(await coordinator.get(url(c.id)))
    assert.equal(after.querySelector('.govuk-warning-text'), null)
    assert.match(after.getElementById('parties')!.text, /Thursday 26 November 2026 \(Phone\)/)
    assert.match(after.getElementById('preparation-summary')!.text, /3 of 3 parties contacted/)
  })

  it('is for every staff role that sees the case; not found for a mediator not allocated to it; sign in first', async () => {
    const c = await preparationCase(t)
    const manager = await new Agent(t.app).signIn('manager@example.com')
    assert.equal((await manager.get(url(c.id))).statusCode, 200)
    assert.equal((await otherMediator.get(url(c.id))).statusCode, 404)
    assert.equal((await coordinator.get('/cases/00000000-0000-4000-8000-000000000000/preparation')).statusCode, 404)
    assertRedirect(await new Agent(t.app).get(url(c.id)), /^\/sign-in\?next=/)
  })
})

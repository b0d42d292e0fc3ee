import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html, titleOf } from '../../../../test/helpers/html.ts'
import { caseEvents, childViews } from '../../../db/schema/index.ts'
import { childViewsVisibleTo } from '../rules.ts'
import { dateFields, preparationCase, staffAgents } from '../testing.ts'

describe('the voice of the child at /cases/:id/preparation/child', () => {
  let t: TestApp
  let coordinator: Agent
  let otherMediator: Agent
  const url = (id: string) => `/cases/${id}/preparation/child`

  before(async () => {
    t = await createTestApp()
    ;({ coordinator, otherMediator } = await staffAgents(t))
  })
  after(() => t.close())

  it('shows the page to staff, offering the case’s own party roles to share with, and is not found for a mediator not allocated to the case', async () => {
    const c = await preparationCase(t)
    const res = await coordinator.get(url(c.id))
    assert.equal(res.statusCode, 200)
    assert.match(titleOf(res), /^Voice of the child - /)
    const roles = html(res)
      .querySelectorAll('input[name="shareWith"]')
      .map((i) => i.getAttribute('value'))
    assert.deepEqual(roles, ['parent', 'local-authority', 'school'])
    assert.equal((await otherMediator.get(url(c.id))).statusCode, 404)
    await otherMediator.get('/account/password')
    assert.equal((await otherMediator.post(url(c.id), { views: 'x' })).statusCode, 404)
  })

  it('asks for what is missing, in the order of the form, keeping what was typed (escaped)', async () => {
    const c = await preparationCase(t)
    const res = await coordinator.submit(url(c.id), {
      submissionKey: randomUUID(),
      views: '<script>alert(1)</script>',
      'gatheredOn-day': '3',
      'gatheredOn-month': '',
      'gatheredOn-year': '2026',
    })
    assertFormErrors(res, ['gatheredBy', 'gatheredOn-month', 'consentToShare'])
    assert.match(res.body, /Select how their views were gathered/)
    assert.match(res.body, /The date their views were gathered must include a month/)
    assert.match(res.body, /Select yes if they agreed to share their views/)
    assert.ok(!res.body.includes('<script>alert(1)</script>'))
    assert.equal(html(res).getElementById('views')?.text, '<script>alert(1)</script>')

    const nobody = await coordinator.submit(url(c.id), {
      submissionKey: randomUUID(),
      views: 'I like my teacher',
      gatheredBy: 'drawing',
      consentToShare: 'yes',
      ...dateFields('gatheredOn', '2026-11-20'),
    })
    assertFormErrors(nobody, ['shareWith'])
    assert.match(nobody.body, /Select who they agreed can see their views/)
    assertFormErrors(
      await coordinator.submit(url(c.id), {
        submissionKey: randomUUID(),
        views: '',
        gatheredBy: 'drawing',
        consentToShare: 'no',
        ...dateFields('gatheredOn', '2026-11-28'),
      }),
      ['views', 'gatheredOn-day'],
    )
    assert.equal((await t.database.db.select().from(childViews).where(eq(childViews.caseId, c.id))).length, 0)
  })

  it('records their views, how and when they were gathered and who may see them, with an event that leaves the views out', async () => {
    const c = await preparationCase(t)
    const res = await coordinator.submit(url(c.id), {
      submissionKey: randomUUID(),
      views: 'I want to stay with my friends.\nI like drawing.',
      gatheredBy: 'drawing',
      consentToShare: 'yes',
      shareWith: ['parent', 'school'],
      ...dateFields('gatheredOn', '2026-11-20'),
    })
    assertRedirect(res, url(c.id))
    const [row] = await t.database.db.select().from(childViews).where(eq(childViews.caseId, c.id))
    assert.deepEqual(
      [row!.gatheredBy, row!.gatheredOn, row!.consentToShare, row!.shareWith],
      ['drawing', '2026-11-20', true, ['parent', 'school']],
    )
    const [event] = await t.database.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.type, 'child-views-recorded')))
    assert.equal(event!.occurredOn, '2026-11-20')
    assert.ok(!JSON.stringify(event!.data).includes('friends'))
    // Who may read them, by the rule the parties' portal will use.
    assert.equal(childViewsVisibleTo('parent', row!), true)
    assert.equal(childViewsVisibleTo('local-authority', row!), false)
    assert.equal(childViewsVisibleTo('mediator', row!), true)

    const doc = html(await coordinator.get(url(c.id)))
    const shown = doc.getElementById('child-views-1')!.text
    assert.match(shown, /I want to stay with my friends\./)
    assert.match(shown, /A drawing/)
    assert.match(shown, /Yes, with: The parent or carer, The school or college/)
    // On the overview, staff see that they were recorded.
    assert.match(
      html(await coordinator.get(`/cases/${c.id}/preparation`)).getElementById('preparation-summary')!.text,
      /Views recorded on Friday 20 November 2026 \(shared with the parties they chose\)/,
    )
  })

  it('shares with no one when the child did not agree, whatever was ticked', async () => {
    const c = await preparationCase(t)
    assertRedirect(
      await coordinator.submit(url(c.id), {
        submissionKey: randomUUID(),
        views: 'Private',
        gatheredBy: 'in-person',
        consentToShare: 'no',
        shareWith: 'parent',
        ...dateFields('gatheredOn', '2026-11-27'),
      }),
    )
    const [row] = await t.database.db.select().from(childViews).where(eq(childViews.caseId, c.id))
    assert.deepEqual([row!.consentToShare, row!.shareWith], [false, []])
    assert.equal(childViewsVisibleTo('parent', row!), false)
  })
})

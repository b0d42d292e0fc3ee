import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { and, eq } from 'drizzle-orm'
import type { Agent } from '../../../test/helpers/agent.ts'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html } from '../../../test/helpers/html.ts'
import { auditTrail, caseEvents, caseParties, cases, rightsRequests } from '../../db/schema/index.ts'
import { dateFields, familyCase, requestFields, requestIdOf, staffAgent, twoCouncils } from './testing.ts'

const today = '2026-12-07'

describe('rectification and erasure: decided with reasons kept, and carried out', () => {
  let t: TestApp
  let manager: Agent
  let councilA: string

  before(async () => {
    t = await createTestApp({ now: `${today}T10:00:00Z` })
    councilA = (await twoCouncils(t)).a
    manager = await staffAgent(t, 'mara@example.com', ['manager'], [councilA])
  })
  after(() => t.close())

  /** A request about the parent of the case, with the parent ticked as the match; its page's version. */
  async function requestAbout(kind: string, name: string, email: string) {
    const id = requestIdOf(
      await manager.submit(
        '/rights/new',
        requestFields({
          kind,
          council: councilA,
          requesterName: name,
          subjectName: name,
          details: 'As they asked',
          ...dateFields('receivedOn', today),
        }),
      ),
    )
    const found = html(await manager.get(`/rights/${id}?search=1&name=&email=${encodeURIComponent(email)}&phone=`))
    const boxes = found
      .querySelectorAll('#match-list input[name=match]')
      .map((i) => i.getAttribute('value')!)
      .filter((v) => v.includes(':party:'))
    assert.equal(boxes.length, 1)
    const version = found.querySelector('#matches input[name=version]')!.getAttribute('value')!
    assertRedirect(await manager.post(`/rights/${id}/matches`, { version, shown: boxes, match: boxes }))
    return { id, version: String(Number(version) + 1) }
  }

  const row = async (id: string) =>
    (await t.database.db.select().from(rightsRequests).where(eq(rightsRequests.id, id)))[0]!

  test('a correction: accepted with its reasons, made on the case pages, marked done with what was changed', async () => {
    const c = await familyCase(t, councilA, {
      child: 'Noah Price',
      parent: 'Lucy Price',
      email: 'lucy@example.com',
      officer: 'Sam Reed',
      officerEmail: 'sam@council.example',
    })
    const { id, version } = await requestAbout('rectification', 'Lucy Price', 'lucy@example.com')
    assertFormErrors(await manager.post(`/rights/${id}/decision`, { version, decision: '', reason: '' }), [
      'decision',
      'reason',
    ])
    const stale = await manager.post(`/rights/${id}/decision`, { version: '1', decision: 'accepted', reason: 'x' })
    assert.equal(stale.statusCode, 409)
    assertRedirect(
      await manager.post(`/rights/${id}/decision`, {
        version,
        decision: 'accepted',
        reason: 'Her phone number on the case is out of date.',
      }),
    )
    const accepted = await row(id)
    assert.equal(accepted.status, 'accepted')
    assert.equal(accepted.decisionReason, 'Her phone number on the case is out of date.')
    const page = html(await manager.get(`/rights/${id}`))
    assert.match(page.getElementById('case-links')!.text, new RegExp(`Case ${c.reference}`))
    assert.match(page.getElementById('decision-record')!.nextElementSibling!.text, /Accepted[\s\S]*out of date/)

    // Her details corrected from the request: the form as they are, a problem kept as typed, then saved.
    const href = page.querySelector('#corrections a')!.getAttribute('href')!
    const form = await manager.get(href)
    assert.equal(form.statusCode, 200)
    assert.equal(html(form).getElementById('email')!.getAttribute('value'), 'lucy@example.com')
    const match = html(form).querySelector('input[name=match]')!.getAttribute('value')!
    const wrong = await manager.post(`/rights/${id}/correct`, { match, name: '', email: 'lucy@', phone: '' })
    assertFormErrors(wrong, ['name', 'email'])
    assert.equal(html(wrong).getElementById('email')!.getAttribute('value'), 'lucy@')
    const fixed = { match, name: 'Lucy Price', email: 'lucy@example.com', phone: '07700 900999' }
    assertRedirect(await manager.post(`/rights/${id}/correct`, fixed), `/rights/${id}`)
    const [party] = await t.database.db.select().from(caseParties).where(eq(caseParties.id, c.parent.id))
    assert.equal(party!.phone, '07700 900999')
    const [event] = await t.database.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.type, 'details-corrected')))
    assert.deepEqual(event!.data, {
      request: accepted.reference,
      who: 'party',
      before: { name: 'Lucy Price', email: 'lucy@example.com', phone: null },
      after: { name: 'Lucy Price', email: 'lucy@example.com', phone: '07700 900999' },
    })
    assert.equal((await manager.post(`/rights/${id}/correct`, fixed)).statusCode, 400) // nothing left to change

    assertRedirect(
      await manager.post(`/rights/${id}/done`, { version: String(accepted.version), outcome: 'Phone corrected.' }),
    )
    const done = await row(id)
    assert.equal(done.status, 'done')
    assert.equal(done.outcome, 'Phone corrected.')
    const decided = await t.database.db
      .select()
      .from(auditTrail)
      .where(and(eq(auditTrail.recordId, id), eq(auditTrail.action, 'rights.decided')))
    assert.equal((decided[0]!.after as { decisionReason: string }).decisionReason, accepted.decisionReason)
  })

  test('an erasure while a tribunal appeal is open cannot be accepted: it is refused, with the reason kept', async () => {
    const c = await familyCase(t, councilA, {
      child: 'Isla Carter',
      parent: 'Ben Carter',
      email: 'ben@example.com',
      officer: 'Kim Lowe',
      officerEmail: 'kim@council.example',
    })
    await t.database.db.insert(caseEvents).values({
      caseId: c.id,
      type: 'appeal-made',
      occurredOn: today,
      recordedAt: t.clock.now(),
      actorLabel: 'Test',
      data: {},
    })
    const { id, version } = await requestAbout('erasure', 'Ben Carter', 'ben@example.com')
    const page = await manager.get(`/rights/${id}`)
    assert.match(html(page).querySelector('.govuk-warning-text')!.text, /appeal to the SEND Tribunal/)
    const accept = await manager.post(`/rights/${id}/decision`, { version, decision: 'accepted', reason: 'Asked' })
    assert.equal(accept.statusCode, 400)
    assert.match(
      html(accept).querySelector('.govuk-error-summary')!.text,
      new RegExp(`case ${c.reference} has an appeal`),
    )
    const reason = `Case ${c.reference} has an appeal to the SEND Tribunal: we keep its record for that claim (UK GDPR art. 17(3)(e)).`
    assertRedirect(await manager.post(`/rights/${id}/decision`, { version, decision: 'refused', reason }))
    const refused = await row(id)
    assert.equal(refused.status, 'refused')
    assert.equal(refused.decision, 'refused')
    assert.equal(refused.decisionReason, reason)
    assert.ok(refused.completedAt)
    const [kept] = await t.database.db.select().from(cases).where(eq(cases.id, c.id))
    assert.equal(kept!.childName, 'Isla Carter')
    assert.ok(
      !html(await manager.get('/today'))
        .getElementById('rights-due')
        ?.text.includes('Ben Carter'),
    )
  })

  test('an erasure the law allows anonymises each case the person was found in', async () => {
    const c = await familyCase(t, councilA, {
      child: 'Evie Blake',
      parent: 'Amy Blake',
      email: 'amy@example.com',
      officer: 'Raj Patel',
      officerEmail: 'raj@council.example',
    })
    await t.database.db.update(cases).set({ status: 'closed' }).where(eq(cases.id, c.id))
    // A correction asked for earlier, accepted, and not yet made when the erasure is carried out.
    const earlier = await requestAbout('rectification', 'Amy Blake', 'amy@example.com')
    assertRedirect(
      await manager.post(`/rights/${earlier.id}/decision`, {
        version: earlier.version,
        decision: 'accepted',
        reason: 'Her email is out of date.',
      }),
    )
    const correctHref = html(await manager.get(`/rights/${earlier.id}`)).querySelector('#corrections a')!
    const match = html(await manager.get(correctHref.getAttribute('href')!))
      .querySelector('input[name=match]')!
      .getAttribute('value')!
    const { id, version } = await requestAbout('erasure', 'Amy Blake', 'amy@example.com')
    assertRedirect(
      await manager.post(`/rights/${id}/decision`, {
        version,
        decision: 'accepted',
        reason: 'The case closed and nothing needs its record.',
      }),
    )
    const accepted = await row(id)
    assertRedirect(
      await manager.post(`/rights/${id}/done`, { version: String(accepted.version), outcome: 'Erased; told her.' }),
    )
    const [gone] = await t.database.db.select().from(cases).where(eq(cases.id, c.id))
    assert.notEqual(gone!.childName, 'Evie Blake')
    const parties = await t.database.db.select().from(caseParties).where(eq(caseParties.caseId, c.id))
    assert.ok(parties.every((p) => !['Amy Blake', 'Raj Patel'].includes(p.name) && p.email === null))
    const events = await t.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, c.id))
    assert.ok(events.some((e) => e.type === 'anonymised' && e.actorLabel.includes(accepted.reference)))
    const done = await row(id)
    assert.equal(done.status, 'done')
    assert.equal(done.outcome, 'Erased; told her.')
    const late = { match, name: 'Amy Blake', email: 'amy.blake@example.com', phone: '' }
    const refused = await manager.post(`/rights/${earlier.id}/correct`, late)
    assert.equal(refused.statusCode, 400)
    assert.match(refused.body, /personal details were removed: there is nothing left to correct/)
    // The search finds her no more.
    const search = html(await manager.get(`/rights/${id}?search=1&name=Amy+Blake&email=amy%40example.com&phone=`))
    assert.ok(!search.querySelectorAll('#match-list .app-candidate').some((r) => r.text.includes(c.reference)))
  })
})

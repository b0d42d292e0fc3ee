import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html, titleOf } from '../../../../test/helpers/html.ts'
import {
  allocationObjections,
  allocations,
  caseEvents,
  caseParties,
  cases,
  mediatorConflicts,
} from '../../../db/schema/index.ts'
import { makeCase } from '../../cases/testing.ts'
import { createWorkflowService } from '../../cases/index.ts'
import { makeMediator } from '../testing.ts'

describe('the mediator tab: /cases/:id/mediator', () => {
  let t: TestApp
  let coordinator: Agent
  let mediatorAgent: Agent
  const m = { alice: '', bob: '', cara: '', dan: '' }
  const actor = { label: 'Test' }

  /** A SEN mediation case asking the other parties: ready for a mediator. */
  const readyCase = async (childName = 'Amelia Hartley') => {
    const made = await makeCase(t.database, t.clock, { childName })
    const workflow = createWorkflowService({ db: t.database.db, clock: t.clock })
    const r = await workflow.apply(
      made.id,
      [{ type: 'decide-scope', scope: 'sen-mediation', reason: 'x' }, { type: 'choose-mediation' }],
      { actor },
    )
    assert.ok(r.ok)
    return made
  }
  const caseRow = async (id: string) => (await t.database.db.select().from(cases).where(eq(cases.id, id)))[0]!
  const eventsOf = async (id: string) =>
    t.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, id)).orderBy(caseEvents.id)
  const allocate = async (caseId: string, mediatorId: string, note = 'First on the list') =>
    coordinator.submit(`/cases/${caseId}/mediator/allocate/${mediatorId}`, {
      version: String((await caseRow(caseId)).version),
      note,
      submissionKey: randomUUID(),
    })

  before(async () => {
    t = await createTestApp({ config: { SESSION_IDLE_MINUTES: 60 * 24 * 365 } })
    await createStaff(t.database, 'coordinator@example.com', ['coordinator'], 'Cora Ordinator')
    const account = await createStaff(t.database, 'alice@example.com', ['mediator'], 'Alice Able')
    m.alice = (await makeMediator(t.database, t.clock, { name: 'Alice Able', userId: account.id })).id
    m.bob = (await makeMediator(t.database, t.clock, { name: 'Bob Lapsed', insuranceExpiry: '2026-11-01' })).id
    m.cara = (await makeMediator(t.database, t.clock, { name: 'Cara Conflict' })).id
    await t.database.db.insert(mediatorConflicts).values({
      mediatorId: m.cara,
      organisationKind: 'local-authority',
      organisationName: 'Warrington Borough Council',
      link: 'employment',
      declaredOn: '2025-01-01',
    })
    m.dan = (await makeMediator(t.database, t.clock, { name: 'Dan Second', languages: ['English', 'Polish'] })).id
    coordinator = await new Agent(t.app).signIn('coordinator@example.com')
    mediatorAgent = await new Agent(t.app).signIn('alice@example.com')
  })
  after(() => t.close())

  it('shows a coordinator the panel ranked for the case, each with its reasons, and Allocate only for the eligible', async () => {
    const { id, reference } = await readyCase()
    const res = await coordinator.get(`/cases/${id}/mediator`)
    assert.equal(res.statusCode, 200)
    assert.equal(titleOf(res), `Mediator - ${reference} - SEN Mediation and Disagreement Resolution Service`)
    const doc = html(res)
    const items = doc.querySelectorAll('#ranked-mediators > li')
    assert.deepEqual(
      items.map((li) => li.querySelector('h3')!.text.replace(/\s+/g, ' ').trim()),
      [
        '1. Alice Able Can be allocated',
        '2. Dan Second Can be allocated',
        '3. Bob Lapsed Cannot be allocated',
        '4. Cara Conflict Cannot be allocated',
      ],
    )
    assert.match(
      doc.getElementById(`reasons-${m.bob}`)!.text,
      /Professional indemnity insurance lapsed on Sunday 1 November 2026\./,
    )
    assert.match(
      doc.getElementById(`reasons-${m.cara}`)!.text,
      /Declared an employment link to Warrington Borough Council/,
    )
    assert.match(doc.getElementById(`reasons-${m.alice}`)!.text, /Works in the Warrington Borough Council area/)
    assert.ok(doc.querySelector(`a[href="/cases/${id}/mediator/allocate/${m.alice}"]`))
    assert.equal(doc.querySelector(`a[href="/cases/${id}/mediator/allocate/${m.bob}"]`), null)
  })

  it('records the allocation with its reasons, the workflow event and the new status', async () => {
    const { id } = await readyCase()
    const page = await coordinator.get(`/cases/${id}/mediator/allocate/${m.alice}`)
    assert.equal(page.statusCode, 200)
    assert.match(html(page).getElementById('reasons')!.text, /No declared link to anyone in this case/)

    assertFormErrors(
      await coordinator.post(`/cases/${id}/mediator/allocate/${m.alice}`, {
        version: '3',
        note: '  ',
        submissionKey: randomUUID(),
      }),
      ['note'],
    )
    assertRedirect(await allocate(id, m.alice, 'Top of the list <script>alert(1)</script>'), `/cases/${id}/mediator`)

    const [row] = await t.database.db.select().from(allocations).where(eq(allocations.caseId, id))
    assert.equal(row!.mediatorId, m.alice)
    assert.equal(row!.note, 'Top of the list <script>alert(1)</script>')
    const snapshot = row!.reasons as { rank: number; reasons: { text: string }[] }
    assert.equal(snapshot.rank, 1)
    assert.ok(snapshot.reasons.some((r) => r.text === 'No declared link to anyone in this case'))
    const last = (await eventsOf(id)).at(-1)!
    assert.equal(last.type, 'mediator-allocated')
    assert.deepEqual(last.data, { mediator: 'Alice Able', mediatorId: m.alice })
    assert.equal((await caseRow(id)).status, 'mediator-allocated')

    const tab = await coordinator.get(`/cases/${id}/mediator`)
    assert.equal(html(tab).getElementById('mediator-name')!.text, 'Alice Able')
    assert.ok(tab.body.includes('Top of the list &lt;script&gt;alert(1)&lt;/script&gt;'))
    assert.ok(!tab.body.includes('<script>alert(1)'))
    assert.equal(html(tab).getElementById('ranked-mediators'), null)

    // A second allocation is refused while this one stands.
    const again = await allocate(id, m.dan)
    assert.equal(again.statusCode, 409)
    assert.match(html(again).querySelector('.govuk-error-summary')!.text, /Alice Able is already the mediator/)
  })

  it('refuses an ineligible mediator, saying why, and a stale version', async () => {
    const { id } = await readyCase()
    const refused = await allocate(id, m.bob)
    assert.equal(refused.statusCode, 409)
    assert.match(
      html(refused).querySelector('.govuk-error-summary')!.text,
      /Bob Lapsed cannot be allocated to this case: Professional indemnity insurance lapsed/,
    )
    const stale = await coordinator.submit(`/cases/${id}/mediator/allocate/${m.alice}`, {
      version: '1',
      note: 'x',
      submissionKey: randomUUID(),
    })
    assert.equal(stale.statusCode, 409)
    assert.match(html(stale).querySelector('.govuk-error-summary')!.text, /Someone else changed this case/)
    assert.equal((await t.database.db.select().from(allocations).where(eq(allocations.caseId, id))).length, 0)
    assert.equal((await caseRow(id)).status, 'willingness')
    // Not a mediator on the panel, or not an id at all.
    assert.equal(
      (await coordinator.get(`/cases/${id}/mediator/allocate/00000000-0000-4000-8000-000000000000`)).statusCode,
      404,
    )
    assert.equal((await coordinator.get(`/cases/${id}/mediator/allocate/nobody`)).statusCode, 404)
  })

  it('refuses allocation where the workflow does not allow it yet', async () => {
    const { id } = await makeCase(t.database, t.clock)
    const noMediator = await coordinator.get(`/cases/${id}/mediator/objections/new`)
    assert.equal(noMediator.statusCode, 200)
    assert.match(html(noMediator).getElementById('case-now')!.text, /No mediator is allocated/)
    const res = await allocate(id, m.alice)
    assert.equal(res.statusCode, 409)
    assert.match(html(res).querySelector('.govuk-error-summary')!.text, /Decide the scope first/)
    // The tab says so before anyone chooses from the panel, with a link to the step.
    const tab = html(await coordinator.get(`/cases/${id}/mediator`)).getElementById('not-yet')!
    assert.match(tab.text, /A mediator cannot be allocated yet\. Decide the scope first\./)
    assert.deepEqual(
      tab.querySelectorAll('a').map((a) => a.getAttribute('href')),
      [`/cases/${id}/scope`],
    )
  })

  it('records that each party was told who the mediator is', async () => {
    const { id } = await readyCase()
    assertRedirect(await allocate(id, m.alice))
    const parties = await t.database.db.select().from(caseParties).where(eq(caseParties.caseId, id))
    const parent = parties.find((p) => p.role === 'parent')!
    const council = parties.find((p) => p.role === 'local-authority')!
    const url = `/cases/${id}/mediator/told/${parent.id}`

    assert.equal((await coordinator.get(url)).statusCode, 200)
    const invalid = await coordinator.post(url, {
      version: String((await caseRow(id)).version),
      allocationId: 'x',
      note: '<script>alert(1)</script>',
      submissionKey: randomUUID(),
    })
    assertFormErrors(invalid, ['channel'])
    assert.ok(invalid.body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'))
    const [current] = await t.database.db.select().from(allocations).where(eq(allocations.caseId, id))
    assertRedirect(
      await coordinator.post(url, {
        version: String((await caseRow(id)).version),
        allocationId: current!.id,
        channel: 'email',
        note: '',
        submissionKey: randomUUID(),
      }),
    )

    const last = (await eventsOf(id)).at(-1)!
    assert.equal(last.type, 'update-sent')
    assert.deepEqual(last.data, {
      partyId: parent.id,
      partyName: parent.name,
      channel: 'email',
      note: 'Told them the mediator is Alice Able.',
    })
    const doc = html(await coordinator.get(`/cases/${id}/mediator`))
    assert.match(doc.querySelector(`tr[data-party="${parent.id}"]`)!.text, /Told/)
    assert.match(doc.querySelector(`tr[data-party="${council.id}"]`)!.text, /Not yet/)
    // Another case's party is not this case's.
    const other = await readyCase('Other Child')
    const otherParent = (
      await t.database.db
        .select()
        .from(caseParties)
        .where(and(eq(caseParties.caseId, other.id), eq(caseParties.role, 'parent')))
    )[0]!
    assert.equal((await coordinator.get(`/cases/${id}/mediator/told/${otherParent.id}`)).statusCode, 404)
  })

  it('records an objection, and upholding it ends the allocation and opens allocation again', async () => {
    const { id } = await readyCase()
    assertRedirect(await allocate(id, m.alice))
    const [allocation] = await t.database.db.select().from(allocations).where(eq(allocations.caseId, id))
    const parent = (
      await t.database.db
        .select()
        .from(caseParties)
        .where(and(eq(caseParties.caseId, id), eq(caseParties.role, 'parent')))
    )[0]!
    const newUrl = `/cases/${id}/mediator/objections/new`

    assertFormErrors(
      await coordinator.submit(newUrl, {
        version: String((await caseRow(id)).version),
        allocationId: allocation!.id,
        reason: '',
        submissionKey: randomUUID(),
      }),
      ['party', 'reason'],
    )
    assertRedirect(
      await coordinator.submit(newUrl, {
        version: String((await caseRow(id)).version),
        allocationId: allocation!.id,
        party: parent.id,
        reason: 'She mediated our last dispute',
        submissionKey: randomUUID(),
      }),
    )
    const [objection] = await t.database.db
      .select()
      .from(allocationObjections)
      .where(eq(allocationObjections.allocationId, allocation!.id))
    assert.equal(objection!.reason, 'She mediated our last dispute')
    assert.equal((await eventsOf(id)).at(-1)!.type, 'mediator-objection')

    const decideUrl = `/cases/${id}/mediator/objections/${objection!.id}`
    assert.equal((await coordinator.get(decideUrl)).statusCode, 200)
    assertFormErrors(await coordinator.post(decideUrl, { version: String((await caseRow(id)).version), reason: '' }), [
      'decision',
      'reason',
    ])
    const stale = await coordinator.post(decideUrl, { version: '1', decision: 'upheld', reason: 'x' })
    assert.equal(stale.statusCode, 409)
    assertRedirect(
      await coordinator.post(decideUrl, {
        version: String((await caseRow(id)).version),
        decision: 'upheld',
        reason: 'A fair point',
      }),
    )

    const [ended] = await t.database.db.select().from(allocations).where(eq(allocations.id, allocation!.id))
    assert.equal(ended!.endedBecause, 'objection-upheld')
    assert.ok(ended!.endedAt)
    const last = (await eventsOf(id)).at(-1)!
    assert.equal(last.type, 'mediator-objection-upheld')
    assert.equal((last.data as { reason: string }).reason, 'A fair point')

    // Allocation is open again, without the mediator objected to.
    const doc = html(await coordinator.get(`/cases/${id}/mediator`))
    assert.ok(doc.getElementById('no-mediator'))
    assert.match(doc.getElementById(`reasons-${m.alice}`)!.text, /A party's objection to them on this case was upheld/)
    assert.match(doc.getElementById('past-allocations')!.text, /Alice Able.*A party's objection was upheld/)
    assertRedirect(await allocate(id, m.dan, 'Second choice'))
    const replaced = (await eventsOf(id)).at(-1)!
    assert.deepEqual(replaced.data, { mediator: 'Dan Second', mediatorId: m.dan, replaces: 'Alice Able' })
  })

  it('dismisses an objection, keeping the mediator', async () => {
    const { id } = await readyCase()
    assertRedirect(await allocate(id, m.alice))
    const [allocation] = await t.database.db.select().from(allocations).where(eq(allocations.caseId, id))
    const parent = (
      await t.database.db
        .select()
        .from(caseParties)
        .where(and(eq(caseParties.caseId, id), eq(caseParties.role, 'parent')))
    )[0]!
    assertRedirect(
      await coordinator.submit(`/cases/${id}/mediator/objections/new`, {
        version: String((await caseRow(id)).version),
        allocationId: allocation!.id,
        party: parent.id,
        reason: 'Prefer someone else',
        submissionKey: randomUUID(),
      }),
    )
    const [objection] = await t.database.db
      .select()
      .from(allocationObjections)
      .where(eq(allocationObjections.allocationId, allocation!.id))
    assertRedirect(
      await coordinator.submit(`/cases/${id}/mediator/objections/${objection!.id}`, {
        version: String((await caseRow(id)).version),
        decision: 'dismissed',
        reason: 'No link found',
      }),
    )
    assert.equal((await eventsOf(id)).at(-1)!.type, 'mediator-objection-dismissed')
    assert.equal(
      (await t.database.db.select().from(allocations).where(eq(allocations.id, allocation!.id)))[0]!.endedAt,
      null,
    )
    const decided = await coordinator.get(`/cases/${id}/mediator/objections/${objection!.id}`)
    assert.match(html(decided).getElementById('decided')!.text, /dismissed/)
  })

  it('shows the allocated mediator their own case read-only, lists only it, and refuses the forms', async () => {
    const mine = await readyCase('Mine Child')
    const notMine = await readyCase('Not Mine Child')
    assertRedirect(await allocate(mine.id, m.alice))
    const tab = await mediatorAgent.get(`/cases/${mine.id}/mediator`)
    assert.equal(tab.statusCode, 200)
    const doc = html(tab)
    assert.equal(doc.getElementById('mediator-name')!.text, 'Alice Able')
    assert.equal(doc.querySelectorAll('main form').length, 0, 'no form on the page (the header has only sign-out)')
    assert.equal(doc.querySelector('a[href*="/mediator/told/"]'), null)
    assert.equal((await mediatorAgent.get(`/cases/${notMine.id}/mediator`)).statusCode, 404)
    assert.equal((await mediatorAgent.get(`/cases/${mine.id}/mediator/objections/new`)).statusCode, 403)

    const list = html(await mediatorAgent.get('/cases'))
    const listed = list.querySelectorAll('a[href^="/cases/"]').map((a) => a.getAttribute('href'))
    assert.ok(listed.includes(`/cases/${mine.id}`), listed.join(' '))
    assert.ok(!listed.includes(`/cases/${notMine.id}`))
    // Every case listed is one of Alice's (this file's other cases are allocated to her too, or to nobody).
    const hers = new Set(
      (await t.database.db.select().from(allocations).where(eq(allocations.mediatorId, m.alice)))
        .filter((a) => !a.endedAt)
        .map((a) => `/cases/${a.caseId}`),
    )
    for (const href of listed.filter((h) => /^\/cases\/[0-9a-f-]{36}$/.test(h ?? ''))) assert.ok(hers.has(href!), href!)
  })

  it('allocates once however often the same form is sent', async () => {
    const { id } = await readyCase()
    const url = `/cases/${id}/mediator/allocate/${m.dan}`
    const form = html(await coordinator.get(url))
    const submissionKey = form.querySelector('input[name=submissionKey]')!.getAttribute('value')!
    const fields = { version: String((await caseRow(id)).version), note: 'Speaks Polish', submissionKey }
    const [a, b] = await Promise.all([coordinator.post(url, fields), coordinator.post(url, fields)])
    assertRedirect(a, `/cases/${id}/mediator`)
    assertRedirect(b, `/cases/${id}/mediator`)
    assertRedirect(await coordinator.post(url, fields), `/cases/${id}/mediator`) // a retry later
    assert.equal((await t.database.db.select().from(allocations).where(eq(allocations.caseId, id))).length, 1)
    assert.equal((await eventsOf(id)).filter((e) => e.type === 'mediator-allocated').length, 1)
  })

  it('refuses an objection without the one-time key of its form, recording nothing', async () => {
    const { id } = await readyCase()
    assertRedirect(await allocate(id, m.alice))
    const [allocation] = await t.database.db.select().from(allocations).where(eq(allocations.caseId, id))
    const parent = (await t.database.db.select().from(caseParties).where(eq(caseParties.caseId, id))).find(
      (p) => p.role === 'parent',
    )!
    const res = await coordinator.submit(`/cases/${id}/mediator/objections/new`, {
      version: String((await caseRow(id)).version),
      allocationId: allocation!.id,
      party: parent.id,
      reason: 'No key',
    })
    assert.equal(res.statusCode, 400)
    assert.match(titleOf(res), /^Error: /)
    assert.match(
      html(res).querySelector('.govuk-error-summary')!.text,
      /This form is out of date. Reload the page and try again./,
    )
    const objections = await t.database.db
      .select()
      .from(allocationObjections)
      .where(eq(allocationObjections.allocationId, allocation!.id))
    assert.equal(objections.length, 0)
  })

  it('sends someone not signed in to sign in', async () => {
    const { id } = await readyCase()
    assertRedirect(await new Agent(t.app).get(`/cases/${id}/mediator`), /^\/sign-in\?next=/)
  })
})

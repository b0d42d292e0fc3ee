import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { clearAccessLog } from '../../../../test/helpers/audit.ts'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertRedirect, html, titleOf } from '../../../../test/helpers/html.ts'
import { accessLog, caseEvents, cases } from '../../../db/schema/index.ts'
import { formatDate } from '../../../web/format.ts'
import { createCase } from '../create-case.ts'
import { firstCouncilId, sampleFacts, makeCase } from '../testing.ts'
import { createWorkflowService } from '../workflow-service.ts'

describe('the case page at /cases/:id', () => {
  let t: TestApp
  let coordinator: Agent
  let coordinatorId: string
  let amelia: { id: string; reference: string }

  before(async () => {
    t = await createTestApp()
    coordinatorId = (await createStaff(t.database, 'coordinator@example.com', ['coordinator'], 'Cora Ordinator')).id
    await createStaff(t.database, 'mediator@example.com', ['mediator'])
    amelia = await makeCase(t.database, t.clock)
    coordinator = await new Agent(t.app).signIn('coordinator@example.com')
  })
  after(() => t.close())

  it('sends someone not signed in to sign in', async () => {
    assertRedirect(await new Agent(t.app).get(`/cases/${amelia.id}`), /^\/sign-in\?next=/)
  })

  it('shows a coordinator the request, the parties and who and what the case is', async () => {
    const res = await coordinator.get(`/cases/${amelia.id}`)
    assert.equal(res.statusCode, 200)
    assert.equal(titleOf(res), `Overview - ${amelia.reference} - SEN Mediation and Disagreement Resolution Service`)
    const doc = html(res)
    const bar = doc.querySelector('.moj-identity-bar')!.text.replace(/\s+/g, ' ')
    assert.match(bar, new RegExp(`${amelia.reference} .*Amelia Hartley.*Type: Not decided yet.*Status: New enquiry`))
    assert.equal(doc.querySelector('.moj-sub-navigation__link[aria-current="page"]')?.text.trim(), 'Overview')
    const body = doc.querySelector('main')!.text.replace(/\s+/g, ' ')
    for (const fact of [
      'Oakwood Primary School',
      'WA1 1AA',
      'Warrington Borough Council',
      formatDate('2015-03-14'),
      'Has an EHC plan',
      'A decision about an EHC needs assessment or an EHC plan',
      'Not to change the EHC plan after a review',
      formatDate('2026-10-19'),
      'The local authority (council): Warrington Borough Council',
      'Parent or carer',
      'sarah@example.com',
    ])
      assert.ok(body.includes(fact), `shows ${fact}`)
    const whatHappened = doc.getElementById('what-happened')!
    assert.ok(whatHappened.classList.contains('app-pre-wrap'))
    assert.equal(whatHappened.text, 'The review was in June.\nThe council said no to changes.')
    const parties = doc.querySelectorAll('table tbody tr').map((tr) => tr.text.replace(/\s+/g, ' ').trim())
    assert.ok(parties[0]!.startsWith('Sarah Hartley Asked for help Parent or carer'))
    assert.match(body, /The scope has not been decided yet/)
    assert.equal(doc.querySelector(`a[href="/cases/${amelia.id}/scope"]`)?.text.trim(), 'Decide the scope')
    assert.match(doc.querySelector(`a[href="/cases/${amelia.id}/portal"]`)!.text, /The parties' portal/)
  })

  it('records the view in the access log', async () => {
    await clearAccessLog(t.database)
    await coordinator.get(`/cases/${amelia.id}`)
    const rows = await t.database.db.select().from(accessLog).where(eq(accessLog.caseId, amelia.id))
    assert.equal(rows.length, 1)
    assert.deepEqual(
      { ...rows[0], id: 0 },
      {
        id: 0,
        at: new Date('2026-11-27T10:00:00Z'),
        userId: coordinatorId,
        apiTokenId: null,
        partyId: null,
        caseId: amelia.id,
        action: 'view',
        path: `/cases/${amelia.id}`,
        ip: '127.0.0.1',
      },
    )
  })

  it('shows the first-contact checklist when it was recorded', async () => {
    const logged = await createCase(t.database.db, t.clock, {
      localAuthorityId: await firstCouncilId(t.database),
      facts: sampleFacts({ childName: 'Noah Phillips' }),
      channel: 'phone',
      actor: { userId: coordinatorId, label: 'Cora Ordinator' },
      firstContact: {
        reasonForContact: 'Wants to appeal',
        differenceExplained: true,
        understandingChecked: true,
        preferencesAsked: false,
        signposting: 'SENDIASS',
      },
    })
    const body = html(await coordinator.get(`/cases/${logged.id}`))
      .querySelector('main')!
      .text.replace(/\s+/g, ' ')
    assert.match(body, /Reason for contact Wants to appeal/)
    assert.match(body, /Contact preferences and adjustments asked No/)
    assert.match(body, /Signposting SENDIASS/)
    assert.doesNotMatch(html(await coordinator.get(`/cases/${amelia.id}`)).text, /Reason for contact/)
  })

  it('gives a mediator the same "not found" page as a case that does not exist, and logs nothing', async () => {
    await clearAccessLog(t.database)
    const mediator = await new Agent(t.app).signIn('mediator@example.com')
    const hidden = await mediator.get(`/cases/${amelia.id}`)
    const missing = await mediator.get('/cases/00000000-0000-4000-8000-000000000000')
    assert.equal(hidden.statusCode, 404)
    assert.equal(missing.statusCode, 404)
    assert.equal(titleOf(hidden), titleOf(missing))
    assert.match(hidden.body, /There is no case at this address, or it is not one of yours/)
    assert.ok(!hidden.body.includes('Amelia'))
    assert.ok(!hidden.body.includes(amelia.reference))
    assert.equal(
      (
        await t.database.db
          .select()
          .from(accessLog)
          .where(and(eq(accessLog.caseId, amelia.id)))
      ).length,
      0,
    )
  })

  it('gives 404 for an unknown or malformed id', async () => {
    for (const id of ['00000000-0000-4000-8000-000000000000', 'not-a-uuid', "1' or '1'='1", '123']) {
      const res = await coordinator.get(`/cases/${encodeURIComponent(id)}`)
      assert.equal(res.statusCode, 404, id)
      assert.match(titleOf(res), /^Case not found/)
    }
  })

  it("shows a child's name escaped", async () => {
    const bad = await makeCase(t.database, t.clock, {
      childName: '<script>alert(1)</script>',
      whatHappened: '<b>bold</b>',
    })
    const res = await coordinator.get(`/cases/${bad.id}`)
    assert.equal(res.statusCode, 200)
    assert.ok(!res.body.includes('<script>alert(1)</script>'))
    assert.ok(!res.body.includes('<b>bold</b>'))
    assert.ok(res.body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'))
  })

  it('shows the next deadline, who is looking after the case, and a link to its progress', async () => {
    const { id } = await makeCase(t.database, t.clock, { childName: 'Next Deadline' })
    let doc = html(await coordinator.get(`/cases/${id}`))
    assert.equal(
      doc.getElementById('next-deadline')!.text.replace(/\s+/g, ' ').trim(),
      'Last day to appeal to the SEND Tribunal: Monday 21 December 2026 (16 working days left) On track',
    )
    assert.equal(doc.getElementById('assigned-to')!.text.trim(), 'Not assigned')
    assert.ok(doc.querySelector(`a[href="/cases/${id}/progress"]`))
    await t.database.db.update(cases).set({ assignedTo: coordinatorId }).where(eq(cases.id, id))
    doc = html(await coordinator.get(`/cases/${id}`))
    assert.equal(doc.getElementById('assigned-to')!.text.trim(), 'Cora Ordinator')
  })

  it('says plainly when SEN mediation has no decision letter date, what it starts, and where to record it', async () => {
    const facts = sampleFacts({ childName: 'No Letter' })
    const made = await createCase(t.database.db, t.clock, {
      facts: { ...facts, decision: { kind: 'refuse-amend' } },
      channel: 'phone',
      localAuthorityId: await firstCouncilId(t.database),
      actor: { label: 'Test' },
    })
    const workflow = createWorkflowService({ db: t.database.db, clock: t.clock })
    const before = html(await coordinator.get(`/cases/${made.id}`))
    assert.equal(before.getElementById('letter-date-missing'), null, 'nothing to say before the scope is decided')
    const decided = await workflow.apply(
      made.id,
      { type: 'decide-scope', scope: 'sen-mediation', reason: 'A refusal to amend the plan' },
      { actor: { label: 'Test' } },
    )
    assert.ok(decided.ok)
    const doc = html(await coordinator.get(`/cases/${made.id}`))
    assert.equal(
      doc.getElementById('next-deadline')!.text.replace(/\s+/g, ' ').trim(),
      "None running: the date of the council's decision letter is not recorded",
    )
    const warning = doc.getElementById('letter-date-missing')!
    assert.match(warning.text, /It starts the 2 months .* mediation adviser, and the deadline to appeal/)
    assert.equal(
      warning.querySelector('a')!.getAttribute('href'),
      `/cases/${made.id}/progress/dates?fact=decision-letter-sent`,
    )
    // Once the date is recorded, the clocks run and the warning goes.
    assert.ok(
      (
        await workflow.recordFact(
          made.id,
          'decision-letter-sent',
          {},
          { actor: { label: 'Test' }, occurredOn: '2026-11-20' },
        )
      ).ok,
    )
    const after = html(await coordinator.get(`/cases/${made.id}`))
    assert.equal(after.getElementById('letter-date-missing'), null)
    assert.doesNotMatch(after.getElementById('next-deadline')!.text, /None running/)
    const events = await t.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, made.id))
    assert.equal(events.filter((e) => e.type === 'decision-letter-sent').length, 1)
  })

  it("warns, without refusing, when the child's date of birth makes them over 25", async () => {
    const facts = sampleFacts({ childName: 'Older Person' })
    const made = await createCase(t.database.db, t.clock, {
      facts: { ...facts, child: { ...facts.child, dateOfBirth: '1990-02-01' } },
      channel: 'phone',
      localAuthorityId: await firstCouncilId(t.database),
      actor: { label: 'Test' },
    })
    const doc = html(await coordinator.get(`/cases/${made.id}`))
    assert.match(
      doc.getElementById('over-age')!.text,
      /This date of birth means they are 36\. The service is for children and young people up to the age of 25/,
    )
    assert.equal(html(await coordinator.get(`/cases/${amelia.id}`)).getElementById('over-age'), null)
  })
})

import assert from 'node:assert/strict'
import { after, before, beforeEach, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { clearAccessLog } from '../../../../test/helpers/audit.ts'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html, titleOf } from '../../../../test/helpers/html.ts'
import { accessLog, caseEvents, caseParties, cases } from '../../../db/schema/index.ts'
import { createCase } from '../create-case.ts'
import { firstCouncilId, makeCase, sampleFacts } from '../testing.ts'
import { createWorkflowService } from '../workflow-service.ts'
import { deadlineTag, workingDaysText } from './present.ts'

const squash = (s: string) => s.replace(/\s+/g, ' ').trim()

describe('deadline words', () => {
  it('says how long is left in working days, and the status in words', () => {
    assert.equal(workingDaysText(3, '2026-12-23', '2026-12-18'), '3 working days left')
    assert.equal(workingDaysText(1, '2026-12-21', '2026-12-18'), '1 working day left')
    assert.equal(workingDaysText(0, '2026-12-18', '2026-12-18'), 'due today')
    assert.equal(workingDaysText(-2, '2026-12-16', '2026-12-18'), '2 working days overdue')
    assert.equal(workingDaysText(-1, '2026-12-17', '2026-12-18'), '1 working day overdue')
    assert.deepEqual(
      (['on-track', 'due-soon', 'overdue'] as const).map((urgency) => deadlineTag({ status: 'open', urgency }).text),
      ['On track', 'Due soon', 'Overdue'],
    )
    assert.deepEqual(
      (['met', 'met-late', 'stopped'] as const).map((status) => deadlineTag({ status, urgency: 'met' }).text),
      ['Met', 'Met late', 'No longer needed'],
    )
  })
})

describe('progress and deadlines at /cases/:id/progress', () => {
  let t: TestApp
  let coordinator: Agent
  let mediator: Agent
  let coordinatorId: string
  let amelia: { id: string; reference: string }
  const actor = { label: 'Test' }
  const url = (id = amelia.id) => `/cases/${id}/progress`
  const caseRow = async (id: string) => (await t.database.db.select().from(cases).where(eq(cases.id, id)))[0]!

  before(async () => {
    // Friday 27 November 2026; sessions that outlast the clock's jumps between days and years.
    t = await createTestApp({ config: { SESSION_IDLE_MINUTES: 60 * 24 * 365 * 5 } })
    coordinatorId = (await createStaff(t.database, 'coordinator@example.com', ['coordinator'], 'Cora Ordinator')).id
    await createStaff(t.database, 'other@example.com', ['coordinator'], 'Omar Other')
    await createStaff(t.database, 'mediator@example.com', ['mediator'])
    amelia = await makeCase(t.database, t.clock) // decision letter sent Monday 19 October 2026
    coordinator = await new Agent(t.app).signIn('coordinator@example.com')
    mediator = await new Agent(t.app).signIn('mediator@example.com')
  })
  beforeEach(() => t.clock.set('2026-11-27T10:00:00Z'))
  after(() => t.close())

  it('sends someone not signed in to sign in, and gives a mediator "not found"', async () => {
    assertRedirect(await new Agent(t.app).get(url()), /^\/sign-in\?next=/)
    assert.equal((await mediator.get(url())).statusCode, 404)
    assert.equal((await coordinator.get(url('00000000-0000-4000-8000-000000000000'))).statusCode, 404)
  })

  it('shows each deadline with its date, rule, source, what started it, working days left and status in words', async () => {
    const res = await coordinator.get(url())
    assert.equal(res.statusCode, 200)
    assert.match(titleOf(res), new RegExp(`^Progress and deadlines - ${amelia.reference} - `))
    const doc = html(res)
    assert.equal(
      doc.querySelector('.moj-sub-navigation__link[aria-current="page"]')?.text.trim(),
      'Progress and deadlines',
    )
    const appeal = squash(doc.getElementById('deadline-appeal')!.text)
    assert.match(appeal, /Last day to appeal to the SEND Tribunal/)
    assert.match(appeal, /Due Monday 21 December 2026 \(16 working days left\)/)
    assert.match(appeal, /On track/)
    assert.match(appeal, /HESC\) Rules 2008, r\.20/)
    assert.match(appeal, /Started by The council's decision letter was sent on Monday 19 October 2026/)
    assert.equal(doc.getElementById('deadline-appeal')!.querySelector('.govuk-tag')!.text.trim(), 'On track')
    const adviser = squash(doc.getElementById('deadline-adviser-contact')!.text)
    assert.match(adviser, /Status Met on Friday 27 November 2026/)
    assert.match(adviser, /reg 33/)
    assert.doesNotMatch(res.body, /bank holidays for/)
    assert.equal(squash(doc.getElementById('case-status')!.text), 'New enquiry')
    assert.equal(squash(doc.getElementById('assigned-to')!.text), 'Not assigned')
    assert.ok(doc.getElementById('take-case'))
  })

  it('lists the updates owed to each person, each with a link to record one', async () => {
    const doc = html(await coordinator.get(url()))
    const parties = await t.database.db.select().from(caseParties).where(eq(caseParties.caseId, amelia.id))
    const links = doc
      .querySelectorAll('a')
      .filter((a) => a.text.startsWith('Record an update'))
      .map((a) => a.getAttribute('href'))
      .sort()
    assert.deepEqual(links, parties.map((p) => `/cases/${amelia.id}/updates/new?party=${p.id}`).sort())
    const rows = doc.querySelectorAll('#updates + table tbody tr').map((r) => squash(r.text))
    assert.equal(rows.length, 2)
    assert.ok(
      rows.some((r) =>
        /^Sarah Hartley \(Parent or carer\).*Friday 11 December 2026 10 working days left On track/.test(r),
      ),
      rows.join('\n'),
    )
  })

  it('offers the next step for the status, the other changes apart (not the party steps), and the party table', async () => {
    const doc = html(await coordinator.get(url()))
    const buttons = doc
      .querySelectorAll('.govuk-button-group a.govuk-button')
      .map((a) => [a.text.trim(), a.getAttribute('href')])
    assert.deepEqual(buttons, [['Decide the scope', `/cases/${amelia.id}/scope`]])
    assert.deepEqual(
      doc.querySelectorAll('#other-steps a').map((a) => [a.text.trim(), a.getAttribute('href')]),
      [['Withdraw the case', `/cases/${amelia.id}/actions/withdraw`]],
    )
    const council = squash(doc.getElementById('party-local-authority')!.text)
    assert.match(council, /The council: Warrington Borough Council/)
    assert.match(council, /Invited Not yet/)
    assert.match(council, /Answer No answer yet/)
    assert.equal(
      doc.getElementById('party-local-authority')!.querySelectorAll('a').length,
      0,
      'nobody is asked before the scope is decided',
    )
    assert.equal(
      doc.querySelector(`a[href="/cases/${amelia.id}/progress/dates"]`)?.text.trim(),
      'Record a statutory date',
    )
  })

  it('records the view in the access log', async () => {
    await clearAccessLog(t.database)
    await coordinator.get(url())
    const rows = await t.database.db.select().from(accessLog).where(eq(accessLog.caseId, amelia.id))
    assert.deepEqual(
      rows.map((r) => [r.path, r.userId]),
      [[url(), coordinatorId]],
    )
  })

  it('shows who was invited, how, chased, and a chaser due; with links to chase and record the answer', async () => {
    const workflow = createWorkflowService({ db: t.database.db, clock: t.clock })
    const { id } = await makeCase(t.database, t.clock, { childName: 'Noah Phillips' })
    assert.ok((await workflow.apply(id, { type: 'decide-scope', scope: 'sen-mediation', reason: 'x' }, { actor })).ok)
    assert.ok((await workflow.apply(id, { type: 'choose-mediation' }, { actor })).ok)
    assert.ok(
      (
        await workflow.apply(
          id,
          { type: 'invite-party', party: 'local-authority', on: '2026-11-18', how: 'email' },
          { actor, occurredOn: '2026-11-18' },
        )
      ).ok,
    )
    assert.ok(
      (
        await workflow.apply(
          id,
          { type: 'invite-party', party: 'school', on: '2026-11-26', how: 'phone' },
          { actor, occurredOn: '2026-11-26' },
        )
      ).ok,
    )
    assert.ok(
      (
        await workflow.apply(
          id,
          {
            type: 'record-willingness',
            party: 'school',
            on: '2026-11-27',
            answer: 'unwilling',
            reason: 'No staff <b>free</b>',
          },
          { actor },
        )
      ).ok,
    )
    const doc = html(await coordinator.get(url(id)))
    const council = doc.getElementById('party-local-authority')!
    assert.match(squash(council.text), /Invited Wednesday 18 November 2026, by email/)
    assert.match(squash(council.text), /Chased Not yet Chaser due/)
    assert.deepEqual(
      council.querySelectorAll('a').map((a) => a.getAttribute('href')),
      [
        `/cases/${id}/actions/chase-party?party=local-authority`,
        `/cases/${id}/actions/record-willingness?party=local-authority`,
      ],
    )
    const school = doc.getElementById('party-school')!
    assert.match(
      squash(school.text),
      /Answer Not willing to take part \(Friday 27 November 2026\) Reason: No staff <b>free<\/b>/,
    )
    assert.ok(school.innerHTML.includes('No staff &lt;b&gt;free&lt;/b&gt;'))
    assert.doesNotMatch(squash(school.text), /Chaser due/)
    assert.equal(squash(doc.getElementById('case-status')!.text), 'Asking the other parties to take part')
    const buttons = doc.querySelectorAll('.govuk-button-group a.govuk-button').map((a) => a.text.trim())
    assert.deepEqual(buttons, ['Allocate a mediator'])
    assert.deepEqual(
      doc.querySelectorAll('#other-steps a').map((a) => a.text.trim()),
      ['Record that mediation cannot be arranged within 30 days', 'Withdraw the case'],
    )
  })

  it('lists only what is still to do: a done step is offered as a change, not as a next step', async () => {
    const workflow = createWorkflowService({ db: t.database.db, clock: t.clock })
    const { id } = await makeCase(t.database, t.clock, { childName: 'Isla Brennan' })
    const steps = async () => {
      const doc = html(await coordinator.get(url(id)))
      return {
        next: doc.querySelectorAll('#next-step-buttons a').map((a) => a.text.trim()),
        other: doc.querySelectorAll('#other-steps a').map((a) => a.text.trim()),
        waiting: squash(doc.getElementById('waiting-for')?.text ?? ''),
        waitingLinks: doc.querySelectorAll('#waiting-for a').map((a) => a.getAttribute('href')),
      }
    }
    assert.ok((await workflow.apply(id, { type: 'decide-scope', scope: 'sen-mediation', reason: 'x' }, { actor })).ok)
    let now = await steps()
    assert.deepEqual(now.next, ['Record the choice to mediate', 'Record that mediation is declined'])
    assert.deepEqual(now.other, ['Change the scope decision', 'Withdraw the case'])
    assert.ok(!now.next.includes('Decide the scope'), 'the scope is decided')
    assert.ok((await workflow.apply(id, { type: 'choose-mediation' }, { actor })).ok)
    assert.ok((await workflow.apply(id, { type: 'allocate-mediator', mediator: 'Maya Mediator' }, { actor })).ok)
    now = await steps()
    assert.deepEqual(now.next, ['Start preparation'])
    assert.ok(now.other.includes('Change the mediator'))
    assert.ok(!now.next.includes('Allocate a mediator'), 'a mediator is allocated')
    // Preparing, with the council not yet asked: the meeting waits for that, and says where to record it.
    assert.ok((await workflow.apply(id, { type: 'start-preparation' }, { actor })).ok)
    now = await steps()
    assert.deepEqual(now.next, [])
    assert.match(now.waiting, /until the council .* has been asked to take part/)
    assert.deepEqual(now.waitingLinks, [`/cases/${id}/actions/invite-party?party=local-authority`])
  })

  it('shows overdue and due-soon deadlines as words', async () => {
    t.clock.set('2026-12-22T10:00:00Z')
    const doc = html(await coordinator.get(url()))
    const appeal = squash(doc.getElementById('deadline-appeal')!.text)
    assert.match(appeal, /\(1 working day overdue\)/)
    assert.equal(doc.getElementById('deadline-appeal')!.querySelector('.govuk-tag')!.text.trim(), 'Overdue')
    t.clock.set('2026-12-17T10:00:00Z')
    const soon = html(await coordinator.get(url()))
    assert.match(squash(soon.getElementById('deadline-appeal')!.text), /Due soon.*\(2 working days left\)/)
  })

  it('warns when a deadline falls in a year whose bank holidays are not known', async () => {
    t.clock.set('2028-12-01T10:00:00Z')
    const facts = {
      ...sampleFacts({ childName: 'Late Case' }),
      decision: { kind: 'refuse-amend' as const, letterDate: '2028-11-20' },
    }
    const late = await createCase(t.database.db, t.clock, {
      facts,
      channel: 'online',
      actor,
      localAuthorityId: await firstCouncilId(t.database),
    })
    const doc = html(await coordinator.get(url(late.id)))
    const appeal = squash(doc.getElementById('deadline-appeal')!.text)
    assert.match(
      appeal,
      /The bank holidays for 2029 are not known yet, so check this date by hand\. An administrator can upload a newer bank holidays file\./,
    )
    assert.equal(doc.querySelectorAll('.govuk-warning-text').length >= 1, true)
  })

  describe('taking the case', () => {
    it('makes it yours, with an event and a new version', async () => {
      const { id } = await makeCase(t.database, t.clock, { childName: 'Take Me' })
      await coordinator.get(url(id))
      const res = await coordinator.post(`${url(id)}/take`, { version: '1' })
      assertRedirect(res, url(id))
      const row = await caseRow(id)
      assert.deepEqual([row.assignedTo, row.version], [coordinatorId, 2])
      const events = await t.database.db
        .select()
        .from(caseEvents)
        .where(and(eq(caseEvents.caseId, id), eq(caseEvents.type, 'assigned')))
      assert.equal(events.length, 1)
      assert.deepEqual(events[0]!.data, { to: coordinatorId, toName: 'Cora Ordinator' })
      const doc = html(await coordinator.get(url(id)))
      assert.match(doc.querySelector('.govuk-notification-banner')!.text, /You are now looking after this case/)
      assert.equal(squash(doc.getElementById('assigned-to')!.text), 'Cora Ordinator')
      assert.equal(doc.getElementById('take-case'), null)
    })

    it('refuses an out-of-date version and changes nothing', async () => {
      const { id } = await makeCase(t.database, t.clock, { childName: 'Taken Twice' })
      const other = await new Agent(t.app).signIn('other@example.com')
      await other.get(url(id))
      await coordinator.get(url(id))
      assertRedirect(await coordinator.post(`${url(id)}/take`, { version: '1' }))
      const stale = await other.post(`${url(id)}/take`, { version: '1' })
      assert.equal(stale.statusCode, 409)
      assert.match(titleOf(stale), /^Error: /)
      assert.match(html(stale).querySelector('.govuk-error-summary')!.text, /Someone else changed this case/)
      const row = await caseRow(id)
      assert.deepEqual([row.assignedTo, row.version], [coordinatorId, 2])
      await mediator.get('/account/password') // a page with a form, for its token
      assert.equal((await mediator.post(`${url(id)}/take`, { version: '2' })).statusCode, 403)
      assert.equal((await caseRow(id)).assignedTo, coordinatorId)
    })
  })

  describe('recording a statutory date at /cases/:id/progress/dates', () => {
    const datesUrl = (id: string) => `/cases/${id}/progress/dates`

    it('shows the form with today filled in, and refuses a mediator', async () => {
      const res = await coordinator.get(datesUrl(amelia.id))
      assert.equal(res.statusCode, 200)
      const doc = html(res)
      assert.deepEqual(
        doc.querySelectorAll('input[name="fact"]').map((i) => i.getAttribute('value')),
        [
          'decision-letter-sent',
          'health-body-notified',
          'meeting-notice-sent',
          'appeal-made',
          'council-told-of-agreement',
        ],
      )
      assert.equal(doc.getElementById('occurredOn-day')?.getAttribute('value'), '27')
      assert.equal(doc.getElementById('occurredOn-year')?.getAttribute('value'), '2026')
      assert.equal((await mediator.get(datesUrl(amelia.id))).statusCode, 403)
      assertRedirect(await new Agent(t.app).get(datesUrl(amelia.id)), /^\/sign-in/)
    })

    it('asks what happened and when, and refuses a date in the future', async () => {
      const { id } = await makeCase(t.database, t.clock, { childName: 'Date Less' })
      assertFormErrors(await coordinator.submit(datesUrl(id), { version: '1' }), ['fact', 'occurredOn-day'])
      const future = await coordinator.submit(datesUrl(id), {
        version: '1',
        fact: 'health-body-notified',
        'occurredOn-day': '1',
        'occurredOn-month': '1',
        'occurredOn-year': '2027',
      })
      assertFormErrors(future, ['occurredOn-day'])
      assert.match(future.body, /The date it happened must be today or in the past/)
      assert.equal((await caseRow(id)).version, 1)
    })

    it('records the decision letter and moves the appeal deadline; a stale version changes nothing', async () => {
      // The letter's date was not known when the request came in.
      const facts = { ...sampleFacts({ childName: 'New Letter' }), decision: { kind: 'refuse-amend' as const } }
      const { id } = await createCase(t.database.db, t.clock, {
        facts,
        channel: 'phone',
        actor,
        localAuthorityId: await firstCouncilId(t.database),
      })
      assert.equal(html(await coordinator.get(url(id))).getElementById('deadline-appeal'), null)
      const res = await coordinator.submit(datesUrl(id), {
        version: '1',
        fact: 'decision-letter-sent',
        'occurredOn-day': '2',
        'occurredOn-month': '11',
        'occurredOn-year': '2026',
      })
      assertRedirect(res, url(id))
      const events = await t.database.db
        .select()
        .from(caseEvents)
        .where(and(eq(caseEvents.caseId, id), eq(caseEvents.type, 'decision-letter-sent')))
      assert.deepEqual(
        events.map((e) => [e.occurredOn, e.actorUserId]),
        [['2026-11-02', coordinatorId]],
      )
      const doc = html(await coordinator.get(url(id)))
      assert.match(squash(doc.getElementById('deadline-appeal')!.text), /Monday 4 January 2027/)
      const stale = await coordinator.submit(datesUrl(id), {
        version: '1',
        fact: 'health-body-notified',
        'occurredOn-day': '27',
        'occurredOn-month': '11',
        'occurredOn-year': '2026',
      })
      assert.equal(stale.statusCode, 409)
      assert.match(html(stale).querySelector('.govuk-error-summary')!.text, /Someone else changed this case/)
      assert.equal(html(stale).querySelector('input[name="version"]')?.getAttribute('value'), '2')
      assert.equal(
        (
          await t.database.db
            .select()
            .from(caseEvents)
            .where(and(eq(caseEvents.caseId, id), eq(caseEvents.type, 'health-body-notified')))
        ).length,
        0,
      )
    })

    it('records an appeal made to the SEND Tribunal, on a closed case too, for the reports', async () => {
      const { id } = await makeCase(t.database, t.clock, { childName: 'Appeal Later' })
      const workflow = createWorkflowService({ db: t.database.db, clock: t.clock })
      const closed = await workflow.apply(
        id,
        [{ type: 'decide-scope', scope: 'out-of-scope', reason: 'Exclusion' }, { type: 'close' }],
        { actor },
      )
      assert.ok(closed.ok)
      const res = await coordinator.submit(datesUrl(id), {
        version: String((await caseRow(id)).version),
        fact: 'appeal-made',
        'occurredOn-day': '20',
        'occurredOn-month': '11',
        'occurredOn-year': '2026',
      })
      assertRedirect(res, url(id))
      const events = await t.database.db
        .select()
        .from(caseEvents)
        .where(and(eq(caseEvents.caseId, id), eq(caseEvents.type, 'appeal-made')))
      assert.deepEqual(
        events.map((e) => [e.occurredOn, e.actorUserId]),
        [['2026-11-20', coordinatorId]],
      )
      assert.match((await coordinator.get(`/cases/${id}/timeline`)).body, /An appeal was made to the SEND Tribunal/)
    })
  })
})

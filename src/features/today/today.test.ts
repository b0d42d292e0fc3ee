import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { Agent } from '../../../test/helpers/agent.ts'
import { createStaff, createTestApp, testPassword, type TestApp } from '../../../test/helpers/app.ts'
import { assertRedirect, html, titleOf } from '../../../test/helpers/html.ts'
import { caseDeadlines, caseParties, cases } from '../../db/schema/index.ts'
import { firstCouncilId, makeCase, sampleFacts } from '../cases/testing.ts'
import { createWorkflowService } from '../cases/index.ts'

const squash = (s: string) => s.replace(/\s+/g, ' ').trim()
const actor = { label: 'Test' }

describe('Today at /today', () => {
  let t: TestApp
  let cora: Agent
  let coraId: string
  let omarId: string
  const made: Record<string, { id: string; reference: string }> = {}

  /** [reference, what is due, tag, days] for each row, in order. */
  const rowsFor = async (agent: Agent) =>
    html(await agent.get('/today'))
      .querySelectorAll('#today-list tbody tr')
      .map((tr) => {
        const cells = tr.querySelectorAll('td').map((td) => squash(td.text))
        return {
          reference: cells[0]!,
          child: cells[1]!,
          what: cells[2]!.replace(/ for MED-.*$/, ''),
          date: cells[3]!,
          when: cells[4]!,
          assigned: cells[5]!,
        }
      })

  before(async () => {
    t = await createTestApp({ config: { SESSION_IDLE_MINUTES: 60 * 24 * 365 } })
    coraId = (await createStaff(t.database, 'cora@example.com', ['coordinator'], 'Cora Ordinator')).id
    omarId = (await createStaff(t.database, 'omar@example.com', ['coordinator'], 'Omar Other')).id
    await createStaff(t.database, 'manager@example.com', ['manager'], 'Mina Manager')
    await createStaff(t.database, 'mediator@example.com', ['mediator'])
    const workflow = createWorkflowService({ db: t.database.db, clock: t.clock })
    const assign = (id: string, userId: string) =>
      t.database.db.update(cases).set({ assignedTo: userId }).where(eq(cases.id, id))
    const declinedOn = async (day: string, childName: string) => {
      t.clock.set(`${day}T10:00:00Z`)
      const c = await makeCase(t.database, t.clock, { childName })
      assert.ok(
        (await workflow.apply(c.id, { type: 'decide-scope', scope: 'sen-mediation', reason: 'x' }, { actor })).ok,
      )
      assert.ok((await workflow.apply(c.id, { type: 'decline-mediation' }, { actor })).ok)
      return c
    }

    // Updates owed: an enquiry from Thursday 12 November that nobody has answered.
    t.clock.set('2026-11-12T10:00:00Z')
    made.owed = await makeCase(t.database, t.clock, { childName: 'Olive Owed' })
    // Certificates: overdue (due Thursday 19 November), due soon (Monday 30 November), and Omar's.
    made.overdue = await declinedOn('2026-11-16', 'Oscar Overdue')
    await assign(made.overdue.id, coraId)
    made.omars = await declinedOn('2026-11-16', 'Olaf Omars')
    await assign(made.omars.id, omarId)
    made.soon = await declinedOn('2026-11-25', 'Sunny Soon')
    await assign(made.soon.id, coraId)
    // A chaser: the council was invited on Wednesday 18 November, so one is due on Wednesday 25th.
    t.clock.set('2026-11-18T10:00:00Z')
    made.chase = await makeCase(t.database, t.clock, { childName: 'Chloe Chase' })
    assert.ok(
      (await workflow.apply(made.chase.id, { type: 'decide-scope', scope: 'sen-mediation', reason: 'x' }, { actor }))
        .ok,
    )
    assert.ok((await workflow.apply(made.chase.id, { type: 'choose-mediation' }, { actor })).ok)
    assert.ok(
      (
        await workflow.apply(
          made.chase.id,
          { type: 'invite-party', party: 'local-authority', on: '2026-11-18', how: 'email' },
          { actor },
        )
      ).ok,
    )
    await assign(made.chase.id, coraId)
    // A new enquiry today, Friday 27 November.
    t.clock.set('2026-11-27T10:00:00Z')
    made.fresh = await makeCase(t.database, t.clock, { childName: 'Fern Fresh' })

    cora = await new Agent(t.app).signIn('cora@example.com')
  })
  after(() => t.close())

  it('is where staff land after signing in, and the first item of the staff menu', async () => {
    const agent = new Agent(t.app)
    const res = await agent.submit('/sign-in', { email: 'omar@example.com', password: testPassword })
    assertRedirect(res, '/sign-in/second-factor')
    assertRedirect(await agent.passSecondStep('omar@example.com'), '/today')
    const page = await agent.get('/today')
    assert.equal(page.statusCode, 200)
    assert.match(titleOf(page), /^Today - /)
    const nav = html(page)
      .querySelectorAll('.govuk-service-navigation__item a')
      .map((a) => a.text.trim())
    assert.equal(nav[0], 'Today')
    assert.equal(html(page).querySelector('.govuk-service-navigation__item--active a')?.text.trim(), 'Today')
    assert.equal(html(page).querySelector('.govuk-service-navigation__service-name a')?.getAttribute('href'), '/today')
    assertRedirect(await new Agent(t.app).get('/today'), /^\/sign-in\?next=/)
  })

  it('lists what needs the coordinator, most urgent first, with unassigned cases marked', async () => {
    const rows = await rowsFor(cora)
    const r = (key: string) => made[key]!.reference
    assert.deepEqual(
      rows.map((row) => [row.reference, row.what]),
      [
        [r('owed'), 'Answer the new enquiry'],
        [r('overdue'), 'Issue the mediation certificate'],
        [r('chase'), 'Chase the council for an answer'],
        [r('owed'), 'Update Sarah Hartley (parent or carer)'],
        [r('owed'), 'Update Warrington Borough Council (local authority)'],
        [r('fresh'), 'Answer the new enquiry'],
        [r('soon'), 'Issue the mediation certificate'],
      ],
    )
    const overdue = rows[1]!
    assert.deepEqual(
      [overdue.child, overdue.date, overdue.when, overdue.assigned],
      ['Oscar Overdue', 'Thursday 19 November 2026', 'Overdue 6 working days overdue', 'Cora Ordinator'],
    )
    assert.equal(rows[2]!.when, 'Overdue 2 working days overdue')
    assert.deepEqual(
      [rows[3]!.date, rows[3]!.when, rows[3]!.assigned],
      ['Thursday 26 November 2026', 'Overdue 1 working day overdue', 'Not assigned'],
    )
    assert.deepEqual([rows[5]!.when, rows[5]!.assigned], ['Due today received today', 'Not assigned'])
    assert.deepEqual([rows[6]!.date, rows[6]!.when], ['Monday 30 November 2026', 'Due soon 1 working day left'])
    assert.equal(rows[0]!.when, 'Overdue received 11 working days ago, not answered yet')
    assert.match(
      squash(html(await cora.get('/today')).getElementById('today-counts')!.text),
      /5 overdue, 1 due today, 1 due soon/,
    )
  })

  it('links each row to the case and to where the work is done', async () => {
    const doc = html(await cora.get('/today'))
    const links = doc
      .querySelectorAll('#today-list tbody tr')[2]!
      .querySelectorAll('a')
      .map((a) => a.getAttribute('href'))
    assert.deepEqual(links, [
      `/cases/${made.chase!.id}/progress`,
      `/cases/${made.chase!.id}/actions/chase-party?party=local-authority`,
    ])
  })

  it("leaves out another coordinator's case, which a manager sees", async () => {
    const mine = (await rowsFor(cora)).map((row) => row.reference)
    assert.ok(!mine.includes(made.omars!.reference))
    const manager = await new Agent(t.app).signIn('manager@example.com')
    const all = await rowsFor(manager)
    const omars = all.find((row) => row.reference === made.omars!.reference)
    assert.deepEqual([omars?.what, omars?.assigned], ['Issue the mediation certificate', 'Omar Other'])
    assert.ok(all.some((row) => row.reference === made.overdue!.reference))
  })

  it('drops an update owed, and the unanswered enquiry, once an update is recorded', async () => {
    const [sarah] = await t.database.db
      .select()
      .from(caseParties)
      .where(and(eq(caseParties.caseId, made.owed!.id), eq(caseParties.name, 'Sarah Hartley')))
    const res = await cora.submit(`/cases/${made.owed!.id}/updates/new?party=${sarah!.id}`, {
      version: '1',
      party: sarah!.id,
      channel: 'phone',
      note: 'Still waiting to hear from the council',
      'occurredOn-day': '27',
      'occurredOn-month': '11',
      'occurredOn-year': '2026',
    })
    assertRedirect(res)
    const owed = (await rowsFor(cora)).filter((row) => row.reference === made.owed!.reference).map((row) => row.what)
    assert.deepEqual(owed, ['Update Warrington Borough Council (local authority)'])
  })

  it('drops a chaser once it is recorded', async () => {
    const workflow = createWorkflowService({ db: t.database.db, clock: t.clock })
    assert.ok(
      (
        await workflow.apply(
          made.chase!.id,
          { type: 'chase-party', party: 'local-authority', on: '2026-11-27' },
          { actor },
        )
      ).ok,
    )
    assert.ok(!(await rowsFor(cora)).some((row) => row.reference === made.chase!.reference))
  })

  it('says so when nothing needs you', async () => {
    const mediator = await new Agent(t.app).signIn('mediator@example.com')
    const doc = html(await mediator.get('/today'))
    assert.equal(doc.getElementById('nothing-due')?.text.trim(), 'Nothing needs you today')
    assert.equal(doc.getElementById('today-list'), null)
  })
})

describe('Today with a long list (more than 1,000 things to do)', () => {
  let t: TestApp
  let manager: Agent
  /** [reference, what] of every row, most urgent first, as Today should list them. */
  let expected: [string, string][]

  before(async () => {
    t = await createTestApp()
    await createStaff(t.database, 'manager@example.com', ['manager'], 'Mina Manager')
    const council = await firstCouncilId(t.database)
    // 1,010 enquiries nobody has answered, three received each day from Monday 4 January 2021, and
    // an update owed on each of the first 30: put in at once, as an import would.
    const made = await t.database.db
      .insert(cases)
      .values(
        Array.from({ length: 1010 }, (_, i) => ({
          reference: `MED-2021-${String(i + 1).padStart(6, '0')}`,
          localAuthorityId: council,
          status: 'enquiry',
          channel: 'online',
          receivedOn: new Date(Date.UTC(2021, 0, 4 + Math.floor(i / 3))).toISOString().slice(0, 10),
          childName: `Child ${i + 1}`,
          childDateOfBirth: '2015-03-14',
          childSetting: 'Oakwood Primary School',
          childPostcode: 'WA1 1AA',
          ehcStatus: 'has-plan',
          request: sampleFacts(),
        })),
      )
      .returning({ id: cases.id, reference: cases.reference, receivedOn: cases.receivedOn })
    await t.database.db
      .insert(caseDeadlines)
      .values([
        ...made.map((c) => ({ caseId: c.id, name: 'enquiry', dueDate: c.receivedOn, status: 'open' })),
        ...made
          .slice(0, 30)
          .map((c) => ({ caseId: c.id, name: 'update:nobody', dueDate: c.receivedOn, status: 'overdue' })),
      ])
    // On the same day: updates before enquiries; then by reference.
    expected = [
      ...made.map((c) => ({ ...c, kind: 1, what: 'Answer the new enquiry' })),
      ...made.slice(0, 30).map((c) => ({ ...c, kind: 0, what: 'Update someone in the case' })),
    ]
      .sort(
        (a, b) => a.receivedOn.localeCompare(b.receivedOn) || a.kind - b.kind || a.reference.localeCompare(b.reference),
      )
      .map((c) => [c.reference, c.what])
    manager = await new Agent(t.app).signIn('manager@example.com')
  })
  after(() => t.close())

  const rowsOf = (doc: ReturnType<typeof html>) =>
    doc.querySelectorAll('#today-list tbody tr').map((tr) => {
      const cells = tr.querySelectorAll('td').map((td) => squash(td.text))
      return [cells[0]!, cells[2]!.replace(/ for MED-.*$/, '')] as [string, string]
    })
  const open = async (url: string) => {
    const res = await manager.get(url)
    assert.equal(res.statusCode, 200, url)
    return html(res)
  }

  it('shows 25 at a time, most urgent first, with counts that stop at 1,000', async () => {
    const doc = await open('/today')
    assert.deepEqual(rowsOf(doc), expected.slice(0, 25))
    assert.match(squash(doc.getElementById('today-counts')!.text), /More than 1,000 to do, the most urgent first/)
    const kinds = doc.querySelectorAll('#today-kinds li').map((li) => squash(li.text))
    assert.deepEqual(kinds, ['Deadlines (0)', 'Chasers (0)', 'Updates owed (30)', 'New enquiries (more than 1,000)'])
    assert.equal(doc.getElementById('today-sections'), null, 'one section: no list of sections')
  })

  it('pages on by number, to the 1,000 most urgent', async () => {
    const first = await open('/today')
    const next = first.querySelector('.govuk-pagination__next a')?.getAttribute('href')
    assert.equal(next, '/today?page=2')
    const second = await open(next!)
    assert.deepEqual(rowsOf(second), expected.slice(25, 50))
    assert.equal(second.querySelector('.govuk-pagination__prev a')?.getAttribute('href'), '/today')
    const last = await open('/today?page=40')
    assert.deepEqual(rowsOf(last), expected.slice(975, 1000))
    assert.equal(last.querySelector('.govuk-pagination__next'), null)
    assert.deepEqual(rowsOf(await open('/today?page=900')), expected.slice(975, 1000), 'no further than that')
  })

  it('shows one kind at a time, with its own count and pages', async () => {
    const doc = await open('/today?kind=update')
    assert.deepEqual(rowsOf(doc), expected.filter(([, what]) => what.startsWith('Update')).slice(0, 25))
    assert.equal(doc.querySelector('.govuk-pagination__next a')?.getAttribute('href'), '/today?kind=update&page=2')
    assert.match(squash(doc.getElementById('today-counts')!.text), /30 overdue, 0 due today, 0 due soon/)
    assert.equal(rowsOf(await open('/today?kind=update&page=2')).length, 5)
    assert.ok(doc.querySelector('#today-kinds a[href="/today"]'), 'a way back to everything')
    assert.equal(rowsOf(await open('/today?kind=nonsense')).length, 25, 'an unknown kind shows everything')
  })
})

import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { Agent } from '../../../test/helpers/agent.ts'
import { createStaff, createTestApp, testPassword, type TestApp } from '../../../test/helpers/app.ts'
import { assertRedirect, html, titleOf } from '../../../test/helpers/html.ts'
import { caseParties, cases } from '../../db/schema/index.ts'
import { makeCase } from '../cases/testing.ts'
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
    assertRedirect(res, '/today')
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

// The retention pages through the app, as an administrator uses them: a council's schedule changed
// (audited, a mistake kept as typed), what the next run will anonymise (a page at a time), a legal
// hold placed (once, however often the form is sent) and lifted (both audited), the job run
// through the job list keeping the held case and, once lifted, anonymising it, and its runs' log.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import { Agent } from '../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html } from '../../../test/helpers/html.ts'
import { runTask } from '../../../test/helpers/tasks.ts'
import { createWorkflowService } from '../cases/index.ts'
import { firstCouncilId, makeCase } from '../cases/testing.ts'

const squash = (s: string) => s.replace(/\s+/g, ' ').trim()

describe('the retention pages', () => {
  let t: TestApp
  let admin: Agent
  let councilId: string
  let enquiry: { id: string; reference: string }
  let mediated: { id: string; reference: string }
  const auditActions = async (action: string) =>
    (
      await t.database.db.execute<{ case_id: string | null; after: Record<string, unknown> }>(
        sql`select case_id, after from audit_trail where action = ${action} order by id`,
      )
    ).rows

  before(async () => {
    t = await createTestApp({ now: '2026-11-27T10:00:00Z' })
    councilId = await firstCouncilId(t.database)
    const ada = await createStaff(t.database, 'ada@example.com', ['administrator'], 'Ada Admin')
    await createStaff(t.database, 'cora@example.com', ['coordinator'], 'Cora Ordinator')
    admin = await new Agent(t.app).signIn('ada@example.com')
    // An enquiry that went no further, closed; and a case the family chose mediation on, withdrawn.
    enquiry = await makeCase(t.database, t.clock, { childName: 'Amelia Hartley' })
    await t.database.db.execute(sql`update cases set status = 'closed' where id = ${enquiry.id}`)
    mediated = await makeCase(t.database, t.clock, { childName: 'Zara Quinn' })
    const workflow = createWorkflowService({ db: t.database.db, clock: t.clock })
    const actor = { label: 'Ada Admin', userId: ada.id }
    for (const action of [
      { type: 'decide-scope', scope: 'sen-mediation', reason: 'An EHC plan decision' },
      { type: 'choose-mediation' },
      { type: 'withdraw', by: 'parent', reason: 'Sorted out with the school' },
    ] as const) {
      const done = await workflow.apply(mediated.id, [action], { actor })
      assert.ok(done.ok, JSON.stringify(done))
    }
  })
  after(() => t.close())
  // Time passes (sessions end): the administrator signs in again.
  const jump = async (to: string) => {
    t.clock.set(to)
    admin = await new Agent(t.app).signIn('ada@example.com')
  }

  it('shows each council schedule, the defaults until it has its own, to administrators only', async () => {
    const page = await admin.get('/admin/retention')
    assert.equal(page.statusCode, 200)
    const row = squash(html(page).querySelector('tbody tr')!.text)
    assert.match(row, /Warrington Borough Council 1 year 6 years The defaults/)
    const coordinator = await new Agent(t.app).signIn('cora@example.com')
    for (const url of ['/admin/retention', '/admin/retention/due', '/admin/retention/holds', '/admin/retention/runs'])
      assert.equal((await coordinator.get(url)).statusCode, 403, url)
  })

  it("changes a council's schedule, keeping a mistake as typed, and audits the change", async () => {
    const url = `/admin/retention/councils/${councilId}`
    await admin.get(url)
    const wrong = await admin.post(url, { enquiryMonths: 'eighteen', caseMonths: '0' })
    assert.equal(wrong.statusCode, 400)
    assertFormErrors(wrong, ['enquiryMonths', 'caseMonths'])
    assert.equal(html(wrong).getElementById('enquiryMonths')!.getAttribute('value'), 'eighteen')
    assertRedirect(await admin.post(url, { enquiryMonths: '18', caseMonths: '84' }), '/admin/retention')
    const row = squash(html(await admin.get('/admin/retention')).querySelector('tbody tr')!.text)
    assert.match(row, /Warrington Borough Council 18 months 7 years Its own/)
    const [changed] = await auditActions('retention.schedule-changed')
    assert.deepEqual(changed!.after, { enquiryMonths: 18, caseMonths: 84 })
  })

  it('lists what the next run will anonymise: the enquiry once its 18 months have passed, not the case', async () => {
    assert.match((await admin.get('/admin/retention/due')).body, /Nothing is due for Warrington/)
    await jump('2028-06-01T10:00:00Z')
    const page = await admin.get(`/admin/retention/due?council=${councilId}`)
    const rows = html(page)
      .querySelectorAll('tbody tr')
      .map((tr) => squash(tr.text))
    assert.deepEqual(rows, [`${enquiry.reference} Enquiry Friday 27 November 2026 Saturday 27 May 2028`])
  })

  it('places a legal hold once, with why (audited), and the held case is no longer due', async () => {
    await admin.get('/admin/retention/holds/new')
    const empty = await admin.post('/admin/retention/holds/new', { submissionKey: crypto.randomUUID() })
    assert.equal(empty.statusCode, 400)
    assertFormErrors(empty, ['reference', 'reason', 'note'])
    const fields = { reference: 'MED-2099-999999', reason: 'complaint', note: 'Complaint CMP-2028-000004' }
    const unknown = await admin.post('/admin/retention/holds/new', { submissionKey: crypto.randomUUID(), ...fields })
    assert.equal(unknown.statusCode, 400)
    assert.match(unknown.body, /There is no case with that reference/)
    const key = crypto.randomUUID()
    const send = () =>
      admin.post('/admin/retention/holds/new', { ...fields, submissionKey: key, reference: enquiry.reference })
    assertRedirect(await send(), '/admin/retention/holds')
    assertRedirect(await send(), '/admin/retention/holds')
    const holds = html(await admin.get('/admin/retention/holds')).querySelectorAll('tbody tr')
    assert.equal(holds.length, 1)
    assert.match(
      squash(holds[0]!.text),
      new RegExp(`${enquiry.reference} A complaint is open Complaint CMP-2028-000004`),
    )
    const placed = await auditActions('retention.hold-placed')
    assert.equal(placed.length, 1)
    assert.equal(placed[0]!.case_id, enquiry.id)
    assert.match((await admin.get('/admin/retention/due')).body, /Nothing is due/)
  })

  it('keeps the held case when the job runs, and anonymises it once the hold is lifted; each run is logged', async () => {
    const first = (await runTask(t, 'retention')) as { anonymised: number; skippedHeld: number }
    assert.deepEqual([first.anonymised, first.skippedHeld], [0, 1])

    const holdId = html(await admin.get('/admin/retention/holds'))
      .querySelector('a[href$="/lift"]')!
      .getAttribute('href')!
    await admin.get(holdId)
    const noReason = await admin.post(holdId, {})
    assert.equal(noReason.statusCode, 400)
    assertFormErrors(noReason, ['note'])
    assertRedirect(
      await admin.post(holdId, { note: 'The complaint was answered and closed' }),
      '/admin/retention/holds',
    )
    assertRedirect(await admin.post(holdId, { note: 'Again' }), '/admin/retention/holds')
    assert.equal((await auditActions('retention.hold-lifted')).length, 1)

    await jump('2028-06-01T11:00:00Z')
    const second = (await runTask(t, 'retention')) as { anonymised: number }
    assert.equal(second.anonymised, 1)
    const [row] = (
      await t.database.db.execute<{ child_name: string }>(sql`select child_name from cases where id = ${enquiry.id}`)
    ).rows
    assert.equal(row!.child_name, '[removed]')
    const casePage = await admin.get(`/cases/${enquiry.id}`)
    assert.equal(casePage.statusCode, 200)
    assert.doesNotMatch(casePage.body, /Amelia|Hartley/)
    const [other] = (
      await t.database.db.execute<{ child_name: string }>(sql`select child_name from cases where id = ${mediated.id}`)
    ).rows
    assert.equal(other!.child_name, 'Zara Quinn', 'a case is kept for 7 years')

    const runs = html(await admin.get('/admin/retention/runs'))
      .querySelectorAll('tbody tr')
      .map((tr) => squash(tr.text))
    assert.equal(runs.length, 2)
    assert.match(runs[0]!, /Done 1 Warrington Borough Council: 1 enquiry, 0 cases 0$/)
    assert.match(runs[1]!, /Done 0 None 1$/)
  })

  it('pages through what is due by keyset, each case once', async () => {
    for (let i = 0; i < 51; i++) {
      const made = await makeCase(t.database, t.clock, { childName: `Child ${i}` })
      await t.database.db.execute(sql`update cases set status = 'closed' where id = ${made.id}`)
    }
    await jump('2030-01-01T10:00:00Z')
    const first = await admin.get('/admin/retention/due')
    const refs = (res: typeof first) =>
      html(res)
        .querySelectorAll('tbody tr a')
        .map((a) => a.text)
    assert.equal(refs(first).length, 50)
    const more = html(first).querySelector('.govuk-pagination__next a')!.getAttribute('href')!
    const second = await admin.get(more.replace(/&amp;/g, '&'))
    assert.equal(refs(second).length, 1)
    assert.equal(new Set([...refs(first), ...refs(second)]).size, 51)
  })

  it('goes on past a case it cannot anonymise, naming it in the log by its id alone', async () => {
    // A case the database will not change (as if its data were not as expected).
    const stuck = await makeCase(t.database, t.clock, { childName: 'Stuck Child' })
    await t.database.db.execute(sql`update cases set status = 'closed' where id = ${stuck.id}`)
    await t.database.db.execute(
      sql.raw(`create function refuse_stuck() returns trigger language plpgsql as $$
      begin raise exception 'refused for %', old.child_name; end $$`),
    )
    await t.database.db.execute(
      sql.raw(`create trigger refuse_stuck before update on cases for each row
      when (old.child_name = 'Stuck Child') execute function refuse_stuck()`),
    )
    try {
      await jump('2032-01-05T10:00:00Z')
      const run = (await runTask(t, 'retention')) as { anonymised: number; failed: string[] }
      assert.deepEqual([run.anonymised, run.failed], [51, [stuck.id]])
      const [newest] = html(await admin.get('/admin/retention/runs')).querySelectorAll('tbody tr')
      const text = squash(newest!.text)
      assert.match(
        text,
        new RegExp(`1 could not be anonymised and will be tried again; the first was the case with the id ${stuck.id}`),
      )
      assert.doesNotMatch(text, /Stuck/)
    } finally {
      await t.database.db.execute(sql.raw('drop trigger refuse_stuck on cases'))
      await t.database.db.execute(sql.raw('drop function refuse_stuck()'))
    }
  })
})

import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { and, count, eq, isNull, ne } from 'drizzle-orm'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html, titleOf } from '../../../../test/helpers/html.ts'
import { runTask } from '../../../../test/helpers/tasks.ts'
import { caseDeadlines, cases, deadlineRecomputes, localAuthorities, settings } from '../../../db/schema/index.ts'
import { createCase } from '../../cases/index.ts'
import { firstCouncilId, sampleFacts } from '../../cases/testing.ts'
import { readSettings } from '../../settings/index.ts'
import { runRecomputes } from '../index.ts'

describe('/admin/settings', () => {
  let t: TestApp
  let adminId: string
  before(async () => {
    t = await createTestApp()
    adminId = (await createStaff(t.database, 'admin@example.com', ['administrator'], 'Ada Admin')).id
    await createStaff(t.database, 'coord@example.com', ['coordinator', 'manager'], 'Cora Coordinator')
  })
  after(() => t.close())

  const admin = () => new Agent(t.app).signIn('admin@example.com')
  const fields = (agent: Agent, change: Record<string, string> = {}) => {
    const shown =
      html({ body: lastPage } as never)
        .querySelector('input[name="shown"]')
        ?.getAttribute('value') ?? ''
    return {
      shown,
      appealExclusion: 'move-out',
      chaserWorkingDays: '5',
      dueSoonWorkingDays: '5',
      meetingReminderDays: '2',
      ...change,
      _csrf: agent.csrfToken,
    }
  }
  let lastPage = ''
  const open = async (agent: Agent, url = '/admin/settings') => {
    const res = await agent.get(url)
    lastPage = res.body
    return res
  }

  /** A case whose 2 months from the decision letter end in August: Mon 10 Aug 2026. */
  async function augustCase() {
    const facts = sampleFacts()
    const made = await createCase(t.database.db, t.clock, {
      localAuthorityId: await firstCouncilId(t.database),
      facts: { ...facts, decision: { kind: 'refuse-amend', letterDate: '2026-06-10' } },
      channel: 'online',
      actor: { label: 'The person asking for help' },
    })
    return made.id
  }
  const openCases = async () =>
    (await t.database.db.select({ n: count() }).from(cases).where(ne(cases.status, 'closed')))[0]!.n
  const appealDue = async (caseId: string) =>
    (
      await t.database.db
        .select()
        .from(caseDeadlines)
        .where(and(eq(caseDeadlines.caseId, caseId), eq(caseDeadlines.name, 'appeal')))
    )[0]?.dueDate

  it('shows the settings, the examples worked out and each authority, for an administrator', async () => {
    const agent = await admin()
    const res = await open(agent)
    assert.equal(res.statusCode, 200)
    assert.match(titleOf(res), /^Service settings - /)
    const doc = html(res)
    assert.equal(doc.querySelector('input[name="appealExclusion"][checked]')?.getAttribute('value'), 'move-out')
    assert.equal(doc.getElementById('chaserWorkingDays')?.getAttribute('value'), '5')
    assert.equal(doc.getElementById('dueSoonWorkingDays')?.getAttribute('value'), '5')
    // The June example (this year is 2026): 10 Aug moves to 1 Sep; skipping August gives 10 Sep.
    assert.match(doc.querySelector('#appealExclusion-item-hint')?.text ?? '', /Tuesday 1 September 2026/)
    assert.match(doc.querySelector('#appealExclusion-2-item-hint')?.text ?? '', /Thursday 10 September 2026/)
    assert.match(doc.querySelector('#appealExclusion-3-item-hint')?.text ?? '', /Monday 10 August 2026/)
    // The doubt about two regulations' numbers is told here, to administrators, and not on case pages.
    assert.match(doc.getElementById('rule-sources')?.text ?? '', /the regulation’s number has not been checked/)
    const [authority] = await t.database.db.select().from(localAuthorities)
    const link = doc.querySelector(`a[href="/admin/councils/${authority!.id}"]`)
    assert.ok(link, 'a link to change each council’s cadence, on its page')
    assert.ok(
      doc.querySelector('nav[aria-label="Administration"] a[href="/admin/bank-holidays"]'),
      'the admin pages are linked',
    )
  })

  it('refuses numbers that are missing, not whole or out of range, keeping what was typed', async () => {
    const agent = await admin()
    await open(agent)
    const res = await agent.post(
      '/admin/settings',
      fields(agent, { chaserWorkingDays: '2.5', dueSoonWorkingDays: '0' }),
    )
    assertFormErrors(res, ['chaserWorkingDays', 'dueSoonWorkingDays'])
    const doc = html(res)
    assert.match(doc.querySelector('.govuk-error-summary')?.text ?? '', /must be a whole number, like 5/)
    assert.match(doc.querySelector('.govuk-error-summary')?.text ?? '', /due soon must be between 1 and 20/)
    assert.equal(doc.getElementById('chaserWorkingDays')?.getAttribute('value'), '2.5')

    await open(agent)
    assertFormErrors(
      await agent.post('/admin/settings', fields(agent, { chaserWorkingDays: '', dueSoonWorkingDays: '21' })),
      ['chaserWorkingDays', 'dueSoonWorkingDays'],
    )
    await open(agent)
    assertFormErrors(await agent.post('/admin/settings', fields(agent, { appealExclusion: 'sometimes' })), [
      'appealExclusion',
    ])
    assert.equal((await readSettings(t.database.db)).chaserWorkingDays, 5, 'nothing was saved')
  })

  it('shows what was typed escaped', async () => {
    const agent = await admin()
    await open(agent)
    const res = await agent.post('/admin/settings', fields(agent, { chaserWorkingDays: '<script>alert(1)</script>' }))
    assert.equal(res.statusCode, 400)
    assert.ok(res.body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'))
    assert.ok(!res.body.includes('<script>alert(1)'))
  })

  it('saves the numbers, recording who changed them', async () => {
    const agent = await admin()
    await open(agent)
    assertRedirect(
      await agent.post(
        '/admin/settings',
        fields(agent, { chaserWorkingDays: '7', dueSoonWorkingDays: '3', meetingReminderDays: '4' }),
      ),
      '/admin/settings',
    )
    assert.deepEqual(await readSettings(t.database.db), {
      appealExclusion: 'move-out',
      chaserWorkingDays: 7,
      dueSoonWorkingDays: 3,
      meetingReminderDays: 4,
    })
    const [row] = await t.database.db.select().from(settings).where(eq(settings.key, 'chaserWorkingDays'))
    assert.equal(row?.updatedBy, adminId)
    const page = await open(agent)
    assert.match(html(page).querySelector('.govuk-notification-banner')?.text ?? '', /Settings saved/)
    assert.match(
      html(page).querySelector('#last-changes tbody')?.text ?? '',
      /Working days before a chaser is suggested[\s\S]*Ada Admin/,
    )
  })

  it('refuses a save made from a page someone else changed since', async () => {
    const agent = await admin()
    await open(agent)
    const stale = fields(agent, { chaserWorkingDays: '9' })
    const other = await admin()
    await open(other)
    assertRedirect(
      await other.post('/admin/settings', fields(other, { chaserWorkingDays: '8', dueSoonWorkingDays: '3' })),
    )
    const res = await agent.post('/admin/settings', { ...stale, dueSoonWorkingDays: '3' })
    assertFormErrors(res, ['appealExclusion'])
    assert.match(res.body, /Someone else changed these settings/)
    assert.equal((await readSettings(t.database.db)).chaserWorkingDays, 8)
  })

  it('works out the appeal deadline again when the August and Christmas reading changes', async () => {
    const caseId = await augustCase()
    assert.equal(await appealDue(caseId), '2026-09-01') // 10 Aug 2026 moves out of August
    const agent = await admin()
    await open(agent)
    const current = await readSettings(t.database.db)
    const keep = {
      chaserWorkingDays: String(current.chaserWorkingDays),
      dueSoonWorkingDays: String(current.dueSoonWorkingDays),
    }
    assertRedirect(
      await agent.post('/admin/settings', fields(agent, { ...keep, appealExclusion: 'none' })),
      '/admin/settings',
    )
    assert.equal((await readSettings(t.database.db)).appealExclusion, 'none')
    // The request only asks: a job works the deadlines out again, and the page says how far it has got.
    const asked = html(await open(agent))
    assert.match(
      asked.querySelector('.govuk-notification-banner')?.text ?? '',
      /deadlines of the cases that are not closed are being worked out again/,
    )
    assert.match(
      asked.getElementById('recompute-status')?.text ?? '',
      /Deadlines are being worked out again[\s\S]*reading of August and Christmas[\s\S]*waiting to start/,
    )
    assert.equal(await appealDue(caseId), '2026-09-01', 'not yet')
    const run = (await runTask(t, 'recompute-deadlines')) as { requests: number; cases: number }
    assert.ok(run.requests >= 1 && run.cases >= (await openCases()), 'every open case, for each request waiting')
    assert.equal(await appealDue(caseId), '2026-08-10')
    assert.match(
      html(await open(agent)).getElementById('recompute-status')?.text ?? '',
      /The deadlines of \d+ cases? that are not closed were last worked out again on/,
    )

    await open(agent)
    assertRedirect(await agent.post('/admin/settings', fields(agent, { ...keep, appealExclusion: 'skip-days' })))
    await runTask(t, 'recompute-deadlines')
    assert.equal(await appealDue(caseId), '2026-09-10')
    await open(agent)
    assertRedirect(await agent.post('/admin/settings', fields(agent, { ...keep, appealExclusion: 'move-out' })))
    await runTask(t, 'recompute-deadlines')
    assert.equal(await appealDue(caseId), '2026-09-01')
  })

  it('works out the chasers again when the working days before a chaser change, a batch at a time', async () => {
    for (let i = 0; i < 3; i++) await augustCase()
    const agent = await admin()
    await open(agent)
    const current = await readSettings(t.database.db)
    assertRedirect(
      await agent.post(
        '/admin/settings',
        fields(agent, {
          appealExclusion: current.appealExclusion,
          chaserWorkingDays: String(current.chaserWorkingDays + 1),
          dueSoonWorkingDays: String(current.dueSoonWorkingDays),
        }),
      ),
    )
    const [request] = await t.database.db.select().from(deadlineRecomputes).where(isNull(deadlineRecomputes.finishedAt))
    assert.equal(request?.reason, 'chaser-interval')
    // Two cases a batch: the progress is kept after each, and the page shows it.
    await runRecomputes({ db: t.database.db, clock: t.clock }, { batchSize: 2, budgetMs: 0 })
    const total = await openCases()
    const [after] = await t.database.db.select().from(deadlineRecomputes).where(eq(deadlineRecomputes.id, request!.id))
    assert.deepEqual([after?.done, after?.total, after?.finishedAt], [2, total, null])
    assert.match(
      html(await open(agent)).getElementById('recompute-status')?.text ?? '',
      new RegExp(`2 of ${total} cases done`),
    )
    await runTask(t, 'recompute-deadlines')
    const [done] = await t.database.db.select().from(deadlineRecomputes).where(eq(deadlineRecomputes.id, request!.id))
    assert.equal(done?.done, total)
    assert.ok(done?.finishedAt)
  })

  it('refuses a coordinator', async () => {
    const agent = await new Agent(t.app).signIn('coord@example.com')
    assert.equal((await agent.get('/admin/settings')).statusCode, 403)
    assert.equal(
      (
        await agent.post('/admin/settings', {
          appealExclusion: 'none',
          chaserWorkingDays: '5',
          dueSoonWorkingDays: '5',
          shown: '',
        })
      ).statusCode,
      403,
    )
    assert.equal((await readSettings(t.database.db)).appealExclusion, 'move-out')
  })

  it('sends someone not signed in to sign in', async () => {
    assertRedirect(await new Agent(t.app).get('/admin/settings'), '/sign-in?next=%2Fadmin%2Fsettings')
  })
})

// A council's update cadence is changed on its page, /admin/councils/:id (the old address,
// /admin/settings/authorities/:id, leads there): its tests are in admin/councils/council/council.test.ts.

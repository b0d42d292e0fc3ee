// Anonymising keeps every report figure and the audit's chains: the reports' known cases (two
// councils, every table of the report) ended, their time come, and the retention job run through
// the job list; each council's report before and after, figure by figure; audit-verify intact;
// no name, address or free text left; and the append-only tables still refuse a quiet change, or
// audit-verify finds it. On PGlite, and on PostgreSQL with DATABASE_URL.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { periodicTasks } from '../../jobs/schedule.ts'
import { verifyAudit } from '../audit/index.ts'
import { councilSummary } from '../reports/index.ts'
import { knownCases, QUARTER, type Known } from '../reports/testing.ts'
import { anonymiseCase } from './index.ts'

const periods = [QUARTER, { from: '2026-01-01', to: '2026-12-31' }]

describe('anonymising under the retention schedule', () => {
  let t: TestApp
  let known: Known
  const figures = async () => {
    const all = []
    for (const council of [known.councilA, known.councilB])
      for (const period of periods) all.push(await councilSummary(t.database.db, council, period))
    return all
  }
  let beforeFigures: unknown[]

  before(async () => {
    t = await createTestApp({ now: '2026-11-27T10:00:00Z' })
    known = await knownCases(t)
    // Every case ends and every complaint closes (the reports count neither a case's status nor a
    // complaint's): as if the years had passed.
    await t.database.db.execute(sql`update complaints set status = 'closed'`)
    await t.database.db.execute(
      sql`update cases set status = 'closed' where status not in ('closed', 'withdrawn', 'could-not-proceed')`,
    )
    beforeFigures = await figures()
  })
  after(() => t.close())

  it('is refused for a case that is still open, and anonymises nothing before its time', async () => {
    const [open] = (await t.database.db.execute<{ id: string }>(sql`select id from cases order by reference limit 1`))
      .rows
    await t.database.db.execute(sql`update cases set status = 'willingness' where id = ${open!.id}`)
    const refused = await anonymiseCase({ db: t.database.db, clock: t.clock }, open!.id, {
      by: { userId: null, ip: null },
      why: 'erasure',
    })
    assert.deepEqual(refused.ok ? 'done' : refused.code, 'open')
    await t.database.db.execute(sql`update cases set status = 'closed' where id = ${open!.id}`)

    const task = periodicTasks.find((p) => p.name === 'retention')!
    const context = { db: t.database.db, clock: t.clock, config: t.config, transports: {} as never }
    const soon = (await task.run(context)) as { anonymised: number }
    assert.equal(soon.anonymised, 0, 'a year has not passed since any of them ended')
  })

  it('keeps every figure of every report, and removes the names, contacts and free text', async () => {
    const task = periodicTasks.find((p) => p.name === 'retention')!
    t.clock.set('2033-01-02T10:00:00Z')
    const context = { db: t.database.db, clock: t.clock, config: t.config, transports: {} as never }
    const run = (await task.run(context)) as { anonymised: number; byCouncil: Record<string, { cases: number }> }
    const total = await t.database.db.execute<{ n: number }>(sql`select count(*)::int as n from cases`)
    assert.equal(run.anonymised, total.rows[0]!.n, 'every case was due')
    assert.ok(run.byCouncil[known.councilA]!.cases > 0 && run.byCouncil[known.councilB], 'counted by council')

    assert.deepEqual(await figures(), beforeFigures)

    const left = await t.database.db.execute<Record<string, number>>(sql`select
      (select count(*)::int from cases where child_name like '%Hartley%' or request::text like '%Hartley%') as cases,
      (select count(*)::int from case_parties where name like '%Hartley%' or email is not null) as parties,
      (select count(*)::int from case_events where data::text like '%Hartley%' or data::text like '%school transport%') as events,
      (select count(*)::int from scope_decisions where reason like '%school transport%') as scope,
      (select count(*)::int from messages where body like '%Hartley%'
        or (recipient_address like '%@%' and (case_id is not null or party_id is not null))) as messages,
      (select count(*)::int from case_names) as search`)
    assert.deepEqual(
      left.rows[0],
      { cases: 0, parties: 0, events: 0, scope: 0, messages: 0, search: 0 },
      'no name, address or free text is left',
    )
    const kept = await t.database.db.execute<{ role: string; n: number }>(
      sql`select request->'requester'->>'role' as role, count(*)::int as n from cases group by 1 order by 1`,
    )
    assert.ok(
      kept.rows.some((r) => r.role === 'young-person'),
      'the facts stay',
    )
  })

  it('leaves every audit chain intact, each redaction recorded', async () => {
    const report = await verifyAudit(t.database.db, undefined)
    assert.equal(report.ok, true, JSON.stringify(report.chains))
    const events = report.chains.find((c) => c.chain === 'case_events')!
    assert.ok(events.redacted > 0, 'case events had personal data removed')
    const entries = await t.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from audit_trail where action = 'audit.redacted'`,
    )
    assert.equal(entries.rows[0]!.n, events.redacted + report.chains.find((c) => c.chain === 'audit_trail')!.redacted)
  })

  it('still refuses a quiet change to a case event, and audit-verify finds one made around the path', async () => {
    const [event] = (
      await t.database.db.execute<{ id: string }>(sql`select id from case_events where type = 'withdrawn' limit 1`)
    ).rows
    await assert.rejects(
      t.database.db.execute(sql`update case_events set data = '{"reason": "changed"}' where id = ${event!.id}`),
      (err: { cause?: unknown }) => /keeps the audit record/.test(String(err.cause ?? err)),
    )
    await assert.rejects(
      t.database.db.execute(sql`update case_events set type = 'closed' where id = ${event!.id}`),
      (err: { cause?: unknown }) => /keeps the audit record/.test(String(err.cause ?? err)),
    )
    // Someone who knows the setting audit_redact uses, changing a redacted row without it.
    await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('parley.audit_redaction', ${`case_events:${event!.id}`}, true)`)
      await tx.execute(sql`update case_events set data = data || '{"forged": true}' where id = ${event!.id}`)
    })
    const report = await verifyAudit(t.database.db, undefined)
    assert.equal(report.ok, false)
    const broken = report.chains.find((c) => c.chain === 'case_events')!.problem!
    assert.equal(broken.rowId, Number(event!.id))
    assert.match(broken.what, /has been changed since it was written/)
  })
})

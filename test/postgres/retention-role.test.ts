// On PostgreSQL, the application's own role (not the tables' owner) may remove personal data from
// a case event only through audit_redact: given UPDATE on the table and the very setting that
// function uses, its own UPDATE is still refused; audit_redact (run as the owner) works, and
// audit-verify finds the chain intact.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import { fixedClock } from '../../src/clock.ts'
import { testConfig } from '../../src/config.ts'
import type { Database } from '../../src/db/client.ts'
import { firstStart } from '../../src/db/first-start.ts'
import { verifyAudit } from '../../src/features/audit/index.ts'
import { createWorkflowService } from '../../src/features/cases/index.ts'
import { makeCase } from '../../src/features/cases/testing.ts'
import { openTestDatabase } from '../helpers/database.ts'

const clock = fixedClock('2026-11-27T10:00:00Z')

describe("the application's role and audit_redact on PostgreSQL", () => {
  let made: { database: Database; drop(): Promise<void> }
  let eventId: number
  before(async () => {
    made = await openTestDatabase()
    await firstStart(made.database.db, { ...testConfig(), NODE_ENV: 'production' })
    const c = await makeCase(made.database, clock)
    const workflow = createWorkflowService({ db: made.database.db, clock })
    const done = await workflow.apply(
      c.id,
      [{ type: 'decide-scope', scope: 'sen-mediation', reason: "About Amelia's plan" }],
      {
        actor: { label: 'Test' },
      },
    )
    assert.ok(done.ok)
    const [row] = (
      await made.database.db.execute<{ id: string }>(sql`select id from case_events where type = 'scope-decided'`)
    ).rows
    eventId = Number(row!.id)
  })
  after(() => made.drop())

  it('refuses its own UPDATE, setting or not, and lets audit_redact remove the named field', async () => {
    const role = `parley_app_${process.pid}`
    const client = new pg.Client({ connectionString: made.database.url! })
    await client.connect()
    try {
      await client.query(`create role ${role} nologin`)
      await client.query(`grant select, insert, update on case_events, audit_trail to ${role}`)
      await client.query(`grant select on audit_redactions, audit_chain to ${role}`)
      await client.query(`set role ${role}`)
      await client.query('begin')
      await client.query(`select set_config('parley.audit_redaction', 'case_events:${eventId}', true)`)
      await assert.rejects(
        client.query(`update case_events set data = data || '{"reason": "[removed]"}' where id = ${eventId}`),
        /keeps the audit record: its rows cannot be changed or deleted/,
      )
      await client.query('rollback')
      await assert.rejects(
        client.query(`insert into audit_redactions (chain, row_id, fields, digest, trail_id, at)
        values ('case_events', ${eventId}, '{}', 'x', 1, now())`),
        /permission denied/,
      )
      const redacted = await client.query(
        `select audit_redact('case_events', ${eventId}, '[["data", "reason"]]'::jsonb, now(), null, 'erasure') as n`,
      )
      assert.equal(redacted.rows[0].n, 1)
    } finally {
      await client.query('reset role').catch(() => {})
      await client.query(`drop owned by ${role}`).catch(() => {})
      await client.query(`drop role if exists ${role}`).catch(() => {})
      await client.end()
    }
    const [row] = (
      await made.database.db.execute<{ reason: string }>(
        sql`select data->>'reason' as reason from case_events where id = ${eventId}`,
      )
    ).rows
    assert.equal(row!.reason, '[removed]')
    const report = await verifyAudit(made.database.db, undefined)
    assert.equal(report.ok, true, JSON.stringify(report.chains))
    assert.equal(report.chains.find((c) => c.chain === 'case_events')!.redacted, 1)
  })
})

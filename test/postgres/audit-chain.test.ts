// Writers at the same moment on PostgreSQL (two instances, each with its own connections) keep one
// unbroken audit chain: each transaction waits for the one before it to commit before it links
// its row, so no two rows ever follow the same link.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import pg from 'pg'
import { fixedClock } from '../../src/clock.ts'
import { openDatabase, type Database } from '../../src/db/client.ts'
import { recordChange, verifyAudit } from '../../src/features/audit/index.ts'
import { openTestDatabase } from '../helpers/database.ts'

const clock = fixedClock('2026-11-27T10:00:00Z')

describe('two writers at once on PostgreSQL', () => {
  let made: { database: Database; drop(): Promise<void> }
  let second: Database
  before(async () => {
    made = await openTestDatabase()
    second = await openDatabase({ url: made.database.url! })
  })
  after(async () => {
    await second.close()
    await made.drop()
  })

  it('keep one unbroken chain, each row linked once, in the order the transactions committed', async () => {
    const write = (database: Database, writer: number, i: number) =>
      database.db.transaction(async (tx) => {
        await recordChange(tx, clock, {
          by: { userId: null, ip: null },
          action: 'council.changed',
          record: { kind: 'council', id: `writer-${writer}` },
          before: null,
          after: { i },
        })
        // Held open a moment after linking, so the other writer's transactions come while it is.
        await tx.execute(sql`select pg_sleep(0.01)`)
      })
    await Promise.all(
      [made.database, second].flatMap((database, writer) =>
        Array.from({ length: 15 }, (_, i) => write(database, writer, i)),
      ),
    )
    const links = await made.database.db.execute<{ seq: string }>(
      sql`select seq from audit_chain where chain = 'audit_trail' order by seq`,
    )
    assert.deepEqual(
      links.rows.map((r) => Number(r.seq)),
      Array.from({ length: 30 }, (_, i) => i + 1),
    )
    const report = await verifyAudit(made.database.db, undefined)
    assert.deepEqual(
      report.chains.map((c) => [c.chain, c.entries, c.problem]),
      [
        ['audit_trail', 30, null],
        ['case_events', 0, null],
        ['access_log', 0, null],
      ],
    )
  })

  it('refuses a fork even from a transaction that cannot see the last link (repeatable read)', async () => {
    // A snapshot taken before another writer's commit: linking after it would fork the chain; the
    // primary key on (chain, seq) refuses it instead, so the transaction fails and nothing forks.
    const client = new pg.Client({ connectionString: made.database.url! })
    await client.connect()
    try {
      await client.query('begin isolation level repeatable read')
      await client.query('select count(*) from audit_chain') // the snapshot starts here
      await made.database.db.transaction((tx) =>
        recordChange(tx, clock, {
          by: { userId: null, ip: null },
          action: 'council.changed',
          record: { kind: 'council', id: 'meanwhile' },
          before: null,
          after: null,
        }),
      )
      // The row joins its chain when its transaction commits: there the fork is refused.
      await client.query(
        `insert into audit_trail (at, action, record_kind, record_id) values (now(), 'council.changed', 'council', 'late')`,
      )
      await assert.rejects(
        client.query('commit'),
        /duplicate key value violates unique constraint "audit_chain_chain_seq_pk"/,
      )
      const kept = await made.database.db.execute(sql`select 1 from audit_trail where record_id = 'late'`)
      assert.equal(kept.rows.length, 0, 'the refused transaction left nothing behind')
    } finally {
      await client.end()
    }
    assert.equal((await verifyAudit(made.database.db, undefined)).ok, true)
  })

  it("refuses the application's role a change or deletion, and the turning off of the trigger (it is not the owner)", async () => {
    const role = `parley_app_${process.pid}`
    const client = new pg.Client({ connectionString: made.database.url! })
    await client.connect()
    try {
      await client.query(`create role ${role} nologin`)
      await client.query(`grant select, insert, update, delete on audit_trail, audit_chain to ${role}`)
      await client.query(`set role ${role}`)
      await assert.rejects(
        client.query(`update audit_trail set action = 'x'`),
        /keeps the audit record: its rows cannot be changed or deleted/,
      )
      await assert.rejects(client.query('delete from audit_trail'), /keeps the audit record/)
      await assert.rejects(
        client.query('alter table audit_trail disable trigger audit_trail_append_only'),
        /must be owner of table audit_trail/,
      )
    } finally {
      await client.query('reset role').catch(() => {})
      await client.query(`drop owned by ${role}`).catch(() => {})
      await client.query(`drop role if exists ${role}`).catch(() => {})
      await client.end()
    }
  })
})

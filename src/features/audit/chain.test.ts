// The audit tables as the database keeps them: every row in its table's hash chain, in the order
// written, and no row changed or deleted by the application (the refusing triggers), on PGlite and
// on PostgreSQL alike. audit-verify itself runs as a command in test/cli-audit.test.ts.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import { createStaff, createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { genesisHash } from '../../domain/audit-chain.ts'
import { makeCase } from '../cases/testing.ts'
import { recordAccess } from '../cases/index.ts'
import { recordChange, verifyAudit } from './index.ts'

describe('the audit hash chains', () => {
  let t: TestApp
  let userId: string
  let caseId: string
  before(async () => {
    t = await createTestApp()
    userId = (await createStaff(t.database, 'cora@example.com', ['coordinator'], 'Cora Coordinator')).id
    caseId = (await makeCase(t.database, t.clock)).id
    await t.database.db.transaction((tx) =>
      recordChange(tx, t.clock, {
        by: { userId, ip: '192.0.2.7' },
        action: 'council.changed',
        record: { kind: 'council', id: 'c-1' },
        before: null,
        after: { phone: '01632 960 001' },
      }),
    )
  })
  after(() => t.close())

  const links = async (chain: string) =>
    (
      await t.database.db.execute<{ seq: string; row_id: string; prev_hash: string; hash: string }>(
        sql`select seq, row_id, prev_hash, hash from audit_chain where chain = ${chain} order by seq`,
      )
    ).rows

  it('keeps one unbroken chain through a transaction that writes many rows and rolls a savepoint back', async () => {
    const change = (id: string) => ({
      by: { userId, ip: null },
      action: 'council.changed',
      record: { kind: 'council', id },
      before: null,
      after: null,
    })
    await t.database.db.transaction(async (tx) => {
      await recordChange(tx, t.clock, change('kept-1'))
      await tx
        .transaction(async (inner) => {
          await recordChange(inner, t.clock, change('rolled-back'))
          throw new Error('undone')
        })
        .catch(() => {})
      await recordChange(tx, t.clock, change('kept-2'))
    })
    await t.database.db.transaction((tx) => recordChange(tx, t.clock, change('kept-3')))
    const chained = await links('audit_trail')
    chained.forEach((link, i) => {
      assert.equal(Number(link.seq), i + 1)
      assert.equal(link.prev_hash, i === 0 ? genesisHash : chained[i - 1]!.hash)
    })
    assert.equal((await verifyAudit(t.database.db, undefined)).ok, true)
  })

  it('gives each row, of a batch too, its own link following the one before, in the order written', async () => {
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        recordAccess(t.database.db, t.clock, { userId, caseId, path: `/cases/${i}` }),
      ),
    )
    for (const chain of ['audit_trail', 'case_events', 'access_log']) {
      const chained = await links(chain)
      assert.ok(chained.length > 0, chain)
      chained.forEach((link, i) => {
        assert.equal(Number(link.seq), i + 1)
        assert.equal(link.prev_hash, i === 0 ? genesisHash : chained[i - 1]!.hash)
        assert.match(link.hash, /^[0-9a-f]{64}$/)
      })
      const rows = await t.database.db.execute<{ id: string }>(sql`select id from ${sql.identifier(chain)} order by id`)
      assert.deepEqual(
        chained.map((l) => Number(l.row_id)),
        rows.rows.map((r) => Number(r.id)),
        `${chain}: one link per row, in the order of the rows`,
      )
    }
    assert.equal((await verifyAudit(t.database.db, undefined)).ok, true)
  })

  for (const table of ['audit_trail', 'case_events', 'access_log', 'audit_chain']) {
    it(`refuses to change, delete or empty a row of ${table}`, async () => {
      // Drizzle wraps the database's error: its own message is the cause's.
      const refused = (err: unknown) => {
        assert.match(
          String((err as { cause?: unknown }).cause ?? err),
          /keeps the audit record: its rows cannot be changed or deleted/,
        )
        return true
      }
      const column = table === 'audit_chain' ? 'hash' : table === 'case_events' ? 'type' : 'action'
      await assert.rejects(
        t.database.db.execute(sql`update ${sql.identifier(table)} set ${sql.identifier(column)} = 'x'`),
        refused,
      )
      await assert.rejects(t.database.db.execute(sql`delete from ${sql.identifier(table)}`), refused)
      await assert.rejects(t.database.db.execute(sql`truncate ${sql.identifier(table)} cascade`), refused)
      const left = await t.database.db.execute<{ n: number }>(
        sql`select count(*)::int as n from ${sql.identifier(table)}`,
      )
      assert.ok(left.rows[0]!.n > 0)
    })
  }

  it('finds a row written with the chain trigger off (in no link)', async () => {
    const added = await t.database.db.transaction(async (tx) => {
      await tx.execute(sql`alter table audit_trail disable trigger audit_trail_chain`)
      const row = await tx.execute<{ id: string }>(
        sql`insert into audit_trail (at, action, record_kind, record_id) values (now(), 'council.changed', 'council', 'c-9') returning id`,
      )
      await tx.execute(sql`alter table audit_trail enable trigger audit_trail_chain`)
      return Number(row.rows[0]!.id)
    })
    const report = await verifyAudit(t.database.db, undefined)
    assert.equal(report.ok, false)
    const trail = report.chains.find((c) => c.chain === 'audit_trail')!
    assert.equal(trail.problem?.rowId, added)
    assert.match(trail.problem!.what, /is in no link of the chain: it was written with the chain's trigger turned off/)
  })
})

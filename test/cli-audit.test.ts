// `node src/cli.ts audit-verify` and `audit-anchor`, run as an operator runs them, on a database that
// someone with the tables' ownership tampers with (turning the refusing trigger off, as a superuser
// could): each change, deletion and rewritten chain is named, and the command exits 1.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import { fixedClock } from '../src/clock.ts'
import { openDatabase, type Database } from '../src/db/client.ts'
import { auditTrail, users } from '../src/db/schema/index.ts'
import { recordChange } from '../src/features/audit/index.ts'
import { recordAccess } from '../src/features/cases/index.ts'
import { makeCase } from '../src/features/cases/testing.ts'
import { openTestDatabase } from './helpers/database.ts'
import { QUICK_NODE } from './helpers/quick-node.ts'

const dir = mkdtempSync(join(tmpdir(), 'parley-cli-audit-'))
const dataDir = join(dir, 'data')
const anchorFile = join(dir, 'anchors.jsonl')
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATA_DIR: dataDir,
  NODE_ENV: 'development',
  AUDIT_ANCHOR_FILE: anchorFile,
}
const clock = fixedClock('2026-11-27T10:00:00Z')

// On PostgreSQL (DATABASE_URL set) the command runs on a database made for this file; otherwise on
// an embedded database in a folder of its own, which only one process may hold at a time.
let made: { database: Database; drop(): Promise<void> } | undefined

async function withDb<T>(work: (database: Database) => Promise<T>): Promise<T> {
  if (made) return work(made.database)
  const database = await openDatabase({ dataDir })
  try {
    return await work(database)
  } finally {
    await database.close()
  }
}

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, [...QUICK_NODE, 'src/cli.ts', ...args], {
    env,
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { status: run.status, stdout: run.stdout, output: run.stdout + run.stderr }
}

/** Runs SQL as the tables' owner with the refusing triggers off, as a superuser could. */
async function tamper(database: Database, table: string, statement: ReturnType<typeof sql>) {
  await database.db.transaction(async (tx) => {
    await tx.execute(sql.raw(`alter table ${table} disable trigger ${table}_append_only`))
    await tx.execute(statement)
    await tx.execute(sql.raw(`alter table ${table} enable trigger ${table}_append_only`))
  })
}

describe('audit-verify', () => {
  let changedId: number
  let firstEntry: typeof auditTrail.$inferSelect | undefined
  let eventIds: number[]
  before(async () => {
    if (process.env.DATABASE_URL) {
      made = await openTestDatabase()
      env.DATABASE_URL = made.database.url
    } else delete env.DATABASE_URL
    // As a first start does it (migrated, with the councils), adding an account: its entry comes first.
    const added = cli('create-user', '--email', 'ida@example.com', '--name', 'Ida Admin', '--roles', 'administrator')
    assert.equal(added.status, 0, added.output)
    await withDb(async (database) => {
      for (const [i, phone] of ['01632 960 001', '01632 960 002', '01632 960 003'].entries()) {
        await database.db.transaction((tx) =>
          recordChange(tx, clock, {
            by: { userId: null, ip: '192.0.2.7' },
            action: 'council.changed',
            record: { kind: 'council', id: 'c-1' },
            before: { phone: i ? `01632 960 00${i}` : null, when: new Date('2026-01-05T00:00:00Z') },
            after: { phone, 'a key with "quotes" and ünïcode': ['x', 1.5, null] },
          }),
        )
      }
      const c = await makeCase(database, clock)
      const [looker] = await database.db
        .insert(users)
        .values({ email: 'cora@example.com', name: 'Cora Coordinator', roles: ['coordinator'], passwordHash: 'x' })
        .returning()
      // Looks written together, in one statement: each still gets its own link.
      await Promise.all(
        ['/a', '/b', '/c'].map((path) => recordAccess(database.db, clock, { userId: looker!.id, caseId: c.id, path })),
      )
      const rows = await database.db.select().from(auditTrail).orderBy(auditTrail.id)
      firstEntry = rows[0]
      changedId = rows[1]!.id
      eventIds = (await database.db.execute<{ id: string }>(sql`select id from case_events order by id`)).rows.map(
        (r) => Number(r.id),
      )
    })
  })
  after(async () => {
    await made?.drop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('records an account added by the command, by nobody signed in', () => {
    assert.deepEqual(
      [firstEntry?.action, firstEntry?.recordKind, firstEntry?.userId, firstEntry?.before],
      ['staff.created', 'staff-account', null, null],
    )
    assert.match(String((firstEntry?.after as { by: string }).by), /^command line \(/)
  })

  it('says an intact record is intact and exits 0', () => {
    const run = cli('audit-verify')
    assert.equal(run.status, 0, run.output)
    assert.match(run.stdout, /^audit_trail: 4 entries, unbroken$/m)
    assert.match(run.stdout, new RegExp(`^case_events: ${eventIds.length} entr(y|ies), unbroken$`, 'm'))
    assert.match(run.stdout, /^access_log: 3 entries, unbroken$/m)
    assert.match(run.stdout, /anchors\.jsonl has no anchor yet/)
    assert.match(run.stdout, /The audit record is intact/)
  })

  it('anchors each chain to the file, and checks the latest anchor', () => {
    const anchored = cli('audit-anchor')
    assert.equal(anchored.status, 0, anchored.output)
    assert.match(anchored.output, /Audit anchor: /, 'written to the log too')
    const line = JSON.parse(readFileSync(anchorFile, 'utf8').trim().split('\n').at(-1)!)
    assert.equal(line.chains.audit_trail.seq, 4)
    assert.equal(line.chains.case_events.seq, eventIds.length)
    const run = cli('audit-verify')
    assert.equal(run.status, 0, run.output)
    assert.match(run.stdout, /anchor: the latest \(.*\) matches the chains/)
  })

  it('names a chain rewritten since its last anchor', () => {
    const kept = readFileSync(anchorFile, 'utf8')
    const anchor = JSON.parse(kept.trim().split('\n').at(-1)!)
    anchor.chains.audit_trail.hash = 'f'.repeat(64)
    writeFileSync(anchorFile, `${kept}${JSON.stringify(anchor)}\n`)
    const run = cli('audit-verify')
    assert.equal(run.status, 1, run.output)
    assert.match(
      run.stdout,
      /anchor: audit_trail: entry 4 has the hash [0-9a-f]{64}, but the anchor of .* has f{64}: the chain was rewritten/,
    )
    writeFileSync(anchorFile, kept)
  })

  it('names the row changed in one chain and the row deleted in another, and exits 1', async () => {
    const gone = eventIds[0]!
    await withDb(async (database) => {
      await tamper(
        database,
        'audit_trail',
        sql`update audit_trail set after = '{"phone": "01632 960 999"}' where id = ${changedId}`,
      )
      await tamper(database, 'case_events', sql`delete from case_events where id = ${gone}`)
    })
    const run = cli('audit-verify')
    assert.equal(run.status, 1, run.output)
    assert.match(
      run.stdout,
      new RegExp(
        `^audit_trail: BROKEN at entry 2 \\(row ${changedId}\\): row ${changedId} \\(entry 2\\) has been changed since it was written`,
        'm',
      ),
    )
    assert.match(
      run.stdout,
      new RegExp(`^case_events: BROKEN at entry 1 \\(row ${gone}\\): row ${gone} has been deleted`, 'm'),
    )
    assert.match(run.stdout, /^access_log: 3 entries, unbroken$/m)
    assert.match(run.stdout, /tampered with/)
  })
})

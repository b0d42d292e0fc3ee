// `node src/cli.ts retention-run` and then `audit-verify`, as an operator runs them: an enquiry
// closed long ago is anonymised (one closed this year is not), the audit record is still intact,
// with the redactions counted, and a change to a redacted row made with the trigger off is named.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import { fixedClock } from '../src/clock.ts'
import { openDatabase, type Database } from '../src/db/client.ts'
import { createWorkflowService } from '../src/features/cases/index.ts'
import { makeCase } from '../src/features/cases/testing.ts'
import { openTestDatabase } from './helpers/database.ts'

const dir = mkdtempSync(join(tmpdir(), 'parley-cli-retention-'))
const dataDir = join(dir, 'data')
const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'development' }
delete env.AUDIT_ANCHOR_FILE
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
  const run = spawnSync(process.execPath, ['--liftoff-only', 'src/cli.ts', ...args], {
    env,
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { status: run.status, stdout: run.stdout, output: run.stdout + run.stderr }
}

describe('retention-run, then audit-verify', () => {
  let oldId: string
  let newId: string
  before(async () => {
    if (process.env.DATABASE_URL) {
      made = await openTestDatabase()
      env.DATABASE_URL = made.database.url
    } else delete env.DATABASE_URL
    const migrated = cli('migrate')
    assert.equal(migrated.status, 0, migrated.output)
    await withDb(async (database) => {
      // Years ago: an enquiry about SEN mediation that the parent withdrew, in their own words.
      const then = fixedClock('2019-03-04T10:00:00Z')
      const old = await makeCase(database, then, { childName: 'Amelia Hartley' })
      const workflow = createWorkflowService({ db: database.db, clock: then })
      for (const action of [
        { type: 'decide-scope', scope: 'sen-mediation', reason: "About Amelia's plan" },
        { type: 'withdraw', by: 'parent', reason: 'Amelia has a new school' },
      ] as const) {
        const done = await workflow.apply(old.id, [action], { actor: { label: 'Test' } })
        assert.ok(done.ok, JSON.stringify(done))
      }
      const recent = await makeCase(database, fixedClock(new Date()), { childName: 'Zara Quinn' })
      ;[oldId, newId] = [old.id, recent.id]
      await database.db.execute(sql`update cases set status = 'closed' where id = ${newId}`)
    })
  })
  after(async () => {
    await made?.drop()
    rmSync(dir, { recursive: true, force: true })
  })

  it('anonymises the enquiry that ended years ago, and not the one that ended now', async () => {
    const run = cli('retention-run')
    assert.equal(run.status, 0, run.output)
    assert.match(run.stdout, /^Anonymised 1; kept under a hold 0\.$/m)
    assert.match(run.stdout, /^Warrington Borough Council: 1 enquiry, 0 cases$/m)
    const names = await withDb(
      async (database) =>
        (
          await database.db.execute<{ id: string; child_name: string }>(
            sql`select id, child_name from cases where id in (${oldId}, ${newId})`,
          )
        ).rows,
    )
    assert.deepEqual(Object.fromEntries(names.map((r) => [r.id, r.child_name])), {
      [oldId]: '[removed]',
      [newId]: 'Zara Quinn',
    })
  })

  it('finds the audit record intact, with each redaction counted', () => {
    const run = cli('audit-verify')
    assert.equal(run.status, 0, run.output)
    assert.match(run.stdout, /^case_events: \d+ entries, unbroken \(\d+ with personal data removed, each recorded\)$/m)
    assert.match(run.stdout, /The audit record is intact/)
  })

  it('names a redacted row changed again behind its back, and exits 1', async () => {
    const eventId = await withDb(async (database) => {
      const [row] = (
        await database.db.execute<{ row_id: string }>(
          sql`select row_id from audit_redactions where chain = 'case_events' order by id limit 1`,
        )
      ).rows
      await database.db.transaction(async (tx) => {
        await tx.execute(sql`alter table case_events disable trigger case_events_append_only`)
        await tx.execute(sql`update case_events set data = data || '{"note": "put back"}' where id = ${row!.row_id}`)
        await tx.execute(sql`alter table case_events enable trigger case_events_append_only`)
      })
      return Number(row!.row_id)
    })
    const run = cli('audit-verify')
    assert.equal(run.status, 1, run.output)
    assert.match(
      run.stdout,
      new RegExp(`^case_events: BROKEN at entry \\d+ \\(row ${eventId}\\): .*changed since it was written`, 'm'),
    )
  })
})

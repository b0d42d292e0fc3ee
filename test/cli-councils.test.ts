// Councils at the command line, as a new user and automation run them: the demo adds two
// councils, and its coordinator works for all three and sees their cases; create-user gives a
// coordinator, manager or commissioner the councils named by their codes, and refuses one without any.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { eq } from 'drizzle-orm'
import { openDatabase } from '../src/db/client.ts'
import { cases, localAuthorities, userCouncils, users } from '../src/db/schema/index.ts'
import { QUICK_NODE } from './helpers/quick-node.ts'

const dir = mkdtempSync(join(tmpdir(), 'parley-cli-councils-'))
after(() => rmSync(dir, { recursive: true, force: true }))
const dataDir = join(dir, 'data')
const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'development' }
delete env.DATABASE_URL // the CLI on its embedded database, in a folder of its own

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, [...QUICK_NODE, 'src/cli.ts', ...args], {
    env,
    encoding: 'utf8',
    timeout: 240_000,
  })
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, output: run.stdout + run.stderr }
}

/** Reads the data folder once the command has finished with it. */
async function read<T>(work: (db: Awaited<ReturnType<typeof openDatabase>>['db']) => Promise<T>): Promise<T> {
  const database = await openDatabase({ dataDir })
  try {
    return await work(database.db)
  } finally {
    await database.close()
  }
}

test('a fresh install has its one council; the demo adds two more, and its coordinator works for all three', async () => {
  const seeded = cli('seed-demo')
  assert.equal(seeded.status, 0, seeded.output)
  assert.match(seeded.stdout, /Added 34 demo cases/)
  // Each demo account's one-time password is printed, for a person to read once.
  assert.match(seeded.stdout, /coordinator\.demo@example\.com: one-time password \S+/)
  assert.match(seeded.stdout, /mediator\.demo@example\.com: one-time password \S+/)
  const found = await read(async (db) => {
    const councils = await db.select().from(localAuthorities).orderBy(localAuthorities.createdAt)
    const [coordinator] = await db.select().from(users).where(eq(users.email, 'coordinator.demo@example.com'))
    const theirs = await db.select().from(userCouncils).where(eq(userCouncils.userId, coordinator!.id))
    const all = await db.select({ council: cases.localAuthorityId }).from(cases)
    return { councils, theirs, all }
  })
  assert.deepEqual(found.councils.map((c) => [c.code, c.commissioned]).sort(), [
    ['dunmere', true],
    ['kessington', true],
    ['warrington', true],
  ])
  assert.deepEqual(found.theirs.map((c) => c.localAuthorityId).sort(), found.councils.map((c) => c.id).sort())
  assert.equal(found.all.length, 34)
  const warrington = found.councils.find((c) => c.code === 'warrington')!
  assert.ok(found.all.filter((c) => c.council === warrington.id).length > 20, 'most cases are the first council’s')
})

test('create-user gives a coordinator, manager or commissioner the councils named, and refuses one without', async () => {
  const missing = cli('create-user', '--email', 'cora@example.com', '--name', 'Cora Example', '--roles', 'coordinator')
  assert.equal(missing.status, 1)
  assert.match(missing.output, /needs --councils/)
  const unknown = cli(
    'create-user',
    '--email',
    'cora@example.com',
    '--name',
    'Cora Example',
    '--roles',
    'coordinator',
    '--councils',
    'nowhere',
  )
  assert.equal(unknown.status, 1)
  assert.match(unknown.output, /no council with the code nowhere/)
  const made = cli(
    'create-user',
    '--email',
    'cora@example.com',
    '--name',
    'Cora Example',
    '--roles',
    'coordinator,mediator',
    '--councils',
    'warrington',
  )
  assert.equal(made.status, 0, made.output)
  // The one-time password is printed for the person running the command, never written to the log.
  assert.match(made.output, /Created cora@example\.com\. Their one-time password: [a-z2-9]{4}(-[a-z2-9]{4}){3}/)
  assert.doesNotMatch(made.output, /"msg":"Created/)
  const mediator = cli('create-user', '--email', 'mo@example.com', '--name', 'Mo Example', '--roles', 'mediator')
  assert.equal(mediator.status, 0, mediator.output)
  const [cora, mo] = await read(async (db) =>
    Promise.all(
      ['cora@example.com', 'mo@example.com'].map(async (email) => {
        const [user] = await db.select().from(users).where(eq(users.email, email))
        return db.select().from(userCouncils).where(eq(userCouncils.userId, user!.id))
      }),
    ),
  )
  assert.equal(cora!.length, 1)
  assert.equal(mo!.length, 0, 'a mediator needs none')
  assert.equal(
    (await read((db) => db.select().from(users).where(eq(users.email, 'cora@example.com')))).length,
    1,
    'the refused attempts made no account',
  )
})

// The API token commands, as automation runs them: `node src/cli.ts create-api-token ...`.
import assert from 'node:assert/strict'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { buildApp } from '../src/app.ts'
import { fixedClock } from '../src/clock.ts'
import { testConfig } from '../src/config.ts'
import { openDatabase } from '../src/db/client.ts'
import { TOKEN_PATTERN } from '../src/features/api/index.ts'
import { QUICK_NODE } from './helpers/quick-node.ts'

const dir = mkdtempSync(join(tmpdir(), 'parley-cli-tokens-'))
after(() => rmSync(dir, { recursive: true, force: true }))
const dataDir = join(dir, 'data')
const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, NODE_ENV: 'development' }
delete env.DATABASE_URL // the CLI on its embedded database, in a folder of its own

function cli(...args: string[]) {
  const run = spawnSync(process.execPath, [...QUICK_NODE, 'src/cli.ts', ...args], {
    env,
    encoding: 'utf8',
    timeout: 60_000,
  })
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, output: run.stdout + run.stderr }
}

/** Asks the API, on the same data folder, whether the token works. */
async function apiStatus(token: string): Promise<number> {
  const database = await openDatabase({ dataDir })
  try {
    const app = await buildApp({ config: testConfig(), database, clock: fixedClock('2026-11-27T10:00:00Z') })
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/deadlines',
      payload: { events: [] },
      headers: { authorization: `Bearer ${token}` },
    })
    await app.close()
    return res.statusCode
  } finally {
    await database.close()
  }
}

test('create-api-token prints a token once, list-api-tokens shows it, and revoke-api-token stops it working', async () => {
  const empty = cli('list-api-tokens')
  assert.equal(empty.status, 0, empty.output)
  assert.match(empty.stdout, /No API tokens have been issued/)

  const created = cli('create-api-token', '--name', 'Warrington case system', '--authority', 'warrington')
  assert.equal(created.status, 0, created.output)
  const token = created.stdout.trim().split('\n').at(-1) ?? ''
  assert.match(token, TOKEN_PATTERN)
  assert.match(
    created.stderr,
    /Issued API token [0-9a-f-]{36} \("Warrington case system"\) for Warrington Borough Council/,
  )

  const listed = cli('list-api-tokens')
  assert.equal(listed.status, 0, listed.output)
  assert.match(listed.stdout, /^ID\s+NAME\s+COUNCIL\s+CREATED\s+LAST USED\s+REVOKED$/m)
  assert.match(listed.stdout, /Warrington case system\s+warrington/)
  assert.ok(!listed.output.includes(token), 'the token is never listed')
  const [row] = JSON.parse(cli('list-api-tokens', '--json').stdout) as {
    id: string
    name: string
    revokedAt: string | null
    lastUsedAt: string | null
  }[]
  assert.equal(row?.name, 'Warrington case system')
  assert.equal(row?.revokedAt, null)

  assert.equal(await apiStatus(token), 200)
  const used = JSON.parse(cli('list-api-tokens', '--json').stdout) as { lastUsedAt: string | null }[]
  assert.ok(used[0]?.lastUsedAt, 'last used is recorded')

  const revoked = cli('revoke-api-token', '--id', row!.id)
  assert.equal(revoked.status, 0, revoked.output)
  assert.match(revoked.output, /Revoked the API token/)
  assert.equal(await apiStatus(token), 401)
  assert.match(cli('revoke-api-token', '--id', row!.id).output, /already revoked/)
  assert.notEqual(JSON.parse(cli('list-api-tokens', '--json').stdout)[0].revokedAt, null)
})

test('the commands say what is wrong', () => {
  const unknownCouncil = cli('create-api-token', '--name', 'X', '--authority', 'atlantis')
  assert.equal(unknownCouncil.status, 1)
  assert.match(unknownCouncil.output, /no council with the code .*atlantis.*Codes: warrington/)
  const noName = cli('create-api-token', '--authority', 'warrington')
  assert.equal(noName.status, 1)
  assert.match(noName.output, /needs --name and --authority/)
  const noSuchToken = cli('revoke-api-token', '--id', '00000000-0000-4000-8000-000000000000')
  assert.equal(noSuchToken.status, 1)
  assert.match(noSuchToken.output, /no API token with the id/)
  assert.equal(cli('revoke-api-token', '--id', 'nonsense').status, 1)
  assert.equal(cli('revoke-api-token').status, 1)
})

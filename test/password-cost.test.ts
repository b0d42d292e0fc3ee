// Tests hash passwords at the least cost Argon2id allows (NODE_ENV=test, set by the test scripts);
// everywhere else, production above all, hashing keeps its full cost, and a hash of either cost
// signs in.
import assert from 'node:assert/strict'
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { after, before, describe, it } from 'node:test'
import { Agent } from './helpers/agent.ts'
import { createTestApp, testPassword, type TestApp } from './helpers/app.ts'
import { users } from '../src/db/schema/index.ts'

const root = path.resolve(import.meta.dirname, '..')
const fullCost = { m: 65536, t: 3, p: 4 }

/** A password hashed by the app's own code in a process of its own, with NODE_ENV as given. */
async function hashIn(nodeEnv: string | undefined, password = testPassword): Promise<string> {
  const env = { ...process.env }
  if (nodeEnv === undefined) delete env.NODE_ENV
  else env.NODE_ENV = nodeEnv
  const script = `import { hashPassword } from './src/features/auth/index.ts'
process.stdout.write(await hashPassword(${JSON.stringify(password)}))`
  const { stdout } = await promisify(execFile)(process.execPath, ['--input-type=module', '-e', script], {
    cwd: root,
    env,
  })
  return stdout
}

/** The parameters an Argon2id hash records: memory (KiB), passes and lanes. */
function costOf(hash: string) {
  const [, kind, , params = ''] = hash.split('$')
  assert.equal(kind, 'argon2id')
  return Object.fromEntries(params.split(',').map((p) => [p.split('=')[0], Number(p.split('=')[1])]))
}

describe('the cost of hashing a password', () => {
  it('is full in production, in development and when NODE_ENV is not set or unknown', async () => {
    const hashes = await Promise.all(
      ['production', 'development', undefined, '', 'testing', 'TEST'].map((e) => hashIn(e)),
    )
    for (const hash of hashes) assert.deepEqual(costOf(hash), fullCost)
  })

  it('is the least Argon2id allows only when NODE_ENV is exactly test', async () => {
    assert.deepEqual(costOf(await hashIn('test')), { m: 8, t: 1, p: 1 })
  })

  describe('signing in', () => {
    let t: TestApp
    before(async () => {
      t = await createTestApp()
    })
    after(() => t.close())

    for (const [cost, nodeEnv] of [
      ['full', 'production'],
      ['test', 'test'],
    ] as const) {
      it(`works with a password hashed at ${cost} cost`, async () => {
        const email = `${cost}@example.com`
        const passwordHash = await hashIn(nodeEnv)
        await t.database.db.insert(users).values({ email, name: 'Test Person', roles: ['coordinator'], passwordHash })
        await new Agent(t.app).signIn(email)
        const wrong = await new Agent(t.app).submit('/sign-in', { email, password: 'not the password' })
        assert.equal(wrong.statusCode, 400)
      })
    }
  })
})

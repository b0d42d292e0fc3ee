// The real entry points, as a new user runs them: `node src/server.ts` and `node src/cli.ts`.
import assert from 'node:assert/strict'
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { after, test } from 'node:test'
import { QUICK_NODE } from './helpers/quick-node.ts'

const dir = mkdtempSync(join(tmpdir(), 'parley-server-'))
after(() => rmSync(dir, { recursive: true, force: true }))
const env = { ...process.env, DATA_DIR: join(dir, 'data'), PORT: '0', NODE_ENV: 'development', DATABASE_URL: '' }
delete (env as Record<string, string | undefined>).DATABASE_URL

function startServer(): { child: ChildProcess; output: () => string; ready: Promise<string> } {
  const child = spawn(process.execPath, [...QUICK_NODE, 'src/server.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] })
  let output = ''
  const ready = new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const url = /Parley is ready: (http:\/\/localhost:\d+)/.exec(output)?.[1]
      if (url) resolve(url)
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${output}`)))
  })
  return { child, output: () => output, ready }
}

test('the server starts on the embedded database, prints a one-time password, refuses a second opener, and stops cleanly', async () => {
  const server = startServer()
  const url = await server.ready
  assert.match(
    server.output(),
    /sign in as admin@example\.com with this one-time password:\s+[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}/,
  )
  assert.equal((await fetch(`${url}/health`)).status, 200)
  assert.deepEqual(await (await fetch(`${url}/ready`)).json(), { status: 'ready', database: 'pglite' })

  // A second server, and a CLI command, on the same folder stop at once and say why.
  const second = spawnSync(process.execPath, [...QUICK_NODE, 'src/server.ts'], {
    env,
    encoding: 'utf8',
    timeout: 30_000,
  })
  assert.equal(second.status, 1)
  assert.match(second.stdout + second.stderr, /in use by another Parley process/)
  const backup = spawnSync(process.execPath, [...QUICK_NODE, 'src/cli.ts', 'backup', '--to', join(dir, 'backups')], {
    env,
    encoding: 'utf8',
    timeout: 30_000,
  })
  assert.equal(backup.status, 1)
  assert.match(backup.stdout + backup.stderr, /in use by another Parley process/)

  const exited = new Promise<number | null>((resolve) => server.child.on('exit', resolve))
  server.child.kill('SIGTERM')
  assert.equal(await exited, 0)

  // Once stopped, the backup works, and a restart keeps the data (no second one-time password).
  const ok = spawnSync(process.execPath, [...QUICK_NODE, 'src/cli.ts', 'backup', '--to', join(dir, 'backups')], {
    env,
    encoding: 'utf8',
    timeout: 60_000,
  })
  assert.equal(ok.status, 0, ok.stdout + ok.stderr)
  assert.match(ok.stdout, /Backed up/)
  const again = startServer()
  await again.ready
  assert.doesNotMatch(again.output(), /one-time password/)
  const stopped = new Promise((resolve) => again.child.on('exit', resolve))
  again.child.kill('SIGINT')
  assert.equal(await stopped, 0)
})

test('the demo seed adds invented cases once, and never in production', () => {
  const seeded = spawnSync(process.execPath, [...QUICK_NODE, 'src/cli.ts', 'seed-demo'], {
    env,
    encoding: 'utf8',
    timeout: 60_000,
  })
  assert.equal(seeded.status, 0, seeded.stderr)
  assert.match(seeded.stdout, /Added 34 demo cases/)
  const twice = spawnSync(process.execPath, [...QUICK_NODE, 'src/cli.ts', 'seed-demo'], {
    env,
    encoding: 'utf8',
    timeout: 60_000,
  })
  assert.match(twice.stdout, /Added 0 demo cases/)
  const prod = spawnSync(process.execPath, [...QUICK_NODE, 'src/cli.ts', 'seed-demo'], {
    env: {
      ...env,
      NODE_ENV: 'production',
      SESSION_SECRET: 'x'.repeat(40),
      DATABASE_URL: 'postgres://127.0.0.1:1/none',
    },
    encoding: 'utf8',
    timeout: 30_000,
  })
  assert.equal(prod.status, 1)
  assert.match(prod.stdout + prod.stderr, /never added in production/)
})

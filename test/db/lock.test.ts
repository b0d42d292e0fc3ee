// The data folder lock: a live holder refuses everyone else, and a lock left by a process that was
// killed is taken over at once (a supervisor's quick restart works).
import assert from 'node:assert/strict'
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, describe, it } from 'node:test'
import { DataFolderLockedError, lockDataFolder } from '../../src/db/lock.ts'

const fixture = path.resolve(import.meta.dirname, '../fixtures/hold-data-folder.ts')

function holdInAnotherProcess(dir: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, [fixture, dir], { stdio: ['ignore', 'pipe', 'inherit'] })
  return new Promise((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && resolve(child))
    child.on('exit', (code) => reject(new Error(`the holder exited with ${code}`)))
  })
}

const exited = (child: ChildProcess) => new Promise((resolve) => child.once('exit', resolve))

describe('the data folder lock', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'parley-lock-'))
  after(() => rmSync(root, { recursive: true, force: true }))

  it('refuses a second process while the first is alive', async () => {
    const dir = path.join(root, 'alive')
    const holder = await holdInAnotherProcess(dir)
    try {
      await assert.rejects(lockDataFolder(dir), DataFolderLockedError)
    } finally {
      holder.kill('SIGKILL')
      await exited(holder)
    }
  })

  it('takes over at once a lock left by a process that was killed', async () => {
    const dir = path.join(root, 'killed')
    const holder = await holdInAnotherProcess(dir)
    holder.kill('SIGKILL')
    await exited(holder)
    // No retries and a 15-second staleness: only the takeover can let this through now.
    const release = await lockDataFolder(dir)
    await assert.rejects(lockDataFolder(dir), DataFolderLockedError, 'and it is now held again')
    await release()
  })
})

// PGlite lets a second process open the same data folder, and then committed rows are lost.
// Whoever opens the folder holds this lock until it closes it. The holder's process id is kept
// beside the lock, so that a lock left by a process that died (kill -9, a crash, a power cut) is
// taken over at once instead of after it goes stale, while a live holder still refuses everyone.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { hostname } from 'node:os'
import lockfile from 'proper-lockfile'

export class DataFolderLockedError extends Error {}

interface Holder {
  pid: number
  host: string
}

export async function lockDataFolder(dir: string): Promise<() => Promise<void>> {
  mkdirSync(dir, { recursive: true })
  const lockPath = `${dir}.lock`
  const holderPath = `${dir}.lock.holder`
  const take = () => lockfile.lock(dir, { lockfilePath: lockPath, retries: 0, stale: 15_000 })
  let release: () => Promise<void>
  try {
    release = await take()
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ELOCKED') throw err
    if (!leftByDeadProcess(holderPath)) throw lockedError(dir)
    rmSync(lockPath, { recursive: true, force: true })
    try {
      release = await take()
    } catch (again) {
      // Someone else took it over in the same moment.
      if ((again as NodeJS.ErrnoException).code === 'ELOCKED') throw lockedError(dir)
      throw again
    }
  }
  writeFileSync(holderPath, JSON.stringify({ pid: process.pid, host: hostname() } satisfies Holder))
  return async () => {
    rmSync(holderPath, { force: true })
    await release()
  }
}

/** True when the lock's holder was a process on this machine that no longer runs. */
function leftByDeadProcess(holderPath: string): boolean {
  let holder: Holder
  try {
    holder = JSON.parse(readFileSync(holderPath, 'utf8')) as Holder
  } catch {
    return false // no record of who holds it: wait for it to go stale, as before
  }
  if (holder.host !== hostname() || !Number.isInteger(holder.pid)) return false
  if (holder.pid === process.pid) return false
  try {
    process.kill(holder.pid, 0) // signal 0 only asks whether the process exists
    return false
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'ESRCH'
  }
}

function lockedError(dir: string) {
  return new DataFolderLockedError(
    `The data folder ${dir} is in use by another Parley process (a server or a command).\n` +
      'Stop that process first. Only one process may use the embedded database at a time; ' +
      'to run several, use PostgreSQL (set DATABASE_URL).',
  )
}

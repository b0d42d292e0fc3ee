// The real server as a process of its own (`node src/server.ts`), for tests that kill it, restart
// it or run two of it: on the embedded database in a folder, or on PostgreSQL at DATABASE_URL.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { QUICK_NODE } from './quick-node.ts'

const root = path.resolve(import.meta.dirname, '../..')

export interface ServerProcess {
  child: ChildProcess
  url: string
  output(): string
  /** kill -9: no clean shutdown, as a crash or a power cut. */
  kill(): Promise<void>
  stop(): Promise<number | null>
}

/** The environment for a server on the given database (a folder or a connection string). */
export function serverEnv(db: { dataDir: string } | { url: string }, extra: Record<string, string> = {}) {
  const env: Record<string, string | undefined> = {
    ...process.env,
    PORT: '0',
    NODE_ENV: 'development',
    LOG_LEVEL: 'info', // the server says it is ready at info
    ...extra,
  }
  if ('url' in db) env.DATABASE_URL = db.url
  else {
    delete env.DATABASE_URL
    env.DATA_DIR = db.dataDir
  }
  return env
}

export function startServer(env: Record<string, string | undefined>): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...QUICK_NODE, 'src/server.ts'], {
    cwd: root,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<number | null>((resolve) => child.once('exit', resolve))
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const port = /Parley is ready: http:\/\/localhost:(\d+)/.exec(output)?.[1]
      if (!port) return
      resolve({
        child,
        url: `http://127.0.0.1:${port}`,
        output: () => output,
        async kill() {
          child.kill('SIGKILL')
          await exited
        },
        async stop() {
          child.kill('SIGTERM')
          return exited
        },
      })
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', onData)
    void exited.then((code) => reject(new Error(`the server exited (${code}) before it was ready:\n${output}`)))
  })
}

/** Runs `node src/cli.ts ...` to the end and answers what it printed (it must succeed). */
export function cli(env: Record<string, string | undefined>, ...args: string[]): string {
  const run = spawnSync(process.execPath, [...QUICK_NODE, 'src/cli.ts', ...args], {
    cwd: root,
    env,
    encoding: 'utf8',
    timeout: 60_000,
  })
  if (run.status !== 0) throw new Error(`cli ${args.join(' ')} failed (${run.status}):\n${run.stdout}${run.stderr}`)
  return run.stdout
}

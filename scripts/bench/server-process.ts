// The real server as a child process: started with the bench's settings on a free port, timed
// from start to the first page answered, its memory read from /proc, and always stopped (also on
// Ctrl-C or an error in the bench).
import { spawn, type ChildProcess } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer } from 'node:net'

const children = new Set<ChildProcess>()

function stopAllNow() {
  for (const child of children) if (child.exitCode === null) child.kill('SIGKILL')
}
process.on('exit', stopAllNow)
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    process.stderr.write(`\n${signal}: stopping the servers the bench started\n`)
    stopAllNow()
    process.exit(130)
  })
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      server.close(() => resolve(port))
    })
  })
}

export interface ServerChild {
  pid: number
  url: string
  /** Seconds from spawning the process to the first page answered. */
  startSeconds: number
  /** Resident set size in MB (VmRSS), or undefined once it has stopped. */
  rssMb(): number | undefined
  /** The end of what it printed, for reports of failures. */
  output(): string
  stop(): Promise<void>
}

export async function startServer(options: {
  cwd: string
  args: string[]
  env: Record<string, string | undefined>
  /** A page to ask for until it answers. */
  probe: string
  timeoutMs?: number
}): Promise<ServerChild> {
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  const env = { ...options.env, PORT: String(port), HOST: '127.0.0.1' }
  const started = performance.now()
  const child = spawn(process.execPath, options.args, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] })
  children.add(child)
  let printed = ''
  const keep = (chunk: Buffer) => {
    printed = (printed + chunk.toString()).slice(-8000)
  }
  child.stdout!.on('data', keep)
  child.stderr!.on('data', keep)
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  exited.then(() => children.delete(child))

  const deadline = started + (options.timeoutMs ?? 120_000)
  let startSeconds = NaN
  while (performance.now() < deadline) {
    if (child.exitCode !== null)
      throw new Error(`The server stopped before answering (exit ${child.exitCode}):\n${printed}`)
    try {
      const res = await fetch(url + options.probe, { redirect: 'manual', signal: AbortSignal.timeout(2000) })
      await res.arrayBuffer()
      if (res.status < 500) {
        startSeconds = (performance.now() - started) / 1000
        break
      }
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  const server: ServerChild = {
    pid: child.pid!,
    url,
    startSeconds,
    rssMb() {
      try {
        const status = readFileSync(`/proc/${child.pid}/status`, 'utf8')
        const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1]
        return kb ? Math.round(Number(kb) / 1024) : undefined
      } catch {
        return undefined
      }
    },
    output: () => printed,
    async stop() {
      if (child.exitCode !== null) return
      child.kill('SIGTERM')
      const force = setTimeout(() => child.kill('SIGKILL'), 15_000)
      await exited
      clearTimeout(force)
    },
  }
  if (Number.isNaN(startSeconds)) {
    await server.stop()
    throw new Error(
      `The server did not answer ${options.probe} within ${(options.timeoutMs ?? 120_000) / 1000} s:\n${printed}`,
    )
  }
  return server
}

// The static checks of `npm test` (node scripts/checks.ts script...): runs the named npm scripts
// two at a time, as each uses one core, and prints each one's output whole when it ends. Fails
// if any of them fails.
import { spawn } from 'node:child_process'

const scripts = process.argv.slice(2)
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'

function runScript(name: string): Promise<boolean> {
  const started = performance.now()
  return new Promise((resolve) => {
    const child = spawn(npm, ['run', '--silent', name], { stdio: ['ignore', 'pipe', 'pipe'] })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.on('close', (code) => {
      const seconds = ((performance.now() - started) / 1000).toFixed(1)
      process.stdout.write(`${code === 0 ? '✔' : '✖'} npm run ${name} (${seconds} s)\n${output}`)
      resolve(code === 0)
    })
  })
}

const queue = [...scripts]
const results: boolean[] = []
await Promise.all(
  [1, 2].map(async () => {
    for (let name = queue.shift(); name; name = queue.shift()) results.push(await runScript(name))
  }),
)
if (results.includes(false)) process.exitCode = 1

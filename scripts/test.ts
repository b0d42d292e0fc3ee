// Runs test files with Node's test runner as `npm test` does (node scripts/test.ts [--concurrency=N]
// globs... [!globs to leave out]): the same as `node --test globs`, plus what keeps a run quick on a small machine.
// - The longest files start first (browser journeys, then test/, then src/), so that no long file
//   is left running alone at the end; Node would run them in alphabetical order.
// - The migrated database the files start from is made once, before any file starts.
// - Every file runs with NODE_ENV=test (cheap password hashing: see src/features/auth/passwords.ts),
//   Node's compile cache in .cache/, test/helpers/quick-imports.ts and WebAssembly left unoptimised.
import { globSync } from 'node:fs'
import path from 'node:path'
import { run } from 'node:test'
import { spec } from 'node:test/reporters'
import { prepareTestDatabases } from '../test/helpers/database.ts'

const root = path.resolve(import.meta.dirname, '..')
const args = process.argv.slice(2)
const concurrency = Number(args.find((a) => a.startsWith('--concurrency='))?.split('=')[1] ?? 2)
// A pattern that starts with '!' leaves out the files it matches.
const patterns = args.filter((a) => !a.startsWith('--') && !a.startsWith('!'))
const leftOut = new Set(args.filter((a) => a.startsWith('!')).flatMap((p) => globSync(p.slice(1), { cwd: root })))

const order = (file: string) => (file.startsWith('test/browser/') ? 0 : file.startsWith('test/') ? 1 : 2)
const files = [...new Set(patterns.flatMap((p) => globSync(p, { cwd: root, exclude: (f) => f === 'node_modules' })))]
  .filter((f) => !leftOut.has(f))
  .sort((a, b) => order(a) - order(b) || a.localeCompare(b))
  .map((f) => path.join(root, f))
if (files.length === 0) throw new Error(`No test files match ${patterns.join(' ')}`)

await prepareTestDatabases()

const stream = run({
  files,
  concurrency,
  cwd: root,
  // PGlite is WebAssembly: in a process that lives seconds, optimising its code again in the
  // background costs more CPU than it saves (about a fifth of a route test file's).
  execArgv: ['--liftoff-only', '--import', path.join(root, 'test/helpers/quick-imports.ts')],
  env: { ...process.env, NODE_ENV: 'test', NODE_COMPILE_CACHE: path.join(root, '.cache', 'node-compile') },
})
stream.on('test:fail', (event) => {
  if (!event.todo) process.exitCode = 1
})
// The slowest files, said at the end, so that a file that grows slow is noticed.
const durations: [string, number][] = []
stream.on('test:complete', (event) => {
  if (event.nesting === 0 && event.name === event.file) durations.push([event.file, event.details.duration_ms])
})
process.on('exit', () => {
  const slowest = durations.sort((a, b) => b[1] - a[1]).slice(0, 10)
  process.stdout.write(
    `Slowest files:\n${slowest.map(([f, ms]) => `  ${(ms / 1000).toFixed(1)} s ${path.relative(root, f)}`).join('\n')}\n`,
  )
})
stream.compose(spec).pipe(process.stdout)

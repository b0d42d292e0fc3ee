// The options a test gives a Node process it starts (the server, the CLI), as scripts/test.ts
// gives each test file: WebAssembly left unoptimised and the quicker module resolution. Each such
// process lives seconds, and PGlite's WebAssembly optimised again costs more CPU than it saves.
import path from 'node:path'

export const QUICK_NODE = ['--liftoff-only', '--import', path.join(import.meta.dirname, 'quick-imports.ts')]

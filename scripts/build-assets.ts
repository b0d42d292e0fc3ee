// Compiles the stylesheet once at install time (npm ci runs postinstall), so the server never
// compiles Sass on a request.
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import * as sass from 'sass'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const out = join(root, 'dist', 'public', 'app.css')

const result = sass.compile(join(root, 'src', 'web', 'assets', 'app.scss'), {
  loadPaths: [root, join(root, 'node_modules')],
  style: 'compressed',
  quietDeps: true,
  logger: sass.Logger.silent, // govuk-frontend's deprecation notices about MoJ's code are not ours to fix
  silenceDeprecations: ['import', 'global-builtin', 'slash-div'] as sass.DeprecationOrId[],
})
mkdirSync(dirname(out), { recursive: true })
writeFileSync(out, result.css)
console.log(`Built ${out}`)

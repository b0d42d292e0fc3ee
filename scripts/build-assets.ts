// Compiles the stylesheet once at install time (npm ci runs postinstall), so the server never
// compiles Sass on a request; copies the design systems' scripts beside it; and writes each
// stylesheet and script compressed too (.br and .gz), so a browser that accepts it is sent the
// smaller file (src/web/static.ts) with no compressing on a request.
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
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

// The design systems' scripts, from their packages, to be served (and compressed) with our own.
const require = createRequire(import.meta.url)
const vendor = [
  [
    join(dirname(require.resolve('govuk-frontend/package.json')), 'dist', 'govuk', 'govuk-frontend.min.js'),
    'govuk-frontend',
  ],
  [
    join(dirname(require.resolve('@ministryofjustice/frontend/package.json')), 'moj', 'moj-frontend.min.js'),
    'moj-frontend',
  ],
] as const
for (const [file, name] of vendor) {
  mkdirSync(join(root, 'dist', 'public', 'vendor', name), { recursive: true })
  copyFileSync(file, join(root, 'dist', 'public', 'vendor', name, `${name}.min.js`))
}

function compressAll(folder: string) {
  for (const entry of readdirSync(folder, { withFileTypes: true })) {
    const path = join(folder, entry.name)
    if (entry.isDirectory()) compressAll(path)
    else if (/\.(css|js)$/.test(entry.name)) {
      const content = readFileSync(path)
      writeFileSync(`${path}.br`, brotliCompressSync(content, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }))
      writeFileSync(`${path}.gz`, gzipSync(content, { level: 9 }))
    }
  }
}
compressAll(join(root, 'dist', 'public'))
console.log('Compressed the stylesheet and scripts (.br, .gz)')

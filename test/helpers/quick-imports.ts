// Loaded before every test file by the test scripts (node --import): each test file is a process
// of its own that loads much the same modules, and Node spends a good part of that start in one
// place. To tell a .js file's format, and to resolve a package name, it reads the nearest
// package.json's "exports" afresh every time; drizzle-orm's is 180 kB and it has hundreds of
// files, so that alone takes up to a second a file. These hooks answer the same as Node would,
// without rereading: relative imports inside drizzle-orm (a "type": "module" package whose
// imports name their files exactly), and each package name imported from this project's own
// files, resolved once per process. Anything else goes to Node as usual.
import { registerHooks, type ResolveFnOutput } from 'node:module'
import path from 'node:path'
import { pathToFileURL } from 'node:url'

const root = pathToFileURL(path.resolve(import.meta.dirname, '../..') + '/').href
const ours = (url: string) => url.startsWith(root) && !url.includes('/node_modules/')
const bare = (specifier: string) => /^[@a-z]/i.test(specifier) && !specifier.startsWith('node:')

const packages = new Map<string, ResolveFnOutput>()

registerHooks({
  resolve(specifier, context, nextResolve) {
    const parent = context.parentURL ?? ''
    if (parent.includes('/node_modules/drizzle-orm/') && specifier.startsWith('.') && specifier.endsWith('.js')) {
      return { url: new URL(specifier, parent).href, format: 'module', shortCircuit: true }
    }
    if (!bare(specifier) || !ours(parent)) return nextResolve(specifier, context)
    const key = `${specifier}\0${context.conditions.join()}\0${JSON.stringify(context.importAttributes)}`
    const known = packages.get(key)
    if (known) return { ...known, shortCircuit: true }
    const resolved = nextResolve(specifier, context)
    packages.set(key, resolved)
    return resolved
  },
})

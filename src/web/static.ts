import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'

const require = createRequire(import.meta.url)
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const govuk = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist', 'govuk')
const moj = join(dirname(require.resolve('@ministryofjustice/frontend/package.json')), 'moj')

const built = join(root, 'dist', 'public')
/** A design system's script as copied (and compressed) at install by scripts/build-assets.ts, else from its package. */
const scripts = (name: string, from: string) =>
  existsSync(join(built, 'vendor', name, `${name}.min.js`)) ? join(built, 'vendor', name) : from

/**
 * The stylesheet built at install, the design systems' scripts and images, and our own script.
 * The stylesheet and the scripts go compressed (.br or .gz, made at install) to a browser that
 * accepts it: the public pages are a fraction of the size.
 */
export default async function staticAssets(app: FastifyInstance) {
  const options = { decorateReply: false, maxAge: '1h', index: false } as const
  await app.register(fastifyStatic, { ...options, root: built, prefix: '/assets/', preCompressed: true })
  await app.register(fastifyStatic, {
    ...options,
    root: join(root, 'src', 'web', 'assets', 'js'),
    prefix: '/assets/js/',
  })
  await app.register(fastifyStatic, {
    ...options,
    root: join(root, 'src', 'web', 'assets', 'icons'),
    prefix: '/assets/icons/',
  })
  // Browsers ask for /favicon.ico whatever the page links (a PDF, a download), so it is there too.
  const favicon = readFileSync(join(root, 'src', 'web', 'assets', 'icons', 'favicon.ico'))
  app.get('/favicon.ico', { config: { access: 'public' } }, (_request, reply) =>
    reply.type('image/x-icon').header('cache-control', 'public, max-age=86400').send(favicon),
  )
  await app.register(fastifyStatic, { ...options, root: join(govuk, 'assets'), prefix: '/assets/govuk/' })
  await app.register(fastifyStatic, { ...options, root: join(moj, 'assets'), prefix: '/assets/moj/' })
  await app.register(fastifyStatic, {
    ...options,
    root: scripts('govuk-frontend', govuk),
    prefix: '/assets/govuk-frontend/',
    allowedPath: (p) => p.endsWith('.min.js'),
    preCompressed: true,
  })
  await app.register(fastifyStatic, {
    ...options,
    root: scripts('moj-frontend', moj),
    prefix: '/assets/moj-frontend/',
    allowedPath: (p) => p.endsWith('.min.js'),
    preCompressed: true,
  })
}

import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import fastifyStatic from '@fastify/static'
import type { FastifyInstance } from 'fastify'

const require = createRequire(import.meta.url)
const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const govuk = join(dirname(require.resolve('govuk-frontend/package.json')), 'dist', 'govuk')
const moj = join(dirname(require.resolve('@ministryofjustice/frontend/package.json')), 'moj')

/** The stylesheet built at install, the design systems' scripts and images, and our own script. */
export default async function staticAssets(app: FastifyInstance) {
  const options = { decorateReply: false, maxAge: '1h', index: false } as const
  await app.register(fastifyStatic, { ...options, root: join(root, 'dist', 'public'), prefix: '/assets/' })
  await app.register(fastifyStatic, {
    ...options,
    root: join(root, 'src', 'web', 'assets', 'js'),
    prefix: '/assets/js/',
  })
  await app.register(fastifyStatic, { ...options, root: join(govuk, 'assets'), prefix: '/assets/govuk/' })
  await app.register(fastifyStatic, { ...options, root: join(moj, 'assets'), prefix: '/assets/moj/' })
  await app.register(fastifyStatic, {
    ...options,
    root: govuk,
    prefix: '/assets/govuk-frontend/',
    allowedPath: (p) => p.endsWith('.min.js'),
  })
  await app.register(fastifyStatic, {
    ...options,
    root: moj,
    prefix: '/assets/moj-frontend/',
    allowedPath: (p) => p.endsWith('.min.js'),
  })
}

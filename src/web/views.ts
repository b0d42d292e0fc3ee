import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import view from '@fastify/view'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import nunjucks from 'nunjucks'
import { formatDate, formatDateTime, formatTime } from './format.ts'

declare module 'fastify' {
  interface FastifyReply {
    /** Given to every template, under the route's own context. */
    locals: Record<string, unknown>
  }
}

const require = createRequire(import.meta.url)
const src = join(dirname(fileURLToPath(import.meta.url)), '..')

export const templatePaths = [
  join(src, 'web', 'views'),
  join(src, 'features'),
  dirname(require.resolve('govuk-frontend/package.json')) + '/dist',
  dirname(require.resolve('@ministryofjustice/frontend/package.json')),
]

/** reply.view(template, context): templates are found under src/features and src/web/views. */
export default fp(async function views(app: FastifyInstance) {
  await app.register(view, {
    engine: { nunjucks },
    templates: templatePaths,
    options: { autoescape: true, onConfigure: configure },
  })
  app.addHook('onRequest', async (request, reply) => {
    reply.locals = { ...reply.locals, currentPath: request.url.split('?')[0] }
  })
})

function configure(env: nunjucks.Environment) {
  env.addFilter('date', formatDate)
  env.addFilter('time', formatTime)
  env.addFilter('dateTime', formatDateTime)
}

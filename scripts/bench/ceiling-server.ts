// The ceiling for every page: the same server stack (Fastify with the app's own view, security and
// static plugins) rendering a page that extends the app's layout with a 25-row table of fixed data,
// and no database. Run by the bench as a child process, like the real server: PORT and HOST.
import { dirname } from 'node:path'
import { fileURLToPath } from 'node:url'
import Fastify from 'fastify'
import security from '../../src/web/security.ts'
import staticAssets from '../../src/web/static.ts'
import views, { templatePaths } from '../../src/web/views.ts'

// This folder too, for ceiling.njk (the plugin reads the list when it is registered).
templatePaths.push(dirname(fileURLToPath(import.meta.url)))

const rows = Array.from({ length: 25 }, (_, i) => ({
  id: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}`,
  reference: `MED-2026-${String(100 - i).padStart(6, '0')}`,
  childName: ['Amelia Hartley', 'Oliver Smith', 'Isla Jones', 'Noah Patel', 'Ava Khan'][i % 5],
  scope: 'SEN mediation',
  status: 'Meeting arranged',
  receivedOn: `2026-0${1 + (i % 9)}-1${i % 10}`,
}))
const user = { id: 'ceiling', email: 'ceiling@example.org', name: 'Ceiling', roles: ['coordinator'] }
const service = {
  serviceName: 'SEN Mediation and Disagreement Resolution Service',
  phone: '0300 000 0000',
  openingHours: 'Monday to Friday',
  address: '1 Example Street',
}

const app = Fastify({ routerOptions: { ignoreTrailingSlash: true } })
await app.register(views)
await app.register(security)
await app.register(staticAssets)
// The layout's sign-out form asks for a CSRF token: a fixed one, as there is no session here.
const csrf = () => 'ceiling-csrf-token'
app.get('/', async (_request, reply) => reply.view('ceiling.njk', { rows, user, service, csrf }))

await app.listen({ host: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 0) })
const stop = () => void app.close().then(() => process.exit(0))
process.on('SIGTERM', stop)
process.on('SIGINT', stop)

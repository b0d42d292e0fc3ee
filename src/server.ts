// Starts Parley: config -> database -> migrations -> app -> listen, and stops cleanly.
import { buildApp } from './app.ts'
import { systemClock } from './clock.ts'
import { loadConfig } from './config.ts'
import { openConfiguredDatabase } from './db/open.ts'
import { startJobs, type Jobs } from './jobs/index.ts'
import { createLogger } from './logger.ts'

const config = loadConfig()
const logger = createLogger(config)

let database
try {
  database = await openConfiguredDatabase(config)
} catch (err) {
  logger.fatal((err as Error).message)
  process.exit(1)
}
logger.info(database.kind === 'pglite' ? `Using the embedded database in ${config.DATA_DIR}` : 'Using PostgreSQL')

const app = await buildApp({ config, database, clock: systemClock }, logger)

let jobs: Jobs | undefined = undefined
let stopping = false
async function stop(signal: string) {
  if (stopping) return
  stopping = true
  logger.info(`${signal}: finishing requests in progress, then stopping`)
  const force = setTimeout(() => process.exit(1), 10_000).unref()
  try {
    await jobs?.stop() // first: a message being sent is finished and marked
    await app.close()
    await database!.close()
  } finally {
    clearTimeout(force)
  }
  process.exit(0)
}
process.on('SIGINT', () => void stop('SIGINT'))
process.on('SIGTERM', () => void stop('SIGTERM'))

await app.listen({ host: config.HOST, port: config.PORT })
const address = app.server.address()
const port = typeof address === 'object' && address ? address.port : config.PORT
logger.info(`Parley is ready: http://localhost:${port}`)
// Background work (the outbox, reminders): after listening, so a port in use stops nothing half started.
jobs = await startJobs({ database, config, clock: systemClock, logger })
if (!config.SMTP_URL) logger.info('No SMTP_URL: emails are kept in the outbox, under Administration, Sent messages')

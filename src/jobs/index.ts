// The job runner: pg-boss, in the same database as everything else (PGlite or PostgreSQL), so a
// job is as durable as the data it works on and needs nothing else to run.
//
// Each periodic task (schedule.ts) is a pg-boss queue with one worker per instance. Every instance
// asks for a run every `everySeconds` with sendThrottled: pg-boss makes one job per time slot
// whichever instance asks, and one worker takes it. pg-boss's cron is per minute, too slow for
// the outbox; a timer that asks every few seconds (5 for delivery) is what a person would call
// "at once", and needs no hook in every route that queues a message. Rows left by a crash are
// picked up by the same sweep once their lease has passed. `kick(name)` asks for a run now (tests,
// and the tasks themselves: a task that queued messages kicks delivery).
import { PgBoss, fromPglite } from 'pg-boss'
import type { Clock } from '../clock.ts'
import type { Config } from '../config.ts'
import type { Database } from '../db/client.ts'
import { closeTransports, createTransports, type Transports } from '../features/messages/index.ts'
import { DELIVER_MESSAGES, periodicTasks, type PeriodicTask } from './schedule.ts'

export interface JobLogger {
  info(message: string): void
  error(details: object, message: string): void
}

export interface Jobs {
  /** Asks for a run of the task now (one run, however many ask at once). */
  kick(name: string): Promise<void>
  stop(): Promise<void>
}

export async function startJobs(options: {
  database: Database
  config: Config
  clock: Clock
  logger: JobLogger
  /** Defaults to the transports the settings describe. */
  transports?: Transports
  tasks?: readonly PeriodicTask[]
  /** How often an idle worker looks for a job (pg-boss's polling), seconds. */
  pollingIntervalSeconds?: number
  /**
   * A running job that stops beating for this long (its process died) is failed, so the next run
   * can start; pg-boss checks every `superviseSeconds`. Tests shorten both.
   */
  heartbeatSeconds?: number
  superviseSeconds?: number
}): Promise<Jobs> {
  const { database, config, clock, logger } = options
  const tasks = options.tasks ?? periodicTasks
  const ownTransports = !options.transports
  const transports = options.transports ?? createTransports(config)

  const connection =
    database.kind === 'pglite'
      ? { db: fromPglite(database.pglite!), backend: 'pglite' as const }
      : { connectionString: database.url!, max: 3 }
  // Cron scheduling is off: the timers below ask for runs (see above).
  const heartbeatSeconds = options.heartbeatSeconds ?? config.JOB_HEARTBEAT_SECONDS
  const superviseSeconds = options.superviseSeconds ?? 10
  const boss = new PgBoss({
    ...connection,
    schedule: false,
    application_name: 'parley-jobs',
    superviseIntervalSeconds: superviseSeconds,
    monitorIntervalSeconds: superviseSeconds,
  })
  boss.on('error', (err) => logger.error({ err }, 'The job runner had a problem'))
  await boss.start()

  const context = { db: database.db, clock, config, transports, logger }
  const timers: NodeJS.Timeout[] = []
  let stopping = false

  const ask = async (task: PeriodicTask) => {
    if (stopping) return
    try {
      await boss.sendThrottled(task.name, {}, null, Math.max(1, Math.floor(task.everySeconds / 2)), task.name)
    } catch (err) {
      if (!stopping) logger.error({ err }, `Could not ask for ${task.name}`)
    }
  }

  for (const task of tasks) {
    // At most one run waiting and one running: a slow run never piles up a queue of runs behind it.
    // A run whose process was killed would otherwise hold the one 'active' place until it expired
    // (15 minutes): no message would leave meanwhile. Its heartbeat stopping frees the place.
    const queue = { retryLimit: 0, expireInSeconds: 15 * 60, deleteAfterSeconds: 60 * 60, heartbeatSeconds }
    await boss.createQueue(task.name, { policy: 'stately', ...queue })
    await boss.updateQueue(task.name, queue) // a queue made by an older version gets the heartbeat too
    await boss.work(
      task.name,
      { pollingIntervalSeconds: options.pollingIntervalSeconds ?? Math.min(2, task.everySeconds) },
      async () => {
        try {
          await task.run(context)
        } catch (err) {
          logger.error({ err }, `${task.name} failed; it runs again at the next interval`)
          return
        }
        const delivery = tasks.find((t) => t.name === DELIVER_MESSAGES)
        if (task.name !== DELIVER_MESSAGES && delivery) await ask(delivery)
      },
    )
    timers.push(setInterval(() => void ask(task), task.everySeconds * 1000).unref())
    await ask(task)
  }
  logger.info(`Jobs started: ${tasks.map((t) => t.name).join(', ')}`)

  return {
    async kick(name) {
      const task = tasks.find((t) => t.name === name)
      if (!task) throw new Error(`No task called ${name}`)
      if (!stopping) await boss.send(task.name, {})
    },
    async stop() {
      stopping = true
      for (const timer of timers) clearInterval(timer)
      await boss.stop({ graceful: true, timeout: 10_000 })
      if (ownTransports) await closeTransports(transports)
    },
  }
}

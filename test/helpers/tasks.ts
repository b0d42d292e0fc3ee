// Runs one of Parley's periodic tasks (src/jobs/schedule.ts) once, as the job runner would, on a
// test app's database and clock: for tests of work a page asks for and a job does.
import { periodicTasks } from '../../src/jobs/schedule.ts'
import type { TestApp } from './app.ts'

export async function runTask(t: TestApp, name: string): Promise<unknown> {
  const task = periodicTasks.find((candidate) => candidate.name === name)
  if (!task) throw new Error(`No periodic task called ${name}`)
  return task.run({ db: t.database.db, clock: t.clock, config: t.config, transports: {} })
}

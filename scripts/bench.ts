// npm run bench: builds (or reuses) a realistic data set, loads the real server's pages on it with
// autocannon, compares each with a ceiling (the same stack with no database), prints one table and
// writes it to bench/results/. See scripts/bench/options.ts for the options.
import { sql } from 'drizzle-orm'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { isoDateInLondon } from '../src/clock.ts'
import { databaseVersion, openTarget, targetFor } from './bench/bench-database.ts'
import { ensureData } from './bench/build.ts'
import { readFixtures } from './bench/fixtures.ts'
import { measure } from './bench/load.ts'
import { parseOptions } from './bench/options.ts'
import { CEILING } from './bench/pages.ts'
import { machine, table, weights, writeReport, type Report } from './bench/report.ts'
import { runLoad } from './bench/run-load.ts'
import { startServer } from './bench/server-process.ts'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')

async function main() {
  const options = parseOptions(process.argv.slice(2))
  const startedAt = new Date().toISOString()
  const target = targetFor(options.cases, process.env.DATABASE_URL, root)
  process.stderr.write(
    `Data set: ${options.cases.toLocaleString('en-GB')} cases on ${target.engine === 'postgres' ? `PostgreSQL (${target.name})` : `the embedded database (${target.name})`}\n`,
  )
  const build = await ensureData(target, options.cases, options.rebuild, isoDateInLondon(new Date()))
  if (build.skipped)
    process.stderr.write(
      `Using the data set built on ${build.marker.builtOn} (in ${build.marker.buildSeconds} s); --rebuild builds it again\n`,
    )
  if (options.buildOnly) return

  const database = await openTarget(target)
  let fixtures, version
  try {
    fixtures = await readFixtures(database)
    version = await databaseVersion(database)
    // Each run's server seals secrets with its own session secret: the accounts set their apps up again.
    await database.db.execute(sql`delete from staff_second_factors`)
  } finally {
    if (target.engine === 'pglite') await database.close()
  }
  process.stderr.write(
    `Searching for "${fixtures.typoName}" (misspelt "${fixtures.typoOf}", ${fixtures.typoCount} children of that name); portal party ${fixtures.portalEmail}\n`,
  )
  try {
    const load = await runLoad({
      root,
      target,
      fixtures,
      seconds: options.seconds,
      connections: options.connections,
      ...(target.engine === 'postgres' ? { database } : {}),
    })

    // The ceiling, with the same settings.
    const ceiling = await startServer({
      cwd: root,
      args: ['scripts/bench/ceiling-server.ts'],
      env: { ...process.env },
      probe: '/',
    })
    const top = new Map<number, number>()
    try {
      for (const connections of options.connections) {
        const m = await measure({
          url: ceiling.url,
          page: CEILING,
          fixtures,
          credentials: { apiTokens: [] },
          connections,
          seconds: options.seconds,
        })
        m.rssMb = ceiling.rssMb()
        top.set(connections, m.requestsPerSecond)
        load.results.push(m)
      }
    } finally {
      await ceiling.stop()
    }
    for (const m of load.results) {
      const best = top.get(m.connections)
      if (best && !m.failure) m.ceilingShare = m.requestsPerSecond / best
    }

    const report: Report = {
      startedAt,
      engine: target.engine,
      cases: options.cases,
      machine: machine(version),
      build: {
        skipped: build.skipped,
        seconds: build.skipped ? build.marker.buildSeconds : Math.round(build.seconds * 10) / 10,
        builtOn: build.marker.builtOn,
        generator: build.marker.generator,
        counts: build.marker.counts,
        ...(build.where ? { where: build.where } : {}),
      },
      serverStartSeconds: load.startSeconds.map((s) => Math.round(s * 100) / 100),
      ...(load.pageWeights ? { pageWeights: load.pageWeights } : {}),
      ...(load.enquiries ? { enquiries: { ...load.enquiries } } : {}),
      ...(load.nationalReport ? { nationalReport: load.nationalReport } : {}),
      notes: [
        `The misspelt-name search asks for "${fixtures.typoName}": "${fixtures.typoOf}" is the name of ${fixtures.typoCount} children.`,
        ...load.notes,
      ],
      results: load.results,
    }
    const e = load.enquiries
    console.log(
      `\nParley bench: ${options.cases.toLocaleString('en-GB')} cases on ${target.engine === 'postgres' ? 'PostgreSQL' : 'the embedded database (PGlite)'}, ${options.seconds} s a page`,
    )
    console.log(
      `Machine: ${report.machine.cpus} CPUs (${report.machine.cpuModel}), ${report.machine.memoryGb} GB, Node ${report.machine.node}, ${version.split(' on ')[0]}`,
    )
    console.log(
      `Data set: ${build.skipped ? `reused (built on ${build.marker.builtOn} in ${build.marker.buildSeconds} s)` : `built in ${build.seconds.toFixed(1)} s`}; server's first page ${report.serverStartSeconds.map((s) => `${s} s`).join(', then ')} after starting`,
    )
    if (e)
      console.log(
        `Enquiries: ${e.acknowledged} acknowledged with 2xx, ${e.storedOnce} stored exactly once, ${e.missing} missing, ${e.duplicated} duplicated, ${e.wrongCase} as another case; ${e.storedNotAcknowledged} stored without a 2xx`,
      )
    const n = load.nationalReport
    if (n)
      console.log(
        `National report (every council, ${n.from} to ${n.to}, ${n.months} months): ${n.seconds === undefined ? `not ready (${n.status})` : `ready ${n.seconds} s after it was asked for`}, while the pages marked so were loaded`,
      )
    if (load.pageWeights?.length)
      console.log(`Public pages, a first visit (compressed as sent):\n${weights(load.pageWeights)}`)
    for (const note of report.notes) console.log(note)
    console.log(`\n${table(load.results)}`)
    console.log(`\nWritten to ${await writeReport(root, report)}`)
  } finally {
    if (target.engine === 'postgres') await database.close()
  }
}

main().then(
  () => process.exit(0),
  (error: Error) => {
    process.stderr.write(`${error.message}\n`)
    process.exit(1)
  },
)

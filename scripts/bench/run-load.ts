// The load phase: the real server on the data set, signed in as a person would be, every page of
// the table at every connection count, and (embedded database only) the public form alone and
// while five connections search by name.
import type { Database } from '../../src/db/client.ts'
import { apiToken, API_TOKENS } from './build.ts'
import { openTarget, type Target } from './bench-database.ts'
import { checkEnquiries, portalLinkFor, type Acknowledged, type EnquiryCheck } from './fixtures.ts'
import { askForPortalLink, Browser, signInStaff, usePortalLink } from './http-session.ts'
import { measure, settle, warmUp, type Credentials, type Measurement } from './load.ts'
import { duringNationalReport, type NationalReport } from './national-report.ts'
import { pageWeight, PUBLIC_PAGES, type PageWeight } from './page-weight.ts'
import { NAME_SEARCH, PAGES, REQUEST_FORM, type Fixtures, type PageSpec } from './pages.ts'
import { BENCH_ADMIN, BENCH_COMMISSIONER } from './people.ts'
import { startServer, type ServerChild } from './server-process.ts'

export interface LoadOutcome {
  results: Measurement[]
  startSeconds: number[]
  /** What a first visit to each public page transfers, with its stylesheet and scripts. */
  pageWeights?: PageWeight[]
  enquiries?: EnquiryCheck
  /** PostgreSQL: every council over every year, worked out while staff pages are loaded. */
  nationalReport?: NationalReport
  notes: string[]
}

export async function runLoad(options: {
  root: string
  target: Target
  fixtures: Fixtures & { tokenIds: string[] }
  seconds: number
  connections: number[]
  /** PostgreSQL: the bench's own connection, open while the server runs. */
  database?: Database
}): Promise<LoadOutcome> {
  const { root, target, fixtures } = options
  const env: Record<string, string | undefined> = {
    ...process.env,
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    SESSION_SECRET: `bench-session-secret-${Math.random().toString(36).slice(2)}-0123456789`,
    DATABASE_URL: target.url,
    DATA_DIR: target.dataDir,
  }
  if (target.engine === 'pglite') delete env.DATABASE_URL
  const start = () => startServer({ cwd: root, args: ['src/server.ts'], env, probe: '/' })
  const outcome: LoadOutcome = { results: [], startSeconds: [], notes: [] }
  const credentials: Credentials = { apiTokens: Array.from({ length: API_TOKENS }, (_, i) => apiToken(i)) }
  const runId = Date.now().toString(36)
  const acknowledged: Acknowledged[] = []
  let server: ServerChild | undefined
  try {
    server = await start()
    outcome.startSeconds.push(server.startSeconds)
    try {
      outcome.pageWeights = []
      for (const path of PUBLIC_PAGES) outcome.pageWeights.push(await pageWeight(server.url, path))
    } catch (error) {
      outcome.notes.push(`Weighing the public pages failed: ${(error as Error).message}`)
    }
    process.stderr.write(`The server answered its first page ${server.startSeconds.toFixed(2)} s after starting\n`)
    const staff = await signInStaff(server.url, BENCH_ADMIN.email, BENCH_ADMIN.password)
    credentials.staffCookie = staff.cookieHeader()
    const commissioner = await signInStaff(
      server.url,
      BENCH_COMMISSIONER.email,
      BENCH_COMMISSIONER.password,
      '/reports',
    )
    credentials.commissionerCookie = commissioner.cookieHeader()

    // The portal: a link asked for through the form, read from the outbox, opened and continued.
    try {
      if (!fixtures.portalEmail) throw new Error('no party with an email in a case in progress')
      await askForPortalLink(server.url, fixtures.portalEmail)
      let link: string | undefined
      if (options.database) link = await portalLinkFor(options.database, fixtures.portalEmail)
      else {
        // The embedded database is one process's at a time: stop the server to read the outbox.
        await server.stop()
        const database = await openTarget(target)
        link = await portalLinkFor(database, fixtures.portalEmail).finally(() => database.close())
        server = await start()
        outcome.startSeconds.push(server.startSeconds)
      }
      if (!link) throw new Error('no sign-in link in the outbox')
      const browser = new Browser(server.url)
      await usePortalLink(browser, link)
      credentials.portalCookie = browser.cookieHeader()
    } catch (error) {
      outcome.notes.push(`Portal sign-in failed: ${(error as Error).message}`)
    }

    const one = async (page: PageSpec, connections: number) => {
      const run = { url: server!.url, page, fixtures, credentials, runId, acknowledged }
      const problem = await warmUp(run).catch((error: Error) => error.message)
      const m = problem
        ? {
            page: page.name,
            connections,
            requestsPerSecond: 0,
            p50: 0,
            p95: 0,
            p99: 0,
            errors: 0,
            statuses: {},
            failure: problem,
          }
        : await measure({ ...run, connections, seconds: options.seconds })
      m.drainSeconds = await settle(server!.url)
      m.rssMb = server!.rssMb()
      outcome.results.push(m)
      process.stderr.write(`  ${page.name} at ${connections}: ${m.failure ?? `${m.requestsPerSecond} requests/s`}\n`)
      return m
    }
    for (const page of PAGES) {
      if (page.engines && !page.engines.includes(target.engine)) continue
      for (const connections of options.connections) await one(page, connections)
    }
    if (options.database) {
      try {
        const during = await duringNationalReport({
          url: server.url,
          staff,
          database: options.database,
          fixtures,
          credentials,
          connections: options.connections[0]!,
          seconds: options.seconds,
        })
        outcome.results.push(...during.results.map((m) => ({ ...m, rssMb: server!.rssMb() })))
        outcome.nationalReport = during.report
      } catch (error) {
        outcome.notes.push(`The national report could not be measured: ${(error as Error).message}`)
      }
    }
    if (target.engine === 'pglite') {
      const connections = options.connections[0]!
      await one(REQUEST_FORM, connections)
      const run = { url: server.url, fixtures, credentials }
      const [form, search] = await Promise.all([
        measure({ ...run, page: REQUEST_FORM, connections, seconds: options.seconds }),
        measure({ ...run, page: NAME_SEARCH, connections: 5, seconds: options.seconds }),
      ])
      form.page = `${REQUEST_FORM.name}, with 5 searching`
      search.page = `${NAME_SEARCH.name}, beside the form`
      const drainSeconds = await settle(server.url)
      for (const m of [form, search]) outcome.results.push({ ...m, drainSeconds, rssMb: server.rssMb() })
    }
  } finally {
    await server?.stop()
  }

  // Every enquiry acknowledged is stored exactly once (the embedded database: now the server has stopped).
  const database = options.database ?? (await openTarget(target))
  try {
    outcome.enquiries = await checkEnquiries(database, runId, fixtures.tokenIds, acknowledged)
  } finally {
    if (!options.database) await database.close()
  }
  return outcome
}

// While a national report runs: an administrator asks for every council over every year the data
// holds (worked out in the background, a month at a time, by the server's own job runner), and
// staff pages are loaded meanwhile. Says how long the report took and each page's p99 beside it.
import { sql } from 'drizzle-orm'
import type { Database } from '../../src/db/client.ts'
import { Browser } from './http-session.ts'
import { measure, type Credentials, type Measurement } from './load.ts'
import { PAGES, type Fixtures } from './pages.ts'

/** The pages loaded while the report is worked out: what staff use all day. */
const BESIDE = ['Today', 'Case list: first page', 'Case page (rotating)', 'Search: misspelt name']

export interface NationalReport {
  from: string
  to: string
  months: number
  /** From asking to the report being ready; undefined if it was not ready within the wait. */
  seconds?: number
  status: string
}

interface RunRow extends Record<string, unknown> {
  status: string
  steps_total: number
  seconds: number | null
}

const runOf = async (database: Database, id: string) =>
  (
    await database.db.execute<RunRow>(
      sql`select status, steps_total, extract(epoch from finished_at - created_at)::float8 as seconds
          from report_runs where id = ${id}`,
    )
  ).rows[0]

export async function duringNationalReport(options: {
  url: string
  staff: Browser
  database: Database
  fixtures: Fixtures
  credentials: Credentials
  connections: number
  seconds: number
  /** How long to wait for the report after the pages are measured. */
  waitSeconds?: number
}): Promise<{ results: Measurement[]; report: NationalReport }> {
  const { database, staff, fixtures } = options
  const first = (await database.db.execute<{ from: string }>(sql`select min(received_on)::text as from from cases`))
    .rows[0]!.from
  const from = `${first.slice(0, 7)}-01`
  const to = fixtures.reportTo
  const page = await staff.get(`/reports/report?${new URLSearchParams({ council: 'all', from, to })}`)
  const key = /name="submissionKey" value="([^"]+)"/.exec(page.body)?.[1]
  if (page.status !== 200 || !key) throw new Error(`The national report offered no background run (${page.status})`)
  const asked = await staff.post('/reports/runs', {
    _csrf: Browser.csrfOf(page.body),
    submissionKey: key,
    council: 'all',
    from,
    to,
  })
  const id = /^\/reports\/runs\/([0-9a-f-]{36})$/.exec(asked.location ?? '')?.[1]
  if (asked.status !== 303 || !id) throw new Error(`Asking for the national report failed: ${asked.status}`)

  const results: Measurement[] = []
  for (const name of BESIDE) {
    const spec = PAGES.find((p) => p.name === name)!
    const m = await measure({ ...options, page: spec })
    const run = await runOf(database, id)
    m.page = `${name}, while a national report runs${run?.status === 'done' ? ' (it ended during this)' : ''}`
    results.push(m)
    process.stderr.write(`  ${m.page} at ${options.connections}: p99 ${m.p99} ms\n`)
  }
  const deadline = Date.now() + (options.waitSeconds ?? 600) * 1000
  let run = await runOf(database, id)
  while (run && run.status !== 'done' && run.status !== 'failed' && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 1000))
    run = await runOf(database, id)
  }
  const report: NationalReport = {
    from,
    to,
    months: run?.steps_total ?? 0,
    status: run?.status ?? 'missing',
    ...(run?.status === 'done' && run.seconds !== null ? { seconds: Math.round(run.seconds * 10) / 10 } : {}),
  }
  return { results, report }
}

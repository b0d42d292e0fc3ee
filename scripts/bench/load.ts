// One measurement: autocannon against a page for some seconds at some connections, with the
// session cookie or API token the page needs, and each request's path (and body) of its own.
import { loadavg } from 'node:os'
import autocannon from 'autocannon'
import type { Acknowledged } from './fixtures.ts'
import type { Fixtures, PageSpec, Who } from './pages.ts'

export interface Credentials {
  staffCookie?: string
  commissionerCookie?: string
  portalCookie?: string
  apiTokens: string[]
}

export interface Measurement {
  page: string
  connections: number
  requestsPerSecond: number
  p50: number
  /** Exact, from every answer's time (autocannon's own percentiles skip from p90 to p97.5). */
  p95: number
  p99: number
  /** Answers that were not 2xx, and socket errors and timeouts. */
  errors: number
  statuses: Record<string, number>
  rssMb?: number
  ceilingShare?: number
  /** The machine's load average (1 minute) when the run ended: others share its 2 cores. */
  loadAverage?: number
  /** Seconds the server took afterwards to answer /ready promptly again (work queued by the run). */
  drainSeconds?: number
  failure?: string
}

export function headersFor(who: Who, credentials: Credentials, n: number): Record<string, string> {
  if (who === 'staff') return { cookie: credentials.staffCookie ?? '' }
  if (who === 'commissioner') return { cookie: credentials.commissionerCookie ?? '' }
  if (who === 'portal') return { cookie: credentials.portalCookie ?? '' }
  if (who === 'api') return { authorization: `Bearer ${credentials.apiTokens[n % credentials.apiTokens.length]}` }
  return {}
}

export interface LoadRun {
  url: string
  page: PageSpec
  fixtures: Fixtures
  credentials: Credentials
  connections: number
  seconds: number
  /** For idempotent pages: the key prefix, and where the acknowledged keys go. */
  runId?: string
  acknowledged?: Acknowledged[]
}

let counter = 0

export async function measure(run: LoadRun): Promise<Measurement> {
  const { page, fixtures, credentials } = run
  const base = { page: page.name, connections: run.connections }
  try {
    const times: number[] = []
    const tracker = autocannon({
      url: run.url,
      connections: run.connections,
      duration: run.seconds,
      timeout: 30,
      requests: [
        {
          setupRequest: (request, context) => {
            const n = counter++
            const headers: Record<string, string> = { ...headersFor(page.as, credentials, n) }
            let body: string | undefined
            if (page.body) {
              headers['content-type'] = 'application/json'
              body = JSON.stringify(page.body(fixtures, n))
            }
            if (page.idempotent) {
              const key = `bench-${run.runId}-${n}`
              headers['idempotency-key'] = key
              context.key = key
              context.tokenIndex = n % credentials.apiTokens.length
            }
            return {
              ...request,
              method: page.method ?? 'GET',
              path: page.path(fixtures, n),
              headers,
              ...(body ? { body } : {}),
            }
          },
          ...(page.idempotent
            ? {
                onResponse: (status: number, body: string, context: Record<string, unknown>) => {
                  if (status < 200 || status > 299) return
                  const id = (JSON.parse(body) as { id: string }).id
                  run.acknowledged!.push({ key: String(context.key), tokenIndex: Number(context.tokenIndex), id })
                },
              }
            : {}),
        },
      ],
    })
    tracker.on('response', (_client, _status, _bytes, ms) => times.push(ms))
    const result = await tracker
    const statuses = Object.fromEntries(Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]))
    const total = result.requests.total
    return {
      ...base,
      // Completed answers over the whole run: per-second samples say little in a 2-second run.
      requestsPerSecond: Math.round((total / result.duration) * 10) / 10,
      p50: result.latency.p50,
      p95: percentile(times, 0.95),
      p99: result.latency.p99,
      errors: result.non2xx + result.errors,
      statuses,
      loadAverage: Math.round(loadavg()[0]! * 10) / 10,
      ...(total === 0 ? { failure: `no answer completed within ${run.seconds} s` } : {}),
    }
  } catch (error) {
    return {
      ...base,
      requestsPerSecond: 0,
      p50: 0,
      p95: 0,
      p99: 0,
      errors: 0,
      statuses: {},
      failure: (error as Error).message,
    }
  }
}

/** The time under which this share of the answers came, in whole milliseconds. */
export function percentile(times: number[], share: number): number {
  if (times.length === 0) return 0
  const sorted = [...times].sort((a, b) => a - b)
  return Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!)
}

/** A few requests one at a time first, so that the first measured ones do not pay for warming up. */
export async function warmUp(run: Omit<LoadRun, 'connections' | 'seconds'>, count = 5): Promise<string | undefined> {
  for (let i = 0; i < count; i++) {
    const n = counter++
    const headers: Record<string, string> = headersFor(run.page.as, run.credentials, n)
    const init: RequestInit = { method: run.page.method ?? 'GET', headers, redirect: 'manual' }
    if (run.page.idempotent) return undefined // every request would add a case: measured runs only
    const res = await fetch(run.url + run.page.path(run.fixtures, n), init)
    await res.arrayBuffer()
    if (res.status >= 300) return `${run.page.path(run.fixtures, n)} answered ${res.status}`
  }
  return undefined
}

/** Waits until the server answers /ready promptly twice running: requests a run left queued are done. */
export async function settle(url: string, limitSeconds = 120): Promise<number> {
  const started = performance.now()
  let prompt = 0
  while (prompt < 2 && performance.now() - started < limitSeconds * 1000) {
    const asked = performance.now()
    try {
      const res = await fetch(`${url}/ready`, { signal: AbortSignal.timeout(limitSeconds * 1000) })
      await res.arrayBuffer()
      prompt = performance.now() - asked < 250 ? prompt + 1 : 0
    } catch {
      prompt = 0
    }
    if (prompt < 2) await new Promise((resolve) => setTimeout(resolve, 100))
  }
  return Math.round((performance.now() - started) / 100) / 10
}

// The results: one table on stdout, and the same as JSON under bench/results/ with the machine.
import { mkdir, writeFile } from 'node:fs/promises'
import { cpus, totalmem } from 'node:os'
import { join } from 'node:path'
import type { Measurement } from './load.ts'
import type { NationalReport } from './national-report.ts'
import type { PageWeight } from './page-weight.ts'

export interface Report {
  startedAt: string
  engine: 'pglite' | 'postgres'
  cases: number
  machine: { cpus: number; cpuModel: string; memoryGb: number; node: string; database: string }
  build: {
    skipped: boolean
    seconds: number
    builtOn: string
    generator: number
    counts: Record<string, number>
    where?: string
  }
  serverStartSeconds: number[]
  /** A first visit to each public page: the page and its stylesheet and scripts, in KB sent. */
  pageWeights?: PageWeight[]
  enquiries?: Record<string, number>
  nationalReport?: NationalReport
  notes: string[]
  results: Measurement[]
}

export function machine(database: string): Report['machine'] {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    node: process.version,
    database,
  }
}

const pad = (text: string, width: number, right = false) => (right ? text.padStart(width) : text.padEnd(width))

export function table(results: Measurement[]): string {
  const head = ['Page', 'Conn', 'Req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'Errors', '% ceiling', 'RSS MB', 'Load']
  const lines = results.map((r) => [
    r.page,
    String(r.connections),
    r.failure ? 'failed' : r.requestsPerSecond.toFixed(1),
    r.failure ? '' : String(r.p50),
    r.failure || r.p95 === undefined ? '' : String(r.p95),
    r.failure ? '' : String(r.p99),
    r.failure ? '' : String(r.errors),
    r.ceilingShare === undefined ? '' : `${(r.ceilingShare * 100).toFixed(1)}%`,
    r.rssMb === undefined ? '' : String(r.rssMb),
    r.loadAverage === undefined ? '' : r.loadAverage.toFixed(1),
  ])
  const widths = head.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i]!.length)))
  const row = (cells: string[]) => cells.map((c, i) => pad(c, widths[i]!, i > 0)).join('  ')
  const out = [row(head), widths.map((w) => '-'.repeat(w)).join('  '), ...lines.map(row)]
  for (const r of results) {
    if (r.failure) out.push(`  ${r.page} at ${r.connections}: ${r.failure}`)
    else if (r.errors) out.push(`  ${r.page} at ${r.connections}: answers ${JSON.stringify(r.statuses)}`)
  }
  out.push("Load: the machine's 1-minute load average at the end of the run (it has 2 cores, shared with other work).")
  return out.join('\n')
}

export async function writeReport(root: string, report: Report): Promise<string> {
  const folder = join(root, 'bench', 'results')
  await mkdir(folder, { recursive: true })
  const stamp = report.startedAt.slice(0, 19).replace(/:/g, '-')
  const file = join(folder, `${stamp}-${report.engine}-${report.cases}.json`)
  await writeFile(file, `${JSON.stringify(report, null, 2)}\n`)
  return file
}

/** One line a public page: what its first visit transfers. */
export function weights(list: PageWeight[]): string {
  return list
    .map((w) => `  ${w.path}: ${w.totalKb} KB (the page ${w.pageKb} KB, its stylesheet and scripts ${w.assetsKb} KB)`)
    .join('\n')
}

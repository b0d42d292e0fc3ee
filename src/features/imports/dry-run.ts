// What an import would do, row by row, before it does it: each row that would become a case,
// and each that cannot, with why and its line. The job reads the file the same way, so what the
// dry run says is what the import does (less any row another import took meanwhile).
import type { Clock } from '../../clock.ts'
import type { Db, Tx } from '../../db/client.ts'
import { readFile, type FileKind } from './read-file.ts'
import { importedKeys, knownCouncils } from './repository.ts'
import { councilFinder, readRow, type ProblemRow, type ReadRow, type ReadyRow } from './rows.ts'

export interface DryRun {
  ready: ReadyRow[]
  problems: ProblemRow[]
}

/** The last file read, with the columns, day and councils it was read with (a file never changes). */
let lastRead: { key: string; rows: ReadRow[] } | undefined

export async function dryRun(
  db: Db | Tx,
  clock: Clock,
  batch: { id: string; file: Buffer; fileKind: string; mapping: Record<string, string> | null },
): Promise<DryRun> {
  const councils = await knownCouncils(db)
  const today = clock.today()
  // Paging through a long dry run reads the same file the same way: kept for the next page.
  const key = JSON.stringify([batch.id, batch.mapping, today, councils])
  if (lastRead?.key !== key) {
    const { headers, rows } = await readFile(batch.fileKind as FileKind, batch.file)
    const findCouncil = councilFinder(councils)
    lastRead = { key, rows: rows.map((row) => readRow(row, headers, batch.mapping ?? {}, findCouncil, today)) }
  }
  const read = lastRead.rows
  const ready: ReadyRow[] = []
  const problems: ProblemRow[] = []
  const seen = new Map<string, number>()
  const imported = await importedKeys(
    db,
    read.flatMap((r) => (r.ok ? [r.key] : [])),
  )
  for (const row of read) {
    if (!row.ok) {
      problems.push(row)
      continue
    }
    const twin = seen.get(row.key)
    const before = imported.get(row.key)
    if (twin !== undefined)
      problems.push(
        problem(row, `The same case as line ${twin}${row.reference ? ` (reference ${row.reference})` : ''}`),
      )
    else if (before) problems.push(problem(row, 'Imported already, in an earlier import: it is not made twice'))
    else {
      seen.set(row.key, row.line)
      ready.push(row)
    }
  }
  return { ready, problems }
}

const problem = (row: ReadyRow, reason: string): ProblemRow => ({
  ok: false,
  line: row.line,
  reasons: [reason],
  childName: row.facts.child.name,
})

// What the page of one import shows: before it runs, the dry run a page of rows at a time (those
// that would be made, or those that cannot be, with why and their line); while the job works, how
// far it has got; after, what it made, and the undo.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { formatLongDate } from '../../domain/dates.ts'
import { paginationItems } from '../../web/pagination.ts'
import { statusLabels } from './access.ts'
import { dryRun } from './dry-run.ts'
import { importFields } from './fields.ts'
import { batchById } from './repository.ts'
import { unmappedRequired } from './service.ts'

export const PAGE_ROWS = 50

export async function batchPage(
  { db, clock }: { db: Db; clock: Clock },
  id: string,
  query: { show?: string; page?: number },
) {
  const batch = await batchById(db, id)
  if (!batch) return undefined
  const { file: _file, ...about } = batch
  const base = `/admin/imports/${batch.id}`
  const percent = (done: number, total: number) => (total ? Math.min(100, Math.floor((done / total) * 100)) : 0)
  const common = {
    batch: about,
    base,
    statusText: statusLabels[batch.status],
    importPercent: percent(batch.rowsDone, batch.rowsTotal),
    undoPercent: percent(batch.casesUndone, batch.casesMade),
    columns: importFields
      .filter((f) => batch.mapping?.[f.key])
      .map((f) => ({ label: f.label, column: batch.mapping![f.key] })),
  }
  if (batch.status !== 'uploaded') return common
  const missing = unmappedRequired(batch.mapping)
  if (missing.length) return { ...common, missing }
  const run = await dryRun(db, clock, batch)
  const show = query.show === 'ready' || !run.problems.length ? 'ready' : 'problems'
  const list = show === 'ready' ? run.ready : run.problems
  const lastPage = Math.max(1, Math.ceil(list.length / PAGE_ROWS))
  const page = Math.min(Math.max(1, query.page ?? 1), lastPage)
  const href = (n: number, s = show) => `${base}?show=${s}${n > 1 ? `&page=${n}` : ''}`
  const rows = list.slice((page - 1) * PAGE_ROWS, page * PAGE_ROWS)
  return {
    ...common,
    dryRun: {
      readyCount: run.ready.length,
      problemCount: run.problems.length,
      show,
      readyHref: href(1, 'ready'),
      problemsHref: href(1, 'problems'),
      firstShown: list.length ? (page - 1) * PAGE_ROWS + 1 : 0,
      lastShown: (page - 1) * PAGE_ROWS + rows.length,
      shownOf: list.length,
      rows: rows.map((r) =>
        r.ok
          ? {
              line: r.line,
              reference: r.reference ?? '',
              child: r.facts.child.name,
              council: r.councilName,
              receivedOn: formatLongDate(r.receivedOn),
              clock: r.facts.decision?.letterDate
                ? `Decision letter ${formatLongDate(r.facts.decision.letterDate)}`
                : r.facts.decision
                  ? 'SEN mediation'
                  : 'Disagreement resolution',
            }
          : { line: r.line, child: r.childName ?? '', reasons: r.reasons },
      ),
      pagination:
        lastPage > 1
          ? {
              items: paginationItems(page, lastPage, (n) => href(n)),
              previous: page > 1 ? { href: href(page - 1) } : undefined,
              next: page < lastPage ? { href: href(page + 1) } : undefined,
            }
          : undefined,
    },
  }
}

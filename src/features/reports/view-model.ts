// A report as its page shows it: each table with its rule, its chart and the chart's words, its
// figures as text ("fewer than 5" or "not shown" where hidden), its shares and medians, and where to download it.
import type { Period } from '../../domain/report-period.ts'
import { periodName, periodSlug } from '../../domain/report-period.ts'
import type { SafeReport } from '../../domain/report-safe.ts'
import { formatDate } from '../../web/format.ts'
import { chartDescription, chartSvg } from './chart.ts'
import { derivedText, figureText } from './figures.ts'

export interface ReportHeading {
  councilName: string
  councilCode: string
  period: Period
}

/** "October to December 2026 (Thursday 1 October 2026 to Thursday 31 December 2026)". */
export function periodText(period: Period): string {
  const dates = `${formatDate(period.from)} to ${formatDate(period.to)}`
  const name = periodName(period)
  return name ? `${name} (${dates})` : dates
}

/** The report's title, as on the page and the PDF. */
export const reportTitle = (h: ReportHeading) =>
  `Service report: ${h.councilName}, ${periodName(h.period) ?? periodText(h.period)}`

/** A file name for a download: warrington-2026-10-01-to-2026-12-31-certificates.csv. */
export const fileName = (h: ReportHeading, part: string, ext: string) =>
  `${h.councilCode}-${periodSlug(h.period)}-${part}.${ext}`.replace(/[^A-Za-z0-9._-]+/g, '-')

export function reportView(report: SafeReport, links: { csv: (tableId: string) => string }) {
  return {
    sections: report.sections.map((section) => ({
      id: section.id,
      title: section.title,
      tables: section.tables.map((table) => {
        const chartId = `chart-${table.id}`
        return {
          id: table.id,
          title: table.title,
          rule: table.rule,
          rowHeading: table.rowHeading,
          columns: table.columns,
          withTotalColumn: table.rows.some((r) => r.total) || table.totals?.total !== undefined,
          rows: table.rows.map((row) => ({
            label: row.label,
            cells: row.cells.map(figureText),
            total: row.total ? figureText(row.total) : undefined,
          })),
          totals: table.totals && {
            cells: table.totals.cells.map(figureText),
            total: table.totals.total ? figureText(table.totals.total) : undefined,
          },
          derived: table.derived.map((d) => ({ label: d.label, text: derivedText(d) })),
          chart: { id: chartId, svg: chartSvg(table, chartId), description: chartDescription(table) },
          csv: links.csv(table.id),
        }
      }),
    })),
  }
}

/** Each table's rule, for the page's help text: which date puts a figure in the period. */
export const rulesOf = (report: SafeReport) =>
  report.sections.flatMap((s) => s.tables.map((t) => ({ title: t.title, rule: t.rule })))

/** A table of the report by its id. */
export const tableOf = (report: SafeReport, id: string) =>
  report.sections.flatMap((s) => s.tables).find((t) => t.id === id)

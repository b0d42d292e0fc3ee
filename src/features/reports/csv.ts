// A report table as CSV: a header row, a row for each line of the table, and the total row. A
// hidden figure reads "fewer than 5" or "not shown", as everywhere. Text cells that a spreadsheet would run as a
// formula (=, +, -, @) are written with a ' before them.
import type { SafeTable } from '../../domain/report-safe.ts'
import type { Figure } from '../../domain/report-suppression.ts'
import { hiddenText, NOT_SHOWN } from './figures.ts'

const cell = (value: string) => {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe
}
const figure = (f: Figure) => (f.suppressed ? hiddenText(f) : String(f.count))

export function tableCsv(table: SafeTable): string {
  const withTotal = table.rows.some((r) => r.total) || table.totals?.total !== undefined
  const lines: string[][] = [[table.rowHeading, ...table.columns, ...(withTotal ? ['Total'] : [])]]
  for (const row of table.rows) {
    lines.push([row.label, ...row.cells.map(figure), ...(row.total ? [figure(row.total)] : [])])
  }
  if (table.totals) {
    lines.push([
      'Total',
      ...table.totals.cells.map(figure),
      ...(table.totals.total ? [figure(table.totals.total)] : []),
    ])
  }
  for (const d of table.derived) {
    const text = d.suppressed ? NOT_SHOWN : d.value === null ? '' : String(d.value)
    lines.push([`${d.label} (${d.unit === 'percent' ? '%' : 'days'})`, text])
  }
  return lines.map((line) => line.map(cell).join(',')).join('\r\n') + '\r\n'
}

// Each table's chart, drawn on the server as SVG: horizontal bars with the figure written beside
// each bar (and, where a table has several columns, the column's name too), so nothing depends on
// colour, with a <title> and a text description of every figure. A hidden figure has no bar: it
// says "fewer than 5" or "not shown". Attributes only (no inline styles), for the content security policy.
import type { SafeTable } from '../../domain/report-safe.ts'
import type { Figure } from '../../domain/report-suppression.ts'
import { figureText } from './figures.ts'

const esc = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;')

// A different fill for each column (the words beside each bar say which it is as well).
const fills = ['#1d70b8', '#0b0c0c', '#505a5f', '#003078', '#6f777b']
const patterns = ['', 'hatch', '', 'hatch', 'dots']

const width = 780
const labelWidth = 230
const barArea = 250
const barHeight = 18
const gap = 6
const groupGap = 14
const fontSize = 14

/** Words too long for the label column, cut at a word with an ellipsis (the table beside has them whole). */
function shorten(text: string, max = 32): string {
  if (text.length <= max) return text
  const cut = text.slice(0, max - 1)
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 10))}…`
}

/** One sentence per row: "Phone: 7." or "Mediation declined: within 3 working days 12, later fewer than 5." */
export function chartDescription(table: SafeTable): string {
  const lines = table.rows.map((row) => {
    if (table.columns.length === 1) return `${row.label}: ${figureText(row.cells[0]!)}.`
    const parts = row.cells.map((cell, c) => `${table.columns[c]!.toLowerCase()} ${figureText(cell)}`)
    return `${row.label}: ${parts.join(', ')}.`
  })
  const total = table.totals ? (table.totals.total ?? table.totals.cells[0]) : undefined
  const kind = table.columns.length === 1 ? 'Bar chart' : 'Bar chart, one bar for each column of the table'
  if (!table.rows.length) return `${kind} of ${table.title.toLowerCase()}: nothing to count in this period.`
  return [`${kind} of ${lowerFirst(table.title)}.`, ...lines, ...(total ? [`Total: ${figureText(total)}.`] : [])].join(
    ' ',
  )
}

const lowerFirst = (s: string) => (/^[A-Z][a-z]/.test(s) ? s.charAt(0).toLowerCase() + s.slice(1) : s)

export function chartSvg(table: SafeTable, id: string): string {
  const series = table.columns.length
  const shownCounts = table.rows.flatMap((r) => r.cells).flatMap((f: Figure) => (f.suppressed ? [] : [f.count]))
  const max = Math.max(1, ...shownCounts)
  const groupHeight = series * barHeight + (series - 1) * gap
  const height = Math.max(1, table.rows.length) * (groupHeight + groupGap) + groupGap
  const parts: string[] = []
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="report-chart" role="img" width="100%" viewBox="0 0 ${width} ${height}"` +
      ` preserveAspectRatio="xMinYMin meet" aria-labelledby="${id}-title" aria-describedby="${id}-desc" focusable="false">`,
    `<title id="${id}-title">${esc(`Chart: ${table.title}`)}</title>`,
    `<desc id="${id}-desc">${esc(chartDescription(table))}</desc>`,
    `<defs><pattern id="${id}-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
      `<rect width="6" height="6" fill="#ffffff"/><rect width="3" height="6" fill="#0b0c0c"/></pattern>` +
      `<pattern id="${id}-dots" width="6" height="6" patternUnits="userSpaceOnUse">` +
      `<rect width="6" height="6" fill="#ffffff"/><circle cx="3" cy="3" r="1.6" fill="#0b0c0c"/></pattern></defs>`,
  )
  if (!table.rows.length) {
    parts.push(`<text x="0" y="${fontSize + 4}" font-size="${fontSize}" fill="#0b0c0c">Nothing to count</text>`)
  }
  table.rows.forEach((row, r) => {
    const top = groupGap + r * (groupHeight + groupGap)
    parts.push(
      `<text x="0" y="${top + groupHeight / 2 + fontSize / 3}" font-size="${fontSize}" fill="#0b0c0c">${esc(shorten(row.label))}</text>`,
    )
    row.cells.forEach((cell, c) => {
      const y = top + c * (barHeight + gap)
      const length = cell.suppressed || cell.count === 0 ? 0 : Math.max(2, Math.round((cell.count / max) * barArea))
      const fill = patterns[c % patterns.length]
        ? `url(#${id}-${patterns[c % patterns.length]})`
        : fills[c % fills.length]
      if (length) {
        parts.push(
          `<rect x="${labelWidth}" y="${y}" width="${length}" height="${barHeight}" fill="${fill}" stroke="#0b0c0c" stroke-width="1"/>`,
        )
      }
      const words = series > 1 ? `${shorten(table.columns[c]!, 26)}: ${figureText(cell)}` : figureText(cell)
      parts.push(
        `<text x="${labelWidth + length + 6}" y="${y + barHeight - 4}" font-size="${fontSize}" fill="#0b0c0c">${esc(words)}</text>`,
      )
    })
  })
  parts.push('</svg>')
  return parts.join('')
}

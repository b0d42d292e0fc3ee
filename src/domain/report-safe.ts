// The report as it may be given to anyone: every table with small numbers suppressed (also where
// another table shows the same figure), and the shares and medians worked out only from figures
// that are shown. This is what pages, downloads, the PDF and the API read, and what a report run
// keeps: a hidden figure's number is not in it.
import { figureAt, suppressGrid, type Figure, type Position, type SafeGrid } from './report-suppression.ts'
import { medianOf } from './report-facts.ts'
import { SAME_FIGURES, SECTIONS, type FigureRef, type SectionId, type TableSpec } from './report-table-spec.ts'

export interface SafeRow {
  key: string
  label: string
  cells: Figure[]
  /** The row's total, in a table with a total column. */
  total?: Figure
}

/** A share or a median: `value` is null when it is not shown (suppressed) or there is nothing to work out. */
export interface SafeDerived {
  label: string
  unit: 'percent' | 'days'
  value: number | null
  suppressed: boolean
}

export interface SafeTable {
  id: string
  section: SectionId
  title: string
  rule: string
  rowHeading: string
  columns: string[]
  rows: SafeRow[]
  /** The total row: each column's total, and the grand total in a table with a total column. */
  totals?: { cells: Figure[]; total?: Figure }
  derived: SafeDerived[]
}

export interface SafeReport {
  sections: { id: SectionId; title: string; tables: SafeTable[] }[]
}

const gridOf = (spec: TableSpec) => ({
  counts: spec.rows.map((r) => r.counts),
  rowTotals: spec.rowTotals,
  columnTotals: spec.columnTotals,
  columns: spec.columns.length,
})

function positionOf(spec: TableSpec, ref: FigureRef): Position | undefined {
  if ('total' in ref) {
    if (!spec.columnTotals) return undefined
    return spec.rowTotals ? { grandTotal: true } : { columnTotal: 0 }
  }
  const row = spec.rows.findIndex((r) => r.key === ref.row)
  if (row < 0) return undefined
  return spec.rowTotals ? { rowTotal: row } : { cell: [row, 0] }
}

/** Each table suppressed, hiding in every table a figure that one of them hides. */
function suppressAll(specs: readonly TableSpec[], same: readonly FigureRef[][]): SafeGrid[] {
  const forced = new Map<string, Position[]>()
  let grids = specs.map((spec) => suppressGrid(gridOf(spec)))
  // Each round hides one more figure somewhere, so this ends.
  for (let round = 0; round < 1000; round++) {
    let changed = false
    for (const group of same) {
      const found = group.flatMap((ref) => {
        const i = specs.findIndex((s) => s.id === ref.table)
        const position = i < 0 ? undefined : positionOf(specs[i]!, ref)
        const figure = position && figureAt(grids[i]!, position)
        return figure ? [{ i, position: position!, figure }] : []
      })
      if (!found.some((f) => f.figure.suppressed)) continue
      for (const f of found.filter((f) => !f.figure.suppressed)) {
        const id = specs[f.i]!.id
        forced.set(id, [...(forced.get(id) ?? []), f.position])
        changed = true
      }
    }
    if (!changed) break
    grids = specs.map((spec) => suppressGrid(gridOf(spec), forced.get(spec.id)))
  }
  return grids
}

function derivedOf(spec: TableSpec, grid: SafeGrid): SafeDerived[] {
  return spec.derived.map((d) => {
    if (d.kind === 'share') {
      const figures = [d.part, d.whole, ...d.also].map((p) => figureAt(grid, p))
      if (figures.some((f) => !f || f.suppressed))
        return { label: d.label, unit: 'percent', value: null, suppressed: true }
      const [part, whole] = figures as { count: number }[]
      const value = whole!.count === 0 ? null : Math.round((part!.count / whole!.count) * 100)
      return { label: d.label, unit: 'percent', value, suppressed: false }
    }
    const count = figureAt(grid, d.count)
    if (!count || count.suppressed) return { label: d.label, unit: 'days', value: null, suppressed: true }
    return { label: d.label, unit: 'days', value: medianOf(d.days) ?? null, suppressed: false }
  })
}

export function safeReport(specs: readonly TableSpec[], same: readonly FigureRef[][] = SAME_FIGURES): SafeReport {
  const grids = suppressAll(specs, same)
  const tables: SafeTable[] = specs.map((spec, i) => {
    const grid = grids[i]!
    return {
      id: spec.id,
      section: spec.section,
      title: spec.title,
      rule: spec.rule,
      rowHeading: spec.rowHeading,
      columns: spec.columns,
      rows: spec.rows.map((row, r) => ({
        key: row.key,
        label: row.label,
        cells: grid.cells[r]!,
        ...(grid.rowTotals ? { total: grid.rowTotals[r]! } : {}),
      })),
      ...(grid.columnTotals
        ? { totals: { cells: grid.columnTotals, ...(grid.grandTotal ? { total: grid.grandTotal } : {}) } }
        : {}),
      derived: derivedOf(spec, grid),
    }
  })
  return {
    sections: (Object.keys(SECTIONS) as SectionId[])
      .map((id) => ({ id, title: SECTIONS[id], tables: tables.filter((t) => t.section === id) }))
      .filter((s) => s.tables.length),
  }
}

/** Leaves out sections (complaints, say, before the register records any) by id. */
export function withoutSections(report: SafeReport, ids: readonly SectionId[]): SafeReport {
  return { sections: report.sections.filter((s) => !ids.includes(s.id)) }
}

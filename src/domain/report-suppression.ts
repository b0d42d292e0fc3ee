// Small-number suppression for the figures a council sees (and everyone else: a suppressed figure
// is never given anywhere). A count from 1 to 4 is hidden (primary suppression). Where a row's
// or a column's total is shown and exactly one figure in it is hidden, the next smallest figure
// in that row or column is hidden too (secondary suppression), and so on until no hidden figure
// can be worked out from the figures shown: first line by line, then over the whole table at once
// (a hidden figure that two rows and two columns together pin down is protected the same way).
//
// A hidden figure says which of two kinds it is, and no more: one from 1 to 4 reads "fewer than 5",
// any other (hidden only to protect one) reads "not shown". As that tells a reader more than
// "hidden", a hidden figure that the readings and one line (or several) narrow down to one
// number is protected the same way (report-bounds.ts).
//
// What comes out never holds a hidden figure's number: a hidden figure is
// { count: null, suppressed: true }, with small: true for one from 1 to 4.
import { pinnedByBounds, type Line } from './report-bounds.ts'

/** Counts from 1 to SMALLEST_SHOWN - 1 are hidden; 0 is shown. */
export const SMALLEST_SHOWN = 5

export type Figure = { count: number; suppressed: false } | { count: null; suppressed: true; small?: true }

/** A figure hidden to protect another: it reads "not shown". */
export const hidden: Figure = Object.freeze({ count: null, suppressed: true })
/** A hidden count from 1 to 4: it reads "fewer than 5". */
export const hiddenSmall: Figure = Object.freeze({ count: null, suppressed: true, small: true })
const shown = (count: number): Figure => ({ count, suppressed: false })

export interface CountGrid {
  /** Rows of cells, each row as long as the others: whole numbers from 0. */
  counts: readonly (readonly number[])[]
  /** Each row's total is shown (a total column). */
  rowTotals: boolean
  /** Each column's total is shown (a total row); with rowTotals, the grand total too. */
  columnTotals: boolean
  /** How many columns, for a grid with no rows (else the rows say). */
  columns?: number
}

export interface SafeGrid {
  cells: Figure[][]
  rowTotals?: Figure[]
  columnTotals?: Figure[]
  grandTotal?: Figure
}

/** A cell of the grid, or one of its totals. */
export type Position =
  { cell: [row: number, column: number] } | { rowTotal: number } | { columnTotal: number } | { grandTotal: true }

export const isSmall = (n: number) => n >= 1 && n < SMALLEST_SHOWN

/** The grid's figures as one list (cells, then row totals, column totals, the grand total) and its lines. */
function layout(grid: CountGrid) {
  const rows = grid.counts.length
  const columns = grid.counts[0]?.length ?? grid.columns ?? 0
  const values: number[] = grid.counts.flatMap((row) => [...row])
  const cell = (r: number, c: number) => r * columns + c
  const rowTotal = (r: number) => rows * columns + r
  const columnTotal = (c: number) => rows * columns + (grid.rowTotals ? rows : 0) + c
  const grand = rows * columns + (grid.rowTotals ? rows : 0) + (grid.columnTotals ? columns : 0)
  const sumRow = (r: number) => grid.counts[r]!.reduce((a, b) => a + b, 0)
  const sumColumn = (c: number) => grid.counts.reduce((a, row) => a + row[c]!, 0)
  const lines: Line[] = []
  const range = (n: number) => Array.from({ length: n }, (_, i) => i)
  if (grid.rowTotals) {
    for (const r of range(rows)) {
      values.push(sumRow(r))
      lines.push({ members: range(columns).map((c) => cell(r, c)), total: rowTotal(r) })
    }
  }
  if (grid.columnTotals) {
    for (const c of range(columns)) {
      values.push(sumColumn(c))
      lines.push({ members: range(rows).map((r) => cell(r, c)), total: columnTotal(c) })
    }
  }
  if (grid.rowTotals && grid.columnTotals) {
    values.push(values.slice(0, rows * columns).reduce((a, b) => a + b, 0))
    lines.push({ members: range(rows).map(rowTotal), total: grand })
    lines.push({ members: range(columns).map(columnTotal), total: grand })
  }
  const indexOf = (p: Position): number => {
    if ('cell' in p) return cell(p.cell[0], p.cell[1])
    if ('rowTotal' in p) return rowTotal(p.rowTotal)
    if ('columnTotal' in p) return columnTotal(p.columnTotal)
    return grand
  }
  return { rows, columns, values, lines, cell, rowTotal, columnTotal, grand, indexOf }
}

/**
 * The smallest figure not yet hidden among these, passing over zeros (a 0 shown is often known
 * anyway, such as a party that cannot decline, so hiding it protects nothing); the first of equals.
 */
function smallestShown(candidates: readonly number[], values: readonly number[], hide: ReadonlySet<number>) {
  let best: number | undefined
  for (const i of candidates)
    if (!hide.has(i) && values[i]! > 0 && (best === undefined || values[i]! < values[best]!)) best = i
  return best
}

/** A zero not yet hidden, when nothing else is left to hide. */
const shownZero = (candidates: readonly number[], values: readonly number[], hide: ReadonlySet<number>) =>
  candidates.find((i) => !hide.has(i) && values[i] === 0)

/**
 * The hidden figures (with a number other than 0) that the shown ones pin down, however the
 * lines are combined: those whose unit vector lies in the row space of the lines' equations over
 * the hidden figures (Gauss-Jordan elimination; the coefficients are 1, -1 and 0).
 */
export function workedOut(lines: readonly Line[], values: readonly number[], hide: ReadonlySet<number>): number[] {
  const unknowns = [...hide].sort((a, b) => a - b)
  const column = new Map(unknowns.map((u, i) => [u, i]))
  const matrix: number[][] = []
  for (const line of lines) {
    const row = new Array<number>(unknowns.length).fill(0)
    for (const m of line.members) {
      const c = column.get(m)
      if (c !== undefined) row[c] = 1
    }
    const t = column.get(line.total)
    if (t !== undefined) row[t] = -1
    if (row.some((v) => v !== 0)) matrix.push(row)
  }
  const eps = 1e-9
  const pivots: number[] = []
  let r = 0
  for (let c = 0; c < unknowns.length && r < matrix.length; c++) {
    let p = r
    for (let i = r + 1; i < matrix.length; i++) if (Math.abs(matrix[i]![c]!) > Math.abs(matrix[p]![c]!)) p = i
    if (Math.abs(matrix[p]![c]!) < eps) continue
    ;[matrix[r], matrix[p]] = [matrix[p]!, matrix[r]!]
    const lead = matrix[r]![c]!
    for (let k = c; k < unknowns.length; k++) matrix[r]![k]! /= lead
    for (let i = 0; i < matrix.length; i++) {
      if (i === r) continue
      const f = matrix[i]![c]!
      if (Math.abs(f) < eps) continue
      for (let k = c; k < unknowns.length; k++) matrix[i]![k]! -= f * matrix[r]![k]!
    }
    pivots.push(c)
    r++
  }
  const isPivot = new Set(pivots)
  const found: number[] = []
  pivots.forEach((c, row) => {
    const free = matrix[row]!.some((v, k) => !isPivot.has(k) && Math.abs(v) > eps)
    if (!free && values[unknowns[c]!] !== 0) found.push(unknowns[c]!)
  })
  return found
}

/** Hides what must be hidden; `alsoHide` names figures to hide whatever they are (one shown elsewhere hidden). */
export function suppressGrid(grid: CountGrid, alsoHide: readonly Position[] = []): SafeGrid {
  for (const row of grid.counts) {
    if (row.length !== grid.counts[0]!.length) throw new RangeError('Every row needs the same number of cells')
    for (const n of row) if (!Number.isInteger(n) || n < 0) throw new RangeError(`Not a count: ${n}`)
  }
  const g = layout(grid)
  const hide = new Set<number>()
  g.values.forEach((v, i) => isSmall(v) && hide.add(i))
  for (const p of alsoHide) hide.add(g.indexOf(p))

  // Each round hides one more figure, so this ends (at worst with every figure hidden).
  for (let round = 0; round <= g.values.length; round++) {
    const lone = g.lines.find((line) => [...line.members, line.total].filter((i) => hide.has(i)).length === 1)
    if (lone) {
      const next =
        smallestShown(lone.members, g.values, hide) ??
        (hide.has(lone.total) ? undefined : lone.total) ??
        shownZero(lone.members, g.values, hide)
      if (next !== undefined) hide.add(next)
      continue
    }
    const [pinned] = workedOut(g.lines, g.values, hide)
    const [narrowed] = pinned === undefined ? pinnedByBounds(g.lines, g.values, hide, SMALLEST_SHOWN) : []
    const target = pinned ?? narrowed
    if (target === undefined) break
    const around = g.lines.filter((line) => line.members.includes(target) || line.total === target)
    const members = around.flatMap((line) => line.members)
    const totals = around.map((line) => line.total)
    // Its own lines are all hidden: the others that pin it down get one more hidden figure.
    const wider = g.lines
      .filter((line) => [...line.members, line.total].some((i) => hide.has(i)))
      .flatMap((line) => [...line.members, line.total])
    const next =
      smallestShown(members, g.values, hide) ??
      smallestShown(totals, g.values, hide) ??
      shownZero([...members, ...totals], g.values, hide) ??
      smallestShown(wider, g.values, hide) ??
      shownZero(wider, g.values, hide)
    if (next === undefined) break
    hide.add(next)
  }

  const figure = (i: number) => (!hide.has(i) ? shown(g.values[i]!) : isSmall(g.values[i]!) ? hiddenSmall : hidden)
  const range = (n: number) => Array.from({ length: n }, (_, i) => i)
  return {
    cells: range(g.rows).map((r) => range(g.columns).map((c) => figure(g.cell(r, c)))),
    ...(grid.rowTotals ? { rowTotals: range(g.rows).map((r) => figure(g.rowTotal(r))) } : {}),
    ...(grid.columnTotals ? { columnTotals: range(g.columns).map((c) => figure(g.columnTotal(c))) } : {}),
    ...(grid.rowTotals && grid.columnTotals ? { grandTotal: figure(g.grand) } : {}),
  }
}

/** The figure at a position of a safe grid (undefined where the grid has no such total). */
export function figureAt(safe: SafeGrid, p: Position): Figure | undefined {
  if ('cell' in p) return safe.cells[p.cell[0]]?.[p.cell[1]]
  if ('rowTotal' in p) return safe.rowTotals?.[p.rowTotal]
  if ('columnTotal' in p) return safe.columnTotals?.[p.columnTotal]
  return safe.grandTotal
}

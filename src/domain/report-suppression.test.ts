import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { hidden, suppressGrid, type CountGrid, type Figure, type SafeGrid } from './report-suppression.ts'

const show = (n: number): Figure => ({ count: n, suppressed: false })

/** Every figure of the grid, with the same numbering for the real counts and the safe output. */
function positions(grid: CountGrid, safe: SafeGrid) {
  const rows = grid.counts.length
  const columns = grid.counts[0]!.length
  const real: number[] = []
  const out: Figure[] = []
  const lines: { members: number[]; total: number }[] = []
  grid.counts.forEach((row, r) => row.forEach((n, c) => (real.push(n), out.push(safe.cells[r]![c]!))))
  const at = (r: number, c: number) => r * columns + c
  const rowTotal: number[] = []
  const columnTotal: number[] = []
  if (grid.rowTotals)
    grid.counts.forEach((row, r) => {
      rowTotal.push(real.length)
      real.push(row.reduce((a, b) => a + b, 0))
      out.push(safe.rowTotals![r]!)
      lines.push({ members: row.map((_, c) => at(r, c)), total: rowTotal[r]! })
    })
  if (grid.columnTotals)
    for (let c = 0; c < columns; c++) {
      columnTotal.push(real.length)
      real.push(grid.counts.reduce((a, row) => a + row[c]!, 0))
      out.push(safe.columnTotals![c]!)
      lines.push({ members: grid.counts.map((_, r) => at(r, c)), total: columnTotal[c]! })
    }
  if (grid.rowTotals && grid.columnTotals) {
    const g = real.length
    real.push(real.slice(0, rows * columns).reduce((a, b) => a + b, 0))
    out.push(safe.grandTotal!)
    lines.push({ members: rowTotal, total: g }, { members: columnTotal, total: g })
  }
  return { real, out, lines }
}

/**
 * The reader's simple attack, repeated: a shown total less the shown figures of its line gives
 * the one figure left hidden, which then counts as shown for the next try.
 */
function bySubtraction(lines: { members: number[]; total: number }[], out: Figure[], real: number[]) {
  const known = new Set(out.flatMap((f, i) => (f.suppressed ? [] : [i])))
  const learnt = new Set<number>()
  for (let again = true; again;) {
    again = false
    for (const line of lines) {
      const unknown = [...line.members, line.total].filter((i) => !known.has(i))
      if (unknown.length === 1) {
        known.add(unknown[0]!)
        learnt.add(unknown[0]!)
        again = true
      }
    }
  }
  return [...learnt].filter((i) => real[i] !== 0)
}

/** Rank over the rationals, exactly (fraction-free elimination on BigInts): an independent check. */
function rank(rows: bigint[][]): number {
  const m = rows.map((r) => [...r])
  let rank = 0
  const width = m[0]?.length ?? 0
  for (let c = 0; c < width && rank < m.length; c++) {
    const p = m.findIndex((row, i) => i >= rank && row[c] !== 0n)
    if (p < 0) continue
    ;[m[rank], m[p]] = [m[p]!, m[rank]!]
    for (let i = rank + 1; i < m.length; i++) {
      const f = m[i]![c]!
      if (f === 0n) continue
      const lead = m[rank]![c]!
      m[i] = m[i]!.map((v, k) => v * lead - f * m[rank]![k]!)
    }
    rank++
  }
  return rank
}

/** Hidden figures (other than 0) that any combination of the lines pins down. */
function byAnyCombination(lines: { members: number[]; total: number }[], out: Figure[], real: number[]) {
  const unknowns = out.flatMap((f, i) => (f.suppressed ? [i] : []))
  const equations = lines.map((line) =>
    unknowns.map((u) => (line.members.includes(u) ? 1n : line.total === u ? -1n : 0n)),
  )
  const r = rank(equations)
  return unknowns.filter((u, k) => {
    if (real[u] === 0) return false
    const unit = unknowns.map((_, j) => (j === k ? 1n : 0n))
    return rank([...equations, unit]) === r
  })
}

const grids = fc.record({
  counts: fc.tuple(fc.integer({ min: 1, max: 6 }), fc.integer({ min: 1, max: 5 })).chain(([rows, columns]) =>
    fc.array(
      fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 60 })), {
        minLength: columns,
        maxLength: columns,
      }),
      { minLength: rows, maxLength: rows },
    ),
  ),
  rowTotals: fc.boolean(),
  columnTotals: fc.boolean(),
})

describe('small-number suppression', () => {
  it('hides every count from 1 to 4, totals included, and shows 0 and 5 as they are', () => {
    const safe = suppressGrid({ counts: [[0], [3], [5], [20]], rowTotals: false, columnTotals: true })
    assert.deepEqual(
      safe.cells.map(([f]) => f),
      [show(0), hidden, hidden, show(20)],
      'the 3 alone in its column would be the total less the others: the next smallest (5) goes too',
    )
    assert.deepEqual(safe.columnTotals, [show(28)])
    const small = suppressGrid({ counts: [[1], [2]], rowTotals: false, columnTotals: true })
    assert.deepEqual(small, { cells: [[hidden], [hidden]], columnTotals: [hidden] })
  })

  it('hides the next smallest cell of a row and of a column with a lone hidden cell (secondary suppression)', () => {
    const safe = suppressGrid({
      counts: [
        [2, 10, 12],
        [20, 30, 40],
      ],
      rowTotals: true,
      columnTotals: true,
    })
    // The 2 is alone in its row (total 24) and its column (total 22): the 10 in the row and the 20
    // in the column go; then the 10's column and the 20's row each have two hidden cells, or more.
    assert.equal(safe.cells[0]![0], hidden)
    assert.equal(safe.cells[0]![1], hidden)
    assert.equal(safe.cells[1]![0], hidden)
    assert.deepEqual(safe.grandTotal, show(114))
  })

  it('protects a cell that two rows and two columns pin down together', () => {
    // Found by the property below when only rows and columns one at a time were checked: every
    // line then had two hidden figures or none, yet sums and differences of lines gave some away.
    const grid: CountGrid = {
      counts: [
        [0, 0, 2, 3],
        [0, 0, 0, 0],
        [1, 1, 0, 5],
        [0, 0, 0, 0],
        [0, 1, 1, 1],
        [4, 1, 5, 0],
      ],
      rowTotals: true,
      columnTotals: true,
    }
    const safe = suppressGrid(grid)
    const { real, out, lines } = positions(grid, safe)
    assert.deepEqual(byAnyCombination(lines, out, real), [])
  })

  it('never gives a hidden figure: no number, only { count: null, suppressed: true }', () => {
    fc.assert(
      fc.property(grids, (grid) => {
        const { out } = positions(grid, suppressGrid(grid))
        for (const f of out) {
          if (f.suppressed) assert.deepEqual(f, { count: null, suppressed: true })
          else assert.equal(typeof f.count, 'number')
        }
      }),
      { numRuns: 400 },
    )
  })

  it('hides every count from 1 to 4 and shows every other figure exactly as counted', () => {
    fc.assert(
      fc.property(grids, (grid) => {
        const { real, out } = positions(grid, suppressGrid(grid))
        real.forEach((n, i) => {
          if (n >= 1 && n <= 4) assert.equal(out[i]!.suppressed, true, `${n} at ${i} is hidden`)
          if (!out[i]!.suppressed) assert.equal(out[i]!.count, n)
        })
      }),
      { numRuns: 400 },
    )
  })

  it('no hidden figure can be recovered by subtracting shown figures from a shown total, however often repeated', () => {
    fc.assert(
      fc.property(grids, (grid) => {
        const { real, out, lines } = positions(grid, suppressGrid(grid))
        assert.deepEqual(bySubtraction(lines, out, real), [])
      }),
      { numRuns: 600 },
    )
  })

  it('nor by any sum and difference of rows, columns and totals', () => {
    fc.assert(
      fc.property(grids, (grid) => {
        const { real, out, lines } = positions(grid, suppressGrid(grid))
        assert.deepEqual(byAnyCombination(lines, out, real), [])
      }),
      { numRuns: 400 },
    )
  })

  it('hides what it is told to (a figure hidden in another table) and still protects it', () => {
    fc.assert(
      fc.property(grids, fc.nat(), (grid, seed) => {
        const r = seed % grid.counts.length
        const c = seed % grid.counts[0]!.length
        const safe = suppressGrid(grid, [{ cell: [r, c] }])
        assert.equal(safe.cells[r]![c], hidden)
        const { real, out, lines } = positions(grid, safe)
        assert.deepEqual(bySubtraction(lines, out, real), [])
      }),
      { numRuns: 200 },
    )
  })

  it('refuses a grid that is not counts', () => {
    assert.throws(() => suppressGrid({ counts: [[1.5]], rowTotals: false, columnTotals: false }), RangeError)
    assert.throws(() => suppressGrid({ counts: [[1, 2], [3]], rowTotals: true, columnTotals: false }), RangeError)
  })
})

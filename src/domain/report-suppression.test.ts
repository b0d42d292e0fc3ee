import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import fc from 'fast-check'
import { hidden, hiddenSmall, suppressGrid, type CountGrid, type Figure, type SafeGrid } from './report-suppression.ts'

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

/** The values a hidden figure may have, as it reads: "fewer than 5", or "not shown" (0 or 5 up). */
function readings(f: Figure, cap: number, zero: boolean): number[] {
  if (!f.suppressed) return [f.count]
  if (f.small) return [1, 2, 3, 4]
  const up = Array.from({ length: Math.max(0, cap - 4) }, (_, k) => k + 5)
  return zero ? [0, ...up] : up
}

/** Every sum of one value from each set, up to cap. */
function sums(sets: number[][], cap: number): Set<number> {
  let out = new Set([0])
  for (const set of sets) {
    const next = new Set<number>()
    for (const a of out) for (const b of set) if (a + b <= cap) next.add(a + b)
    out = next
  }
  return out
}

/**
 * The reader's attack with the readings, one line at a time: the values a hidden figure can have
 * that fit its line's total (shown, or read as fewer than 5) with the others' possible values.
 * Those whose only possible value is their own are given away (0 aside); lines whose figures are
 * all hidden are left out (nothing more can be hidden there). Both readers: one who knows a
 * "not shown" may be 0, and one who takes it as 5 or more.
 */
function byReadings(lines: { members: number[]; total: number }[], out: Figure[], real: number[]) {
  const found = new Set<number>()
  for (const line of lines) {
    const all = [...line.members, line.total]
    const t = out[line.total]!
    if (all.every((i) => out[i]!.suppressed) || (t.suppressed && !t.small)) continue
    const cap = t.suppressed ? 4 : t.count
    for (const zero of [true, false]) {
      const totals = readings(t, cap, zero)
      for (const i of all) {
        if (!out[i]!.suppressed || real[i] === 0) continue
        const others = line.members.filter((m) => m !== i).map((m) => readings(out[m]!, cap, zero))
        const rest = sums(others, cap)
        const possible =
          i === line.total
            ? totals.filter((v) => rest.has(v))
            : readings(out[i]!, cap, zero).filter((v) => totals.some((total) => rest.has(total - v)))
        if (possible.length === 1 && possible[0] === real[i]) found.add(i)
      }
    }
  }
  return [...found]
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
      [show(0), hiddenSmall, hidden, show(20)],
      'the 3 alone in its column would be the total less the others: the next smallest (5) goes too',
    )
    assert.deepEqual(safe.columnTotals, [show(28)])
    const small = suppressGrid({ counts: [[1], [2]], rowTotals: false, columnTotals: true })
    assert.deepEqual(small, { cells: [[hiddenSmall], [hiddenSmall]], columnTotals: [hiddenSmall] })
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
    assert.equal(safe.cells[0]![0], hiddenSmall)
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

  it('never gives a hidden figure: no number, only whether it is from 1 to 4 (small) or not', () => {
    fc.assert(
      fc.property(grids, (grid) => {
        const { real, out } = positions(grid, suppressGrid(grid))
        out.forEach((f, i) => {
          if (!f.suppressed) assert.equal(typeof f.count, 'number')
          else if (real[i]! >= 1 && real[i]! <= 4) assert.deepEqual(f, { count: null, suppressed: true, small: true })
          else assert.deepEqual(f, { count: null, suppressed: true }, `${real[i]} at ${i} is not marked small`)
        })
      }),
      { numRuns: 400 },
    )
  })

  it('hides more where the readings give a figure away: two "fewer than 5" over a total of 2 are both 1', () => {
    // Upheld 1, partly upheld 1, not upheld 5, total 7: 1 and 1 hidden would be 2 between them,
    // so both 1. With the 5 hidden too, a reader who takes "not shown" as 5 or more still gets 1,
    // 1 and 5 (only a hidden 0 would let them be 3 and 4), so the total goes too.
    const three = suppressGrid({ counts: [[1], [1], [5]], rowTotals: false, columnTotals: true })
    assert.deepEqual(three, { cells: [[hiddenSmall], [hiddenSmall], [hidden]], columnTotals: [hidden] })
    // 1 and 5 over 6: "not shown" over 6 less "fewer than 5" is from 2 to 5, so 5, and the other 1.
    // The total goes too: then nothing pins them.
    const two = suppressGrid({ counts: [[1], [5]], rowTotals: false, columnTotals: true })
    assert.deepEqual(two, { cells: [[hiddenSmall], [hidden]], columnTotals: [hidden] })
    // 2 and 5 over 7 could be 2 and 5 or 1 and 6: the total stays.
    const fine = suppressGrid({ counts: [[2], [5]], rowTotals: false, columnTotals: true })
    assert.deepEqual(fine, { cells: [[hiddenSmall], [hidden]], columnTotals: [show(7)] })
  })

  it('cannot protect four 1s whose total is 4: each reads "fewer than 5", and so does the total', () => {
    // Every figure of the line is hidden and there is no other line to hide in: a reader can
    // still tell that four figures of at least 1 adding up to fewer than 5 are each 1.
    const ones = suppressGrid({ counts: [[1], [1], [1], [1]], rowTotals: false, columnTotals: true })
    assert.deepEqual(ones.cells.flat(), [hiddenSmall, hiddenSmall, hiddenSmall, hiddenSmall])
    assert.deepEqual(ones.columnTotals, [hiddenSmall])
  })

  it('no hidden figure can be worked out from its line with the readings ("fewer than 5", "not shown")', () => {
    // Found by this property with other seeds: the reader who takes "not shown" as 5 or more was
    // tried over the whole table at once, so one hidden 0 anywhere made nothing fit and hid what
    // its other lines gave away.
    for (const counts of [
      [
        [5, 1, 5],
        [0, 0, 0],
        [0, 4, 0],
      ],
      [
        [10, 0, 1],
        [0, 0, 1],
        [5, 2, 0],
        [7, 1, 2],
        [0, 0, 1],
      ],
    ]) {
      const grid = { counts, rowTotals: true, columnTotals: true }
      const { real, out, lines } = positions(grid, suppressGrid(grid))
      assert.deepEqual(byReadings(lines, out, real), [], JSON.stringify(counts))
    }
    fc.assert(
      fc.property(grids, (grid) => {
        const { real, out, lines } = positions(grid, suppressGrid(grid))
        assert.deepEqual(byReadings(lines, out, real), [])
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
        const n = grid.counts[r]![c]!
        assert.equal(safe.cells[r]![c], n >= 1 && n <= 4 ? hiddenSmall : hidden)
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

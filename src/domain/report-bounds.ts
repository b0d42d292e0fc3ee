// What a reader can narrow a hidden figure down to, line by line, once a hidden figure says more
// than "hidden": one from 1 to 4 reads "fewer than 5", any other reads "not shown" (so it is 0, or
// 5 or more). Two "fewer than 5" over a total of 2 are both 1; "fewer than 5" and "not shown" over
// 6 are 1 and 5. Each figure's possible values are narrowed by every line it is in (its total less
// the others' possible sums), again and again, until nothing changes; a hidden figure left with
// one possible value, its own, is given away. A reader who takes "not shown" to mean 5 or more
// (forgetting the rare hidden 0) is tried too: they are right on every line with no hidden 0.

/** Whole numbers from lo to hi (hi may be Infinity, lo -Infinity). */
type Span = readonly [lo: number, hi: number]
/** Spans sorted, apart and not touching: a set of whole numbers. */
type Values = readonly Span[]

export interface Line {
  members: number[]
  total: number
}

function tidy(spans: Span[]): Values {
  const sorted = spans.filter(([lo, hi]) => lo <= hi).sort((a, b) => a[0] - b[0])
  const out: [number, number][] = []
  for (const [lo, hi] of sorted) {
    const last = out.at(-1)
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi)
    else out.push([lo, hi])
  }
  return out
}

const plus = (a: Values, b: Values): Values =>
  tidy(a.flatMap(([l1, h1]) => b.map(([l2, h2]): Span => [l1 + l2, h1 + h2])))
const minus = (a: Values): Values => tidy(a.map(([lo, hi]): Span => [-hi, -lo]))
const within = (a: Values, b: Values): Values =>
  tidy(a.flatMap(([l1, h1]) => b.map(([l2, h2]): Span => [Math.max(l1, l2), Math.min(h1, h2)])))
const sumOf = (sets: Values[]): Values => sets.reduce(plus, [[0, 0]])
const same = (a: Values, b: Values) =>
  a.length === b.length && a.every(([lo, hi], i) => lo === b[i]![0] && hi === b[i]![1])

/** Each figure's possible values once every line has narrowed them as far as they go. */
function narrowed(lines: readonly Line[], start: Values[]): Values[] {
  const possible = [...start]
  // Sets only shrink; the cap is for spans that could creep up without end (none do in a table).
  for (let round = 0; round < 50; round++) {
    let changed = false
    for (const line of lines) {
      const all = [...line.members, line.total]
      for (const i of all) {
        if (possible[i]!.length === 1 && possible[i]![0]![0] === possible[i]![0]![1]) continue
        // A member is the total less the other members; the total is the members' sum.
        const others = line.members.filter((m) => m !== i).map((m) => possible[m]!)
        const from = i === line.total ? sumOf(others) : plus(possible[line.total]!, minus(sumOf(others)))
        const next = within(possible[i]!, from)
        if (!same(next, possible[i]!)) {
          possible[i] = next
          changed = true
        }
      }
    }
    if (!changed) break
  }
  return possible
}

/**
 * The hidden figures (other than 0) that the lines and the readings narrow down to their own
 * number, where a hidden figure from 1 to `smallestShown` - 1 reads as small and any other does not.
 */
export function pinnedByBounds(
  lines: readonly Line[],
  values: readonly number[],
  hide: ReadonlySet<number>,
  smallestShown: number,
): number[] {
  const small: Values = [[1, smallestShown - 1]]
  const found = new Set<number>()
  for (const notShown of [
    [
      [0, 0],
      [smallestShown, Infinity],
    ],
    [[smallestShown, Infinity]],
  ] as Values[]) {
    const start = values.map((v, i): Values => {
      if (!hide.has(i)) return [[v, v]]
      return v >= 1 && v < smallestShown ? small : notShown
    })
    // The reader who forgets the hidden 0 reasons soundly over the lines with no hidden 0; on a
    // line with one nothing fits, yet a guess from that line alone can still land on a figure.
    const forgetsZero = notShown.length === 1
    const hasHiddenZero = (line: Line) => [...line.members, line.total].some((i) => hide.has(i) && values[i] === 0)
    const readers = forgetsZero
      ? [lines.filter((line) => !hasHiddenZero(line)), ...lines.filter(hasHiddenZero).map((line) => [line])]
      : [lines]
    for (const seen of readers) {
      const possible = narrowed(seen, start)
      for (const i of hide) {
        const p = possible[i]!
        if (values[i] !== 0 && p.length === 1 && p[0]![0] === values[i] && p[0]![1] === values[i]) found.add(i)
      }
    }
  }
  return [...found].sort((a, b) => a - b)
}

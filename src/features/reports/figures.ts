// How figures read, the same everywhere (pages, charts, CSV, PDF): a hidden count from 1 to 4
// reads "fewer than 5"; any other hidden figure (hidden so that a small one cannot be worked out
// from the totals, or because another table hides it) reads "not shown", as does a hidden share
// or median.
import type { SafeDerived } from '../../domain/report-safe.ts'
import type { Figure } from '../../domain/report-suppression.ts'

export const NOT_SHOWN = 'not shown'
export const FEWER_THAN_5 = 'fewer than 5'

export const SUPPRESSION_NOTE =
  'To protect the people counted, a number from 1 to 4 is shown as "fewer than 5". Where the totals would let someone work out a number like that, the next smallest number in its row or column (or a total) is hidden too. It reads "not shown".'

const number = new Intl.NumberFormat('en-GB')

/** "fewer than 5" or "not shown", for a hidden figure. */
export const hiddenText = (f: Figure & { suppressed: true }) => (f.small ? FEWER_THAN_5 : NOT_SHOWN)

/** "1,234", "fewer than 5" or "not shown". */
export const figureText = (f: Figure) => (f.suppressed ? hiddenText(f) : number.format(f.count))

/** A share as "60%", a median as "19 days"; "not shown", or "nothing to work out" when there is nothing to count. */
export function derivedText(d: SafeDerived): string {
  if (d.suppressed) return NOT_SHOWN
  if (d.value === null) return 'nothing to work out'
  if (d.unit === 'percent') return `${d.value}%`
  return d.value === 1 ? '1 day' : `${number.format(d.value)} days`
}

// How figures read, the same everywhere (pages, charts, CSV, PDF): a hidden figure reads "not
// shown" whatever hid it, so that a count from 1 to 4 cannot be told from one hidden with it.
import type { SafeDerived } from '../../domain/report-safe.ts'
import type { Figure } from '../../domain/report-suppression.ts'

export const NOT_SHOWN = 'not shown'

export const SUPPRESSION_NOTE =
  'To protect the people counted, a number from 1 to 4 (fewer than 5) is not shown. Nor is another number in the same row or column where the total would give the small one away. Both read "not shown", so one cannot be told from the other.'

const number = new Intl.NumberFormat('en-GB')

/** "1,234", or "not shown". */
export const figureText = (f: Figure) => (f.suppressed ? NOT_SHOWN : number.format(f.count))

/** A share as "60%", a median as "19 days"; "not shown", or "nothing to work out" when there is nothing to count. */
export function derivedText(d: SafeDerived): string {
  if (d.suppressed) return NOT_SHOWN
  if (d.value === null) return 'nothing to work out'
  if (d.unit === 'percent') return `${d.value}%`
  return d.value === 1 ? '1 day' : `${number.format(d.value)} days`
}

// Dates as people write them in spreadsheets: 2026-10-19, 19/10/2026 (or 19-10-2026, 19.10.2026;
// always day first, as in England), and 19 October 2026 (or 19 Oct 2026).
const months = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']

export function readDate(text: string): string | undefined {
  const value = /\s\s/.test(text) ? text.trim().replace(/\s+/g, ' ') : text.trim()
  let y: number, m: number, d: number
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(value)
  const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(value)
  const words = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+),? (\d{4})$/i.exec(value)
  if (iso) [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])]
  else if (dmy) [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])]
  else if (words) {
    const name = words[2]!.toLowerCase()
    const index = months.findIndex((mo) => name.startsWith(mo) && (name.length === 3 || fullMonth(mo, name)))
    if (index < 0) return undefined
    ;[d, m, y] = [Number(words[1]), index + 1, Number(words[3])]
  } else return undefined
  const date = new Date(Date.UTC(y, m - 1, d))
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined
  return date.toISOString().slice(0, 10)
}

const fullNames: Record<string, string> = {
  jan: 'january',
  feb: 'february',
  mar: 'march',
  apr: 'april',
  may: 'may',
  jun: 'june',
  jul: 'july',
  aug: 'august',
  sep: 'september',
  oct: 'october',
  nov: 'november',
  dec: 'december',
}
const fullMonth = (short: string, name: string) => name === fullNames[short] || (short === 'sep' && name === 'sept')

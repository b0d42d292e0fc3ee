// The retention pages are for administrators only: they see every council's schedule and cases.
export const adminOnly = { access: ['administrator'] as const }

/** Months as people say them: "6 years", "18 months", "1 year". */
export function monthsText(months: number): string {
  if (months % 12 === 0) return `${months / 12} ${months === 12 ? 'year' : 'years'}`
  return `${months} ${months === 1 ? 'month' : 'months'}`
}

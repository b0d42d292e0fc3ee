/** A case's reference as people read it out: MED-2026-000123 (the year it was opened, a number). */
export function formatCaseReference(year: number, n: number): string {
  return `MED-${year}-${String(n).padStart(6, '0')}`
}

export const caseReferencePattern = /^MED-\d{4}-\d{6}$/

// Ages on a given day, for the rule that a young person asking for themselves is 16 to 25.
// Whole calendar dates (YYYY-MM-DD), no time zones. Someone born on 29 February turns a year
// older on 1 March in a year that is not a leap year.

/** Age in whole years on `today` of someone born on `dateOfBirth` (both YYYY-MM-DD). */
export function ageOn(dateOfBirth: string, today: string): number {
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number]
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number]
  const hadBirthday = tm > bm || (tm === bm && td >= bd)
  return ty - by - (hadBirthday ? 0 : 1)
}

export const youngPersonMinAge = 16
export const youngPersonMaxAge = 25

/** True if someone with this date of birth is aged 16 to 25 on `today`. */
export function isYoungPersonAge(dateOfBirth: string, today: string): boolean {
  const age = ageOn(dateOfBirth, today)
  return age >= youngPersonMinAge && age <= youngPersonMaxAge
}

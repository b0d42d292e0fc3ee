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

/**
 * Said, never refused, when a child's date of birth makes them older than 25 on `on`: the service
 * is for children and young people up to 25, but a mistyped year is likelier than an adult child,
 * and a real case (a plan ceased at 25, say) must still be able to go on. Undefined otherwise.
 */
export function overAgeWarning(dateOfBirth: string, on: string): string | undefined {
  const age = ageOn(dateOfBirth, on)
  if (age <= youngPersonMaxAge) return undefined
  return `This date of birth means they are ${age}. The service is for children and young people up to the age of ${youngPersonMaxAge}: check the date of birth.`
}

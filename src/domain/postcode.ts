import { parse } from 'postcode'

/** A UK postcode in its standard form ("WA1 1AB"), or null if it is not a valid postcode. */
export function normalisePostcode(input: string): string | null {
  const parsed = parse(input.trim())
  return parsed.valid ? parsed.postcode : null
}

/** The council whose area holds the postcode's district, where we know it. */
export function authorityForPostcode<A extends { postcodeDistricts: string[] }>(
  postcode: string,
  authorities: A[],
): A | undefined {
  const parsed = parse(postcode)
  if (!parsed.valid) return undefined
  return authorities.find((a) => a.postcodeDistricts.includes(parsed.district))
}

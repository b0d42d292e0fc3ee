import { z } from 'zod'

export const MAX_PER_PAGE = 100
export const DEFAULT_PER_PAGE = 50

const whole = (name: string, max: number) =>
  z
    .string()
    .regex(/^\d+$/, { error: `${name} must be a whole number` })
    .transform(Number)
    .pipe(
      z
        .number()
        .min(1, { error: `${name} must be 1 or more` })
        .max(max, { error: `${name} must be ${max} or less` }),
    )

/** The standard's paging: page from 1, per_page at most 100. Its other filters are not offered and are ignored. */
export const pageQuery = z.looseObject({
  page: whole('page', 1_000_000).default(1),
  per_page: whole('per_page', MAX_PER_PAGE).default(DEFAULT_PER_PAGE),
})

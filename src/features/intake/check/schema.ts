import { z } from 'zod'

const outOfDate = 'This form is out of date. Reload the page and try again.'

/**
 * The check page's form carries only its one-time key. Any key is read (one from an old page
 * shows the answers as they are now); a post without one is refused.
 */
export const sendSchema = z
  .object({
    _csrf: z.string(),
    submissionKey: z.string({ error: outOfDate }).min(1, { error: outOfDate }).max(100, { error: outOfDate }),
  })
  .strict()

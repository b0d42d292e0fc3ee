import { z } from 'zod'
import { asArray } from '../../../../web/forms.ts'

// Who came: the bookings ticked (none ticked is an answer too: nobody came).
export const attendanceSchema = z
  .object({
    _csrf: z.string(),
    attended: z.preprocess(asArray, z.array(z.guid({ error: 'Select the people who came' })).max(1000)),
  })
  .strict()

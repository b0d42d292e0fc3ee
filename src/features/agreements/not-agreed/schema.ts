import { z } from 'zod'
import { asArray, text } from '../../../web/forms.ts'

export const notAgreedSchema = z
  .object({
    _csrf: z.string(),
    agreementVersion: z.string().max(10).optional(),
    notAgreed: text(false, 8000, 'What was not agreed'),
    checkIns: z.preprocess(asArray, z.array(z.literal('yes', { error: 'Select from the list' })).max(1)),
  })
  .strict()
  .transform((v) => ({
    ...v,
    list: v.notAgreed
      .split(/\r?\n/)
      .map((s) => s.trim())
      .filter(Boolean),
    checkInsAgreed: v.checkIns.includes('yes'),
    version: v.agreementVersion ? Number(v.agreementVersion) : undefined,
  }))
  .refine((v) => v.list.length <= 50, { error: 'List 50 issues or fewer', path: ['notAgreed'] })

import { z } from 'zod'

export const passwordSchema = z
  .object({
    _csrf: z.string(),
    password: z
      .string()
      .min(1, 'Enter a new password')
      .min(12, 'Password must be 12 characters or more')
      .max(200, 'Password must be 200 characters or fewer'),
    confirm: z.string().min(1, 'Enter the new password again'),
  })
  .strict()
  .refine((f) => f.password === f.confirm, {
    path: ['confirm'],
    message: 'The passwords do not match: enter the same password twice',
  })

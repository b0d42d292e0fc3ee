import { z } from 'zod'

export const signInSchema = z
  .object({
    _csrf: z.string(),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .min(1, 'Enter your email address')
      .email('Enter an email address in the correct format, like name@example.com'),
    password: z.string().min(1, 'Enter your password').max(200, 'Password must be 200 characters or fewer'),
    next: z.string().optional(),
  })
  .strict()

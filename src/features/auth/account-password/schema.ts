import { z } from 'zod'
import { passwordProblem } from '../../../domain/password-policy.ts'

/**
 * The new password twice, checked against the policy for this person (domain/password-policy.ts),
 * and the current one, unless they have just signed in with a one-time password.
 */
export const passwordSchemaFor = (person: { email: string; name: string }, askCurrent: boolean) =>
  z
    .object({
      _csrf: z.string(),
      ...(askCurrent ? { current: z.string().min(1, 'Enter your current password').max(200) } : {}),
      password: z.string().superRefine((password, ctx) => {
        const problem = passwordProblem(password, person)
        if (problem) ctx.addIssue({ code: 'custom', message: problem })
      }),
      confirm: z.string().min(1, 'Enter the new password again'),
    })
    .strict()
    .refine((f) => !f.password || f.password === f.confirm, {
      path: ['confirm'],
      message: 'The passwords do not match: enter the same password twice',
    })

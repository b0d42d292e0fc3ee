import { z } from 'zod'
import { submissionKey, text } from '../../../web/forms.ts'
import { issueAreas } from '../labels.ts'

export const issueMaxLength = 2000

export const addIssueSchema = z
  .object({
    _csrf: z.string(),
    submissionKey,
    party: z.guid({ error: 'Select whose issue this is' }),
    issueText: text("Enter the issue in the party's own words", issueMaxLength, 'The issue'),
    area: z.enum(Object.keys(issueAreas) as [keyof typeof issueAreas], {
      error: 'Select whether the issue is about education, health or social care',
    }),
  })
  .strict()

// A missing or altered version can never match the case's, so it reads as "someone else changed this".
const version = z.coerce.number().int().positive().catch(0)

export const moveSchema = z
  .object({
    _csrf: z.string(),
    version,
    move: z.string().regex(/^[0-9a-fA-F-]{36}:(up|down)$/, { error: 'Select an issue to move' }),
  })
  .strict()

export const mergeSchema = z
  .object({
    _csrf: z.string(),
    version,
    issue: z.guid({ error: 'Select the issue to merge' }),
    into: z.guid({ error: 'Select the issue to merge it into' }),
  })
  .strict()

// The shapes of the jsonb columns of meeting_records and agreements, checked on every write (the
// repositories parse with these), so what is read back is what the types say.
import { z } from 'zod'
import type {
  AgreementContent,
  AttendanceEntry,
  GroundRulesAgreed,
  IssueOutcomes,
} from '../../domain/agreement-content.ts'
import { GROUND_RULE_KEYS } from '../../domain/agreement-content.ts'
import { ISSUE_OUTCOMES } from '../../domain/agreement-rules.ts'

export const attendanceSchema: z.ZodType<AttendanceEntry[]> = z.array(
  z
    .object({
      attendeeId: z.guid().optional(),
      partyId: z.guid().nullable(),
      name: z.string(),
      role: z.string(),
      party: z.string(),
      attended: z.boolean(),
      hadAuthorityToAgree: z.boolean(),
    })
    .strict(),
)

export const groundRulesSchema: z.ZodType<GroundRulesAgreed> = z.partialRecord(z.enum(GROUND_RULE_KEYS), z.boolean())

export const issueOutcomesSchema: z.ZodType<IssueOutcomes> = z.record(z.guid(), z.enum(ISSUE_OUTCOMES))

export const notAgreedSchema: z.ZodType<string[]> = z.array(z.string())

const nullableText = z.string().nullable()

export const agreementContentSchema: z.ZodType<AgreementContent> = z
  .object({
    title: z.string(),
    caseReference: z.string(),
    service: z.string(),
    childName: z.string(),
    madeOn: z.iso.date(),
    version: z.number().int(),
    meeting: z.object({ day: z.iso.date(), startedAt: nullableText, endedAt: nullableText }).strict().nullable(),
    parties: z.array(z.object({ name: z.string(), accepted: nullableText }).strict()),
    attended: z.array(
      z.object({ name: z.string(), role: z.string(), party: z.string(), hadAuthorityToAgree: z.boolean() }).strict(),
    ),
    groundRules: z.array(z.object({ text: z.string(), agreed: z.boolean() }).strict()),
    outcome: z.enum(['agreement', 'partial', 'none']),
    points: z.array(
      z
        .object({
          number: z.number().int(),
          responsible: z.string(),
          what: z.string(),
          byWhen: nullableText,
          howKnown: nullableText,
          appealable: nullableText,
          ownTimescaleAgreed: z.boolean(),
          statutoryDueDate: z.iso.date(),
          dueDate: z.iso.date(),
          rule: z.string(),
        })
        .strict(),
    ),
    notAgreed: z.array(z.string()),
    checkInsAgreed: z.boolean(),
    acceptanceNote: nullableText,
    provider: z.object({ name: z.string(), phone: z.string(), email: z.string() }).strict(),
  })
  .strict()

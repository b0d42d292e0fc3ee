// The JSON API's building blocks, shared by its request and response shapes: dates in the range
// the calendar supports, text, the event types, deadline names and statuses, the appeal's subject.
import { z } from 'zod'
import { EHC_DECISIONS, PLAN_SECTIONS } from '../../domain/appeal-subject.ts'
import { SUPPORTED_DATES, unsupportedDate } from '../../domain/calendar.ts'
import { CASE_EVENT_TYPES, type DeadlineName } from '../../domain/clocks.ts'
import type { WorkflowEventType } from '../../domain/workflow.ts'

export const keysOf = <T extends Record<string, unknown>>(record: T) =>
  Object.keys(record) as [keyof T & string, ...(keyof T & string)[]]

/** The workflow event types the API records and the what-if accepts (issue 3, section 6). */
export const API_EVENT_TYPES = [
  'decision-letter-sent',
  'adviser-contacted',
  'mediation-declined',
  'mediation-requested',
  'health-body-notified',
  'cannot-arrange',
  'meeting-scheduled',
  'meeting-notice-sent',
  'mediation-concluded',
  'withdrawn',
  'certificate-issued',
  'scope-decided',
  'party-invited',
  'willingness-recorded',
  'mediator-allocated',
  'council-told-of-agreement',
] as const satisfies readonly ((typeof CASE_EVENT_TYPES)[number] | WorkflowEventType | 'council-told-of-agreement')[]
export type ApiEventType = (typeof API_EVENT_TYPES)[number]

/** The statutory clocks' deadlines (domain/clocks). */
export const STATUTORY_DEADLINE_NAMES = [
  'adviser-contact',
  'certificate',
  'health-body-notice',
  'mediation-held',
  'meeting-notice',
  'appeal',
] as const satisfies readonly DeadlineName[]
/** And the agreement's follow-up dates (regs 42 and 44): each point, and the health body's notice to the council. */
export const DEADLINE_NAMES = [...STATUTORY_DEADLINE_NAMES, 'agreement-point', 'agreement-icb-notice'] as const
export const DEADLINE_STATUSES = ['open', 'overdue', 'met', 'met-late', 'stopped'] as const
export const CHANNELS = ['online', 'phone', 'email'] as const

/** A calendar date in an answer (a due date may fall after the calendar's last year). */
export const isoDate = z.iso.date({ error: 'Enter a real date as YYYY-MM-DD' })

/** A date in a request: real, and in the range the calendar supports (else 400 naming the range). */
function dateIn(kind: 'event' | 'birth') {
  const from = kind === 'birth' ? SUPPORTED_DATES.birthFrom : SUPPORTED_DATES.from
  return z.iso
    .date({ error: 'Enter a real date as YYYY-MM-DD' })
    .superRefine((d, ctx) => {
      const outside = unsupportedDate(d, kind)
      if (outside) ctx.addIssue({ code: 'custom', message: `The date ${outside}` })
    })
    .describe(`A date from ${from} to ${SUPPORTED_DATES.until} (the range the calendar supports)`)
}
export const requestDate = dateIn('event')
export const birthDate = dateIn('birth')
export const notFuture = (today: () => string) =>
  requestDate.refine((d) => d <= today(), { error: 'The date cannot be in the future' })
export const pastDate = (today: () => string) =>
  birthDate.refine((d) => d < today(), { error: 'The date must be in the past' })
export const text = (max: number) =>
  z
    .string()
    .trim()
    .min(1, { error: 'Enter a value' })
    .max(max, { error: `Must be ${max} characters or fewer` })
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Must be ${max} characters or fewer` })
    .optional()

/** SEN mediation: what the appeal is about; only section I means no adviser contact and no certificate. */
export const appealSubject = z
  .strictObject({
    decisions: z.array(z.enum(EHC_DECISIONS)).describe('The council decisions the appeal is about'),
    sections: z.array(z.enum(PLAN_SECTIONS)).describe('The sections of the EHC plan in dispute'),
  })
  .describe(
    'Only section I (the school or placement named), with decisions about the plan’s contents at most: no adviser contact and no certificate are needed, so no such deadline is worked out',
  )

import { z } from 'zod'
import { ISSUE_OUTCOMES } from '../../../domain/agreement-rules.ts'
import { GROUND_RULES, type IssueOutcomes } from '../../../domain/agreement-content.ts'
import { asArray, parseForm, text, type FormResult } from '../../../web/forms.ts'
import type { MeetingRecordInput } from '../meeting-record-service.ts'

const time = /^([01]?\d|2[0-3])[:.]([0-5]\d)$/
const toMinutes = (t: string) => {
  const m = time.exec(t)!
  return Number(m[1]) * 60 + Number(m[2])
}
const normalise = (t: string) => {
  const m = time.exec(t)!
  return `${m[1]!.padStart(2, '0')}:${m[2]}`
}

/** The fields of the meeting record; one radio group per agenda issue, named issue-<id>. */
export function meetingRecordSchema(issueIds: string[]) {
  const issues = Object.fromEntries(
    issueIds.map((id) => [
      `issue-${id}`,
      z.enum(ISSUE_OUTCOMES, { error: 'Select whether the issue was resolved' }).optional(),
    ]),
  )
  return z
    .object({
      _csrf: z.string(),
      version: z.string().max(10).optional(),
      attended: z.preprocess(asArray, z.array(z.guid({ error: 'Select from the list' })).max(200)),
      authority: z.preprocess(asArray, z.array(z.guid({ error: 'Select from the list' })).max(200)),
      others: text(false, 2000, 'Anyone else who attended'),
      startedAt: z
        .string()
        .trim()
        .min(1, { error: 'Enter the time the meeting started, for example 10:00' })
        .regex(time, { error: 'Enter the start time as hours and minutes, for example 10:00 or 14:30' }),
      endedAt: z
        .string()
        .trim()
        .refine((t) => t === '' || time.test(t), {
          error: 'Enter the end time as hours and minutes, for example 12:30',
        })
        .optional()
        .default(''),
      privateSessions: z
        .string()
        .trim()
        .regex(/^\d{1,2}$/, { error: 'Enter the number of private sessions as a number, for example 0 or 2' }),
      groundRules: z.preprocess(
        asArray,
        z
          .array(z.enum(GROUND_RULES.map((r) => r.key) as [string, ...string[]], { error: 'Select from the list' }))
          .refine((ticked) => GROUND_RULES.every((r) => ticked.includes(r.key)), {
            error: 'Confirm that everyone agreed each ground rule at the start of the meeting',
          }),
      ),
      ...issues,
    })
    .strict()
    .superRefine((v, ctx) => {
      if (v.endedAt && time.test(v.startedAt) && toMinutes(v.endedAt) <= toMinutes(v.startedAt)) {
        ctx.addIssue({ code: 'custom', path: ['endedAt'], message: 'The end time must be after the start time' })
      }
    })
    .transform((v) => ({
      ...v,
      startedAt: normalise(v.startedAt),
      endedAt: v.endedAt ? normalise(v.endedAt) : null,
      privateSessions: Number(v.privateSessions),
      othersList: v.others
        .split(/\r?\n/)
        .map((s) => s.trim())
        .filter(Boolean)
        .slice(0, 30),
      issueOutcomes: Object.fromEntries(
        issueIds
          .map((id) => [id, (v as Record<string, unknown>)[`issue-${id}`]])
          .filter(([, o]) => typeof o === 'string'),
      ) as IssueOutcomes,
    }))
}

export const fieldOrder = ['attended', 'authority', 'others', 'startedAt', 'endedAt', 'privateSessions', 'groundRules']

/** The record as typed (the problems in the page's order), ready for the service. */
export function readMeetingRecord(
  body: Record<string, unknown>,
  issueIds: string[],
): FormResult<MeetingRecordInput & { version?: number }> {
  const form = parseForm(meetingRecordSchema(issueIds), body)
  if (!form.ok) {
    const rank = (href: string) => fieldOrder.indexOf(href.slice(1))
    return {
      ok: false,
      errors: { ...form.errors, summary: [...form.errors.summary].sort((a, b) => rank(a.href) - rank(b.href)) },
    }
  }
  const d = form.data
  return {
    ok: true,
    data: {
      version: d.version ? Number(d.version) : undefined,
      attended: d.attended,
      authority: d.authority,
      others: d.othersList,
      startedAt: d.startedAt,
      endedAt: d.endedAt,
      privateSessions: d.privateSessions,
      groundRules: d.groundRules,
      issueOutcomes: d.issueOutcomes,
    },
  }
}

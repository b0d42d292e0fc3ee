// The rules for a mediation agreement's points, as pure code: which points could otherwise be
// appealed and when each is due (regs 42 and 44, via clocks.ts), how a mediation ended, the
// follow-up counts for reporting, and the dates points fall due as deadlines derived from the
// case's events. See /work/shared/domain/rules.md, "After an agreement".
import type { Calendar } from './calendar.ts'
import { agreementDueDate, type AgreementDeadline, type AgreementItemKind } from './clocks.ts'
import { compare, formatLongDate, isValidIsoDate, type IsoDate } from './dates.ts'

/** agreement_points.appealable_kind: what the point is about, if it could otherwise be appealed. */
export const APPEALABLE_KINDS = [
  'assess',
  'no-plan',
  'issue-plan',
  'draft-plan',
  'final-plan',
  'amend',
  'cease',
  'other',
] as const
export type AppealableKind = (typeof APPEALABLE_KINDS)[number]

export const appealableKindLabels: Record<AppealableKind, string> = {
  assess: 'Carry out an EHC needs assessment (the council tells the family within 2 weeks)',
  'no-plan': 'After the assessment, decide not to issue an EHC plan (within 10 weeks)',
  'issue-plan': 'After the assessment, issue the final EHC plan (within 14 weeks)',
  'draft-plan': 'Make an EHC plan: send the draft (within 5 weeks)',
  'final-plan': 'Make an EHC plan: issue the final plan (within 11 weeks)',
  amend: 'Amend the EHC plan, such as its sections B or F: issue the amended plan (within 5 weeks)',
  cease: 'Cease the EHC plan, or keep it (immediately)',
  other: 'Something else that could be appealed, such as the school or placement named in section I (within 2 weeks)',
}

const CLOCK_KIND: Record<AppealableKind, AgreementItemKind> = {
  assess: 'assess-notify',
  'no-plan': 'not-issue-decision',
  'issue-plan': 'issue-final-plan',
  'draft-plan': 'draft-plan',
  'final-plan': 'final-plan',
  amend: 'amend-plan',
  cease: 'cease',
  other: 'other',
}

export function isAppealableKind(value: unknown): value is AppealableKind {
  return typeof value === 'string' && (APPEALABLE_KINDS as readonly string[]).includes(value)
}

export interface PointDue {
  /** The date the law sets (as if the Tribunal had ordered it; 2 weeks for anything else). */
  statutoryDueDate: IsoDate
  /** The date that counts. */
  dueDate: IsoDate
  /** Where dueDate comes from. */
  basis: 'statutory' | 'by-when' | 'agreed-in-writing'
  /** Plain English, with the dates it was worked out from. */
  rule: string
  source: string
  beyondCalendar: boolean
}

/**
 * When a point is due. The law's date (reg 44 for a point that could be appealed, 2 weeks for any
 * other) is the latest: a sooner date the parties wrote in counts; a later one only when the
 * parties agreed that timescale in writing (recorded as ownTimescaleAgreed).
 */
export function pointDueDate(
  point: { appealableKind?: string | null; byWhen?: IsoDate | null; ownTimescaleAgreed?: boolean | null },
  agreementDate: IsoDate,
  calendar: Calendar,
): PointDue {
  const kind: AgreementItemKind = isAppealableKind(point.appealableKind) ? CLOCK_KIND[point.appealableKind] : 'other'
  const byWhen = point.byWhen && isValidIsoDate(point.byWhen) ? point.byWhen : undefined
  const statutory: AgreementDeadline = agreementDueDate(kind, agreementDate, calendar)
  const base = { statutoryDueDate: statutory.dueDate, source: statutory.source }
  if (byWhen && point.ownTimescaleAgreed) {
    const agreed = agreementDueDate(kind, agreementDate, calendar, byWhen)
    return {
      ...base,
      dueDate: byWhen,
      basis: 'agreed-in-writing',
      rule: agreed.rule,
      beyondCalendar: agreed.beyondCalendar === true,
    }
  }
  if (byWhen && compare(byWhen, statutory.dueDate) < 0) {
    return {
      ...base,
      dueDate: byWhen,
      basis: 'by-when',
      rule: `Due by ${formatLongDate(byWhen)}, the date the parties wrote in, which is sooner than the latest date the law allows (${formatLongDate(statutory.dueDate)}).`,
      beyondCalendar: calendar.isProvisional(byWhen),
    }
  }
  return {
    ...base,
    dueDate: statutory.dueDate,
    basis: 'statutory',
    rule: statutory.rule,
    beyondCalendar: statutory.beyondCalendar === true,
  }
}

// --- How the mediation ended ---

export type IssueOutcome = 'resolved' | 'partly-resolved' | 'not-resolved'
export const ISSUE_OUTCOMES = ['resolved', 'partly-resolved', 'not-resolved'] as const

export const issueOutcomeLabels: Record<IssueOutcome, string> = {
  resolved: 'Resolved',
  'partly-resolved': 'Partly resolved',
  'not-resolved': 'Not resolved',
}

/**
 * The workflow's outcome (agreement, partial or none) from the agreement: no points is no
 * agreement; points with anything not agreed, or an agenda issue not fully resolved, is partial.
 */
export function concludedOutcome(input: {
  points: number
  notAgreed: number
  issueOutcomes: readonly string[]
}): 'agreement' | 'partial' | 'none' {
  if (input.points === 0) return 'none'
  if (input.notAgreed > 0 || input.issueOutcomes.some((o) => o !== 'resolved')) return 'partial'
  return 'agreement'
}

// --- Following the points through ---

export const FOLLOW_UPS = ['open', 'kept', 'late', 'not-kept'] as const
export type FollowUp = (typeof FOLLOW_UPS)[number]

export const followUpLabels: Record<FollowUp, string> = {
  open: 'Not due yet or not checked',
  kept: 'Kept',
  late: 'Kept, but late',
  'not-kept': 'Not kept',
}

/** For reporting: a point kept late was still kept. */
export function followUpCounts(points: readonly { followUp: string }[]): {
  kept: number
  notKept: number
  open: number
} {
  return {
    kept: points.filter((p) => p.followUp === 'kept' || p.followUp === 'late').length,
    notKept: points.filter((p) => p.followUp === 'not-kept').length,
    open: points.filter((p) => p.followUp === 'open').length,
  }
}

// --- Points as deadlines, derived from the case's events ---

/** What the 'agreement-finalised' event keeps about each point, for the deadlines. */
export interface FinalisedPointRef {
  id: string
  number: number
  what: string
  responsible: string
  dueDate: IsoDate
  rule: string
}

export interface PointDeadline {
  name: string
  label: string
  dueDate: IsoDate
  rule: string
  startedBy: { type: string; date: IsoDate }
  status: 'open' | 'overdue' | 'met' | 'met-late' | 'stopped'
  metOn?: IsoDate
}

const shorten = (text: string, max = 60) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`)

/**
 * Each point of the latest final agreement, as a deadline: open (or overdue) until a follow-up
 * says it was kept (met), kept late (met-late) or not kept (stopped).
 */
export function agreementPointDeadlines(
  events: readonly { type: string; date: IsoDate; data?: Record<string, unknown> }[],
  today: IsoDate,
): PointDeadline[] {
  const finalised = events.filter((e) => e.type === 'agreement-finalised').at(-1)
  if (!finalised) return []
  const points = Array.isArray(finalised.data?.points) ? (finalised.data.points as FinalisedPointRef[]) : []
  const followUps = new Map<string, { outcome: string; date: IsoDate }>()
  for (const e of events) {
    if (e.type !== 'agreement-point-followed-up') continue
    const id = e.data?.pointId
    if (typeof id === 'string') followUps.set(id, { outcome: String(e.data?.outcome ?? 'open'), date: e.date })
  }
  return points
    .filter((p) => typeof p.id === 'string' && isValidIsoDate(p.dueDate))
    .map((p) => {
      const follow = followUps.get(p.id)
      const status: PointDeadline['status'] =
        follow?.outcome === 'kept'
          ? 'met'
          : follow?.outcome === 'late'
            ? 'met-late'
            : follow?.outcome === 'not-kept'
              ? 'stopped'
              : compare(today, p.dueDate) > 0
                ? 'overdue'
                : 'open'
      return {
        name: `agreement-point:${p.id}`,
        label: `Agreement point ${p.number}: ${shorten(p.what)} (${p.responsible})`,
        dueDate: p.dueDate,
        rule: p.rule,
        startedBy: { type: 'agreement-finalised', date: finalised.date },
        status,
        ...(follow && (status === 'met' || status === 'met-late' || status === 'stopped')
          ? { metOn: follow.date }
          : {}),
      }
    })
}

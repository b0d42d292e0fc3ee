// What a meeting record and an agreement hold, as types (the jsonb columns of meeting_records and
// agreements are declared with them), and the final agreement's words worked out from the draft
// as pure code: frozen in agreements.final_content when it is made final, so the page, the PDFs
// and every copy sent say exactly the same, however the case changes later.
import { appealableKindLabels, isAppealableKind, pointDueDate, type IssueOutcome } from './agreement-rules.ts'
import type { Calendar } from './calendar.ts'
import type { IsoDate } from './dates.ts'
import type { PartyAdjustments } from './request.ts'

export const GROUND_RULES = [
  {
    key: 'confidentiality',
    text: 'Confidentiality: what is said at the meeting stays there, except what everyone agrees to share.',
  },
  { key: 'respect', text: 'Respectful behaviour: everyone speaks and is spoken to with respect.' },
  { key: 'listening', text: 'Willingness to hear what others have to say.' },
  { key: 'impartiality', text: 'The mediator is impartial: they make no suggestions and propose no solutions.' },
] as const
export type GroundRuleKey = (typeof GROUND_RULES)[number]['key']
export const GROUND_RULE_KEYS = GROUND_RULES.map((r) => r.key) as [GroundRuleKey, ...GroundRuleKey[]]

/** meeting_records.attendance: each person expected (with their attendee id), then anyone else who came. */
export interface AttendanceEntry {
  attendeeId?: string
  partyId: string | null
  name: string
  role: string
  /** The party they came for, in words ('' for themselves). */
  party: string
  attended: boolean
  hadAuthorityToAgree: boolean
}

/** meeting_records.ground_rules: whether everyone agreed each ground rule. */
export type GroundRulesAgreed = Partial<Record<GroundRuleKey, boolean>>

/** meeting_records.issue_outcomes: each agenda issue's result, by case_issues.id. */
export type IssueOutcomes = Record<string, IssueOutcome>

export interface AgreementContentPoint {
  number: number
  responsible: string
  what: string
  byWhen: string | null
  howKnown: string | null
  /** What could otherwise have been appealed, in words; null if nothing. */
  appealable: string | null
  ownTimescaleAgreed: boolean
  statutoryDueDate: string
  dueDate: string
  /** How the due date was worked out. */
  rule: string
}

/** agreements.final_content: what the final agreement says. */
export interface AgreementContent {
  title: string
  caseReference: string
  service: string
  childName: string
  madeOn: string
  version: number
  meeting: { day: string; startedAt: string | null; endedAt: string | null } | null
  parties: { name: string; accepted: string | null }[]
  attended: { name: string; role: string; party: string; hadAuthorityToAgree: boolean }[]
  groundRules: { text: string; agreed: boolean }[]
  outcome: 'agreement' | 'partial' | 'none'
  points: AgreementContentPoint[]
  notAgreed: string[]
  checkInsAgreed: boolean
  /** Why it was made final without every party's acceptance recorded. */
  acceptanceNote: string | null
  provider: { name: string; phone: string; email: string }
}

/** Who does a point, in words. */
export function responsibleOf(
  point: { responsiblePartyId: string | null; responsibleName: string | null },
  parties: readonly { id: string; label: string }[],
): string {
  const party = parties.find((p) => p.id === point.responsiblePartyId)
  const name = point.responsibleName?.trim()
  if (party && name) return `${name} (${party.label})`
  return party?.label ?? name ?? 'No one named'
}

export const wantsLargePrint = (party: { adjustments: PartyAdjustments | null }): boolean =>
  (party.adjustments?.kinds ?? []).includes('large-print')

/** How an acceptance reads on the agreement. */
export const acceptedText = (how: string) => (how === 'portal' ? 'Accepted online' : 'Accepted at the meeting')

/** The agenda issues the meeting record says were not fully resolved. */
export function unresolvedIssues<I extends { id: string }>(agenda: readonly I[], outcomes: IssueOutcomes): I[] {
  return agenda.filter((i) => outcomes[i.id] === 'not-resolved' || outcomes[i.id] === 'partly-resolved')
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1)

/** Everything the final agreement is made from, as read (under lock, when it is saved). */
export interface FinalContentInput {
  today: IsoDate
  calendar: Calendar
  outcome: AgreementContent['outcome']
  /** The version the agreement becomes once final. */
  version: number
  case: { reference: string; childName: string; service: string }
  meeting: { day: string } | undefined
  record:
    | {
        startedAt: string | null
        endedAt: string | null
        attendance: AttendanceEntry[]
        groundRules: GroundRulesAgreed
      }
    | undefined
  parties: readonly { id: string; label: string }[]
  accepted: readonly { partyId: string; how: string }[]
  points: readonly {
    id: string
    responsiblePartyId: string | null
    responsibleName: string | null
    what: string
    byWhen: string | null
    howKnown: string | null
    appealableKind: string | null
    ownTimescaleAgreed: boolean
  }[]
  notAgreed: string[]
  checkInsAgreed: boolean
  acceptanceNote: string | null
  provider: AgreementContent['provider']
}

/** Each point as finalised: its place, its due dates and why, keyed by its id (for the rows and the event). */
export interface FinalisedPoint extends AgreementContentPoint {
  id: string
}

/** The final agreement's words, and each point's due dates (set from the day it is made final). */
export function finalContentOf(input: FinalContentInput): { content: AgreementContent; points: FinalisedPoint[] } {
  const points = input.points.map((p, n): FinalisedPoint => {
    const due = pointDueDate(p, input.today, input.calendar)
    return {
      id: p.id,
      number: n + 1,
      responsible: responsibleOf(p, input.parties),
      what: p.what,
      byWhen: p.byWhen,
      howKnown: p.howKnown,
      appealable: isAppealableKind(p.appealableKind) ? appealableKindLabels[p.appealableKind] : null,
      ownTimescaleAgreed: p.ownTimescaleAgreed,
      statutoryDueDate: due.statutoryDueDate,
      dueDate: due.dueDate,
      rule: due.rule,
    }
  })
  const { record } = input
  const missing = input.parties.some((p) => !input.accepted.some((a) => a.partyId === p.id))
  const content: AgreementContent = {
    title: 'Mediation agreement',
    caseReference: input.case.reference,
    service: input.case.service,
    childName: input.case.childName,
    madeOn: input.today,
    version: input.version,
    meeting: input.meeting
      ? { day: input.meeting.day, startedAt: record?.startedAt ?? null, endedAt: record?.endedAt ?? null }
      : null,
    parties: input.parties.map((p) => {
      const a = input.accepted.find((x) => x.partyId === p.id)
      return { name: capitalise(p.label), accepted: a ? acceptedText(a.how) : null }
    }),
    attended: (record?.attendance ?? [])
      .filter((a) => a.attended)
      .map((a) => ({
        name: a.name,
        role: a.role,
        party: a.party || 'themselves',
        hadAuthorityToAgree: a.hadAuthorityToAgree,
      })),
    groundRules: GROUND_RULES.map((r) => ({ text: r.text, agreed: record?.groundRules[r.key] === true })),
    outcome: input.outcome,
    points: points.map(({ id: _id, ...rest }) => rest),
    notAgreed: input.notAgreed,
    checkInsAgreed: input.checkInsAgreed,
    acceptanceNote: missing ? input.acceptanceNote : null,
    provider: input.provider,
  }
  return { content, points }
}

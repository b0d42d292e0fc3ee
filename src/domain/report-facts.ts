// What the report counts, as facts about cases that the repositories read (each fact carries n:
// how many cases, certificates or meetings share it), and the tally they add up to. A long report
// adds up its months one by one into the same tally. Nothing here is a name or free text.
import type { Calendar } from './calendar.ts'
import { compare, diffDays, type IsoDate } from './dates.ts'

/** An enquiry: how it came, who asked, and what it became (its scope; where it was signposted to). */
export interface EnquiryFact {
  n: number
  channel: string // online | phone | email
  requesterRole: string
  scope: string // undecided | sen-mediation | disagreement-resolution | both | out-of-scope
  signpostedTo: string | null
}

/** A certificate: its kind, the day it was issued and the day of the event that called for it. */
export interface CertificateFact {
  n: number
  kind: string
  issuedOn: IsoDate
  /** The event that started the 3 working days (declined, concluded, cannot arrange, withdrawn), if recorded. */
  startedOn: IsoDate | null
}

/**
 * SEN mediation held: the day the council was told the parent or young person wanted it (their
 * request), or for mediation about health only the day the health body was told; and the day held.
 */
export interface HeldFact {
  n: number
  requestedOn: IsoDate
  healthOnly: boolean
  healthToldOn: IsoDate | null
  heldOn: IsoDate
}

/** The day the 30 days ran from, as the statutory clock has it; undefined when it never started. */
export const toldOnOf = (fact: HeldFact): IsoDate | undefined =>
  fact.healthOnly ? (fact.healthToldOn ?? undefined) : fact.requestedOn

/** Someone saying no: a parent or young person declining mediation, a party unwilling or silent, a withdrawal. */
export interface DeclineFact {
  n: number
  type: 'mediation-declined' | 'willingness-recorded' | 'withdrawn'
  requesterRole: string
  /** willingness-recorded: the party and its answer (unwilling | no-answer). */
  party?: string | null
  answer?: string | null
  /** withdrawn: who withdrew, and the status the case was at. */
  by?: string | null
  from?: string | null
}

export interface MeetingFact {
  n: number
  /** The venue's name; null when none was recorded. */
  place: string | null
  online: boolean
  /** Someone at the meeting sent in the feedback form (whenever they did). */
  withFeedback: boolean
}

export interface ComplaintFigures {
  received: number
  byStage: Record<string, number>
  answeredInTime: number
  upheld: number
  partlyUpheld: number
  notUpheld: number
}

/** Information sessions held for an audience: how many, the places booked on them, the people who came. */
export interface SessionFact {
  audience: string
  held: number
  booked: number
  attended: number
}

export interface ReportFacts {
  enquiries: EnquiryFact[]
  certificates: CertificateFact[]
  held: HeldFact[]
  appeals: number
  declines: DeclineFact[]
  meetings: MeetingFact[]
  /** case_outcomes.outcome */
  outcomes: { n: number; outcome: string }[]
  /** agreement_points.follow_up: open | kept | late | not-kept */
  points: { n: number; followUp: string }[]
  feedback: { n: number; satisfaction: string; heard: string }[]
  complaints: ComplaintFigures
  sessions: SessionFact[]
}

/** Counts by key, for each part of the report. JSON as it is, so a tally can be kept. */
export interface Tally {
  channel: Record<string, number>
  asker: Record<string, number>
  became: Record<string, number>
  signposted: Record<string, number>
  /** `${kind}|within` or `${kind}|later` */
  certificates: Record<string, number>
  /** Days from being told to the meeting -> how many mediations. */
  heldDays: Record<string, number>
  appeals: number
  /** `${who}|${stage}` */
  declines: Record<string, number>
  places: Record<string, number>
  meetingKind: Record<string, number>
  response: Record<string, number>
  outcomes: Record<string, number>
  points: Record<string, number>
  satisfaction: Record<string, number>
  heard: Record<string, number>
  complaints: ComplaintFigures
  /** `${audience}|held`, `${audience}|booked`, `${audience}|attended` */
  sessions: Record<string, number>
}

export function emptyTally(): Tally {
  return {
    channel: {},
    asker: {},
    became: {},
    signposted: {},
    certificates: {},
    heldDays: {},
    appeals: 0,
    declines: {},
    places: {},
    meetingKind: {},
    response: {},
    outcomes: {},
    points: {},
    satisfaction: {},
    heard: {},
    complaints: { received: 0, byStage: {}, answeredInTime: 0, upheld: 0, partlyUpheld: 0, notUpheld: 0 },
    sessions: {},
  }
}

const add = (counts: Record<string, number>, key: string, n: number) => {
  counts[key] = (counts[key] ?? 0) + n
}

const PARENT_OR_YOUNG_PERSON = ['parent', 'young-person']

/** How an enquiry came: a professional asking with the family's permission is a referral, whatever the channel. */
export function channelOf(fact: Pick<EnquiryFact, 'channel' | 'requesterRole'>): string {
  if (!PARENT_OR_YOUNG_PERSON.includes(fact.requesterRole)) return 'referral'
  return fact.channel === 'online' ? 'web' : fact.channel
}

/** Who asked: the parent or carer, the young person, or a professional. */
export const askerOf = (role: string) => (PARENT_OR_YOUNG_PERSON.includes(role) ? role : 'professional')

/** Issued within 3 working days of the event that called for it (one not recorded cannot be shown to be). */
export function issuedInTime(fact: Pick<CertificateFact, 'issuedOn' | 'startedOn'>, calendar: Calendar): boolean {
  if (!fact.startedOn) return false
  return compare(fact.issuedOn, calendar.addWorkingDays(fact.startedOn, 3)) <= 0
}

/** The statuses a case has before its meeting is held. */
const BEFORE_MEETING = [
  'enquiry',
  'scope-decided',
  'willingness',
  'mediator-allocated',
  'preparation',
  'meeting-arranged',
]

/** Who said no and when, as the willingness table counts it; undefined for an answer that is not a no. */
export function declineOf(fact: DeclineFact): { who: string; stage: string } | undefined {
  if (fact.type === 'mediation-declined') {
    return { who: fact.requesterRole === 'young-person' ? 'young-person' : 'parent', stage: 'offered' }
  }
  if (fact.type === 'willingness-recorded') {
    if (fact.answer !== 'unwilling' && fact.answer !== 'no-answer') return undefined
    return { who: fact.party ?? 'other-party', stage: fact.answer === 'unwilling' ? 'asked' : 'no-answer' }
  }
  const stage = BEFORE_MEETING.includes(fact.from ?? '') ? 'withdrew-before' : 'withdrew-after'
  return { who: fact.by ?? 'service', stage }
}

/** Adds a month's (or a whole period's) facts to the tally. */
export function addFacts(tally: Tally, facts: ReportFacts, calendar: Calendar): Tally {
  for (const e of facts.enquiries) {
    add(tally.channel, channelOf(e), e.n)
    add(tally.asker, askerOf(e.requesterRole), e.n)
    add(tally.became, e.scope, e.n)
    if (e.scope === 'out-of-scope') add(tally.signposted, e.signpostedTo ?? '', e.n)
  }
  for (const c of facts.certificates)
    add(tally.certificates, `${c.kind}|${issuedInTime(c, calendar) ? 'within' : 'later'}`, c.n)
  for (const h of facts.held) {
    const told = toldOnOf(h)
    if (told) add(tally.heldDays, String(diffDays(told, h.heldOn)), h.n)
  }
  tally.appeals += facts.appeals
  for (const d of facts.declines) {
    const decline = declineOf(d)
    if (decline) add(tally.declines, `${decline.who}|${decline.stage}`, d.n)
  }
  for (const m of facts.meetings) {
    add(tally.places, m.online ? 'Online' : (m.place ?? ''), m.n)
    add(tally.meetingKind, m.online ? 'online' : 'in-person', m.n)
    add(tally.response, m.withFeedback ? 'with' : 'without', m.n)
  }
  for (const o of facts.outcomes) add(tally.outcomes, o.outcome, o.n)
  for (const p of facts.points) add(tally.points, p.followUp, p.n)
  for (const f of facts.feedback) {
    add(tally.satisfaction, f.satisfaction, f.n)
    add(tally.heard, f.heard, f.n)
  }
  const c = tally.complaints
  c.received += facts.complaints.received
  for (const [stage, n] of Object.entries(facts.complaints.byStage)) add(c.byStage, stage, n)
  c.answeredInTime += facts.complaints.answeredInTime
  c.upheld += facts.complaints.upheld
  c.partlyUpheld += facts.complaints.partlyUpheld
  c.notUpheld += facts.complaints.notUpheld
  for (const s of facts.sessions) {
    add(tally.sessions, `${s.audience}|held`, s.held)
    add(tally.sessions, `${s.audience}|booked`, s.booked)
    add(tally.sessions, `${s.audience}|attended`, s.attended)
  }
  return tally
}

/** The median of a tally of days (the mean of the middle two for an even number), or undefined when empty. */
export function medianOf(days: Record<string, number>): number | undefined {
  const sorted = Object.entries(days)
    .map(([d, n]) => [Number(d), n] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => a[0] - b[0])
  const total = sorted.reduce((sum, [, n]) => sum + n, 0)
  if (total === 0) return undefined
  const nth = (k: number) => {
    let seen = 0
    for (const [d, n] of sorted) if ((seen += n) > k) return d
    return sorted.at(-1)![0]
  }
  return total % 2 ? nth((total - 1) / 2) : (nth(total / 2 - 1) + nth(total / 2)) / 2
}

// Statutory clocks: a pure function from a case's events to its deadlines. Callers pass "today";
// nothing here reads the system clock. See /work/shared/domain/rules.md, "Statutory clocks".
import type { Calendar } from './calendar.ts'
import {
  addDays,
  addMonths,
  addWeeks,
  compare,
  diffDays,
  formatLongDate,
  isValidIsoDate,
  parseIsoDate,
  type IsoDate,
} from './dates.ts'

export const CASE_EVENT_TYPES = [
  'decision-letter-sent',
  'adviser-contacted',
  'mediation-declined',
  'mediation-requested',
  'health-body-notified',
  'cannot-arrange',
  'meeting-scheduled',
  'meeting-cancelled',
  'meeting-notice-sent',
  'mediation-concluded',
  'withdrawn',
  'reopened',
  'certificate-issued',
] as const
export type CaseEventType = (typeof CASE_EVENT_TYPES)[number]

/** Events of other types are ignored, so a case's whole history can be passed in. */
export interface CaseEvent {
  type: string
  date: IsoDate
  data?: Record<string, unknown>
}

export type DeadlineName =
  'adviser-contact' | 'certificate' | 'health-body-notice' | 'mediation-held' | 'meeting-notice' | 'appeal'

/**
 * open: not met, not yet past (or no "today" given). overdue: past and not met. met / met-late:
 * the meeting event happened on or before / after the due date. stopped: no longer needed because
 * the parent or young person withdrew or the authority said it cannot arrange mediation.
 */
export type DeadlineStatus = 'open' | 'overdue' | 'met' | 'met-late' | 'stopped'

/**
 * How the SEN appeal exclusion (25 Dec-1 Jan and August) applies. move-out: a deadline falling in
 * them moves to the next working day after them (IPSEA's reading; the default). skip-days: the
 * excluded days are not counted, so the period is extended past them. none: no exclusion.
 */
export type AppealExclusion = 'move-out' | 'skip-days' | 'none'

export interface EventRef {
  type: CaseEventType
  date: IsoDate
}

export interface Deadline {
  name: DeadlineName
  dueDate: IsoDate
  startedBy: EventRef
  /** Plain English, with the dates the deadline was worked out from. */
  rule: string
  source: string
  status: DeadlineStatus
  metOn?: IsoDate
  stoppedBy?: EventRef
  /** The due date is past the last year of bank-holiday data, so it may change when the data is refreshed. */
  beyondCalendar?: true
}

export interface ClockOptions {
  calendar: Calendar
  appealExclusion?: AppealExclusion
  /** Only needed to tell "open" from "overdue". */
  today?: IsoDate
}

// Sources as rules.md gives them; where it flags a point as unverified, the text says so.
const SOURCES = {
  adviserContact: 'SEND Regulations 2014, reg 33',
  certificateDeclined: 'SEND Regulations 2014, reg 34',
  certificateConcluded: 'SEND Regulations 2014 (regulation number unverified; IPSEA and local SENDIASS guidance)',
  certificateCannotArrange: 'IPSEA guidance (secondary source)',
  certificateWithdrawn: 'IPSEA and local SENDIASS guidance (secondary sources)',
  healthBodyNotice: 'SEND Regulations 2014 (regulation number unverified; IPSEA)',
  mediationHeld: 'IPSEA; DfE written answer PQ 3735 (2022)',
  meetingNotice: 'SEND Code of Practice 2015, as quoted in Kumar v LB Hillingdon [2020] EWHC 3326',
  appeal: 'Tribunal Procedure (First-tier Tribunal) (HESC) Rules 2008, r.20',
  agreement: 'SEND Regulations 2014, regs 42 and 44',
} as const

const STOPPED_BY: readonly CaseEventType[] = ['withdrawn', 'cannot-arrange']

interface Draft {
  name: DeadlineName
  dueDate: IsoDate
  startedBy: EventRef
  rule: string
  source: string
  metBy: readonly CaseEventType[]
  stoppedBy: readonly CaseEventType[]
}

interface KnownEvent extends EventRef {
  data: Record<string, unknown>
}

const fmt = formatLongDate

function isKnownType(type: string): type is CaseEventType {
  return (CASE_EVENT_TYPES as readonly string[]).includes(type)
}

function ref(event: KnownEvent): EventRef {
  return { type: event.type, date: event.date }
}

/** Every deadline the events start, ordered by due date. Throws RangeError on an event with a malformed date. */
export function computeDeadlines(events: readonly CaseEvent[], options: ClockOptions): Deadline[] {
  const { calendar, appealExclusion = 'move-out', today } = options
  if (today !== undefined) parseIsoDate(today)
  const known: KnownEvent[] = []
  for (const event of events) {
    if (!isValidIsoDate(event.date))
      throw new RangeError(`Event "${event.type}" has an invalid date: ${JSON.stringify(event.date)}`)
    if (isKnownType(event.type)) known.push({ type: event.type, date: event.date, data: event.data ?? {} })
  }
  // Stable sort: same-day events of one type keep the caller's order (the later one passed in counts as later).
  // A decision letter recorded again is a correction: the last one recorded is the letter.
  const letter = known.filter((e) => e.type === 'decision-letter-sent').at(-1)
  known.sort((a, b) => compare(a.date, b.date))

  const ofType = (types: readonly CaseEventType[], onOrAfter?: IsoDate) =>
    known.filter((e) => types.includes(e.type) && (onOrAfter === undefined || compare(e.date, onOrAfter) >= 0))
  const first = (types: readonly CaseEventType[], onOrAfter?: IsoDate) => ofType(types, onOrAfter)[0]
  const last = (types: readonly CaseEventType[]) => ofType(types).at(-1)

  const drafts: Draft[] = []
  const certificateIssued = first(['certificate-issued'])

  if (letter) {
    drafts.push({
      name: 'adviser-contact',
      dueDate: addMonths(letter.date, 2),
      startedBy: ref(letter),
      rule: `To appeal, the parent or young person must first contact the mediation adviser, within 2 months of the decision letter (sent ${fmt(letter.date)}).`,
      source: SOURCES.adviserContact,
      // Declining or asking for mediation is itself contact with the adviser.
      metBy: ['adviser-contacted', 'mediation-declined', 'mediation-requested'],
      stoppedBy: [],
    })
  }

  // One certificate per case: the first event that calls for it starts the clock.
  const certificateTrigger = ofType(CERTIFICATE_TRIGGERS).find((e) => callsForCertificate(e, known))
  if (certificateTrigger) drafts.push(certificateDraft(certificateTrigger, calendar))

  const request = first(['mediation-requested'])
  if (request) {
    const healthOnly = request.data.healthOnly === true
    if (healthOnly || request.data.healthInIssue === true) {
      drafts.push({
        name: 'health-body-notice',
        dueDate: calendar.addWorkingDays(request.date, 3),
        startedBy: ref(request),
        rule: `The local authority must tell the health body (ICB) within 3 working days of hearing that the parent or young person wants mediation about health (told ${fmt(request.date)}).`,
        source: SOURCES.healthBodyNotice,
        metBy: ['health-body-notified'],
        stoppedBy: STOPPED_BY.filter((type) => type !== 'cannot-arrange'),
      })
    }
    // For health-only mediation the 30 days run from when the health body is told.
    const start = healthOnly ? first(['health-body-notified'], request.date) : request
    if (start) {
      drafts.push({
        name: 'mediation-held',
        dueDate: addDays(start.date, 30),
        startedBy: ref(start),
        rule: healthOnly
          ? `Mediation must take place within 30 days of the health body (ICB) being told the parent or young person wants it (told ${fmt(start.date)}).`
          : `Mediation must take place within 30 days of the local authority being told the parent or young person wants it (told ${fmt(start.date)}).`,
        source: SOURCES.mediationHeld,
        metBy: ['mediation-concluded'],
        stoppedBy: STOPPED_BY,
      })
    }
  }

  // A rescheduled meeting replaces the earlier one; a cancelled one needs no notice.
  const scheduled = last(['meeting-scheduled', 'meeting-cancelled'])
  if (scheduled?.type === 'meeting-scheduled') {
    const meetingDate = scheduled.data.meetingDate
    if (!isValidIsoDate(meetingDate))
      throw new RangeError(`Event "meeting-scheduled" has an invalid meetingDate: ${JSON.stringify(meetingDate)}`)
    const shorter = scheduled.data.shorterNoticeAgreed === true
    drafts.push({
      name: 'meeting-notice',
      dueDate: shorter ? meetingDate : calendar.subtractWorkingDays(meetingDate, 5),
      startedBy: ref(scheduled),
      rule: shorter
        ? `The parent or young person agreed to shorter notice, so the date and place only need to reach everyone before the meeting on ${fmt(meetingDate)}.`
        : `The date and place of the meeting (${fmt(meetingDate)}) must be sent to everyone at least 5 working days before it, unless the parent or young person agrees to less.`,
      source: SOURCES.meetingNotice,
      metBy: ['meeting-notice-sent'],
      stoppedBy: STOPPED_BY,
    })
  }

  const appeal = appealDraft(letter, certificateIssued, calendar, appealExclusion)
  if (appeal) drafts.push(appeal)

  return drafts.map((draft) => settle(draft, first, calendar, today)).sort((a, b) => compare(a.dueDate, b.dueDate))
}

const CERTIFICATE_TRIGGERS = ['mediation-declined', 'mediation-concluded', 'cannot-arrange', 'withdrawn'] as const

/**
 * Disagreement resolution never has a certificate, and a withdrawal calls for one only when the
 * parent or young person changed their mind (the workflow marks it) and did not reopen the case.
 */
function callsForCertificate(event: KnownEvent, all: readonly KnownEvent[]): boolean {
  if (event.data.route === 'disagreement-resolution') return false
  if (event.type !== 'withdrawn') return true
  // A bare withdrawal (a what-if) is read as the parent's or young person's change of mind.
  const changeOfMind =
    event.data.certificateDue === true || (event.data.certificateDue === undefined && event.data.by === undefined)
  if (!changeOfMind) return false
  return !all.some(
    (e) => e.type === 'reopened' && compare(e.date, event.date) >= 0 && all.indexOf(e) > all.indexOf(event),
  )
}
type CertificateTrigger = (typeof CERTIFICATE_TRIGGERS)[number]

const CERTIFICATE_RULES: Record<CertificateTrigger, { source: string; rule: (when: string) => string }> = {
  'mediation-declined': {
    source: SOURCES.certificateDeclined,
    rule: (when) =>
      `The mediation adviser must issue a certificate within 3 working days of being told the parent or young person does not want mediation (told ${when}).`,
  },
  'mediation-concluded': {
    source: SOURCES.certificateConcluded,
    rule: (when) =>
      `The mediator must issue a certificate within 3 working days of the mediation ending (ended ${when}), whether or not there was an agreement.`,
  },
  'cannot-arrange': {
    source: SOURCES.certificateCannotArrange,
    rule: (when) =>
      `A certificate is due within 3 working days of the local authority saying it cannot arrange mediation within 30 days (said ${when}).`,
  },
  withdrawn: {
    source: SOURCES.certificateWithdrawn,
    rule: (when) =>
      `A certificate is due within 3 working days of the parent or young person withdrawing from mediation (withdrew ${when}).`,
  },
}

function certificateDraft(trigger: KnownEvent, calendar: Calendar): Draft {
  // Only called with an event found by CERTIFICATE_TRIGGERS.
  const { source, rule } = CERTIFICATE_RULES[trigger.type as CertificateTrigger]
  return {
    name: 'certificate',
    dueDate: calendar.addWorkingDays(trigger.date, 3),
    startedBy: ref(trigger),
    rule: rule(fmt(trigger.date)),
    source,
    metBy: ['certificate-issued'],
    stoppedBy: [],
  }
}

function settle(
  draft: Draft,
  first: (types: readonly CaseEventType[], onOrAfter?: IsoDate) => KnownEvent | undefined,
  calendar: Calendar,
  today: IsoDate | undefined,
): Deadline {
  const { metBy, stoppedBy, ...rest } = draft
  const met = first(metBy, draft.startedBy.date)
  const stop = met ? undefined : first(stoppedBy, draft.startedBy.date)
  const status: DeadlineStatus = met
    ? compare(met.date, draft.dueDate) <= 0
      ? 'met'
      : 'met-late'
    : stop
      ? 'stopped'
      : today !== undefined && compare(today, draft.dueDate) > 0
        ? 'overdue'
        : 'open'
  return {
    ...rest,
    status,
    ...(met ? { metOn: met.date } : {}),
    ...(stop ? { stoppedBy: ref(stop) } : {}),
    ...(parseIsoDate(draft.dueDate).year > calendar.coveredUntilYear ? { beyondCalendar: true as const } : {}),
  }
}

// --- Tribunal appeal deadline ---

/** 25 December to 1 January and the whole of August, which do not count in SEN appeals. */
export function isSenExcludedDay(date: IsoDate): boolean {
  const { month, day } = parseIsoDate(date)
  return month === 8 || (month === 12 && day >= 25) || (month === 1 && day === 1)
}

interface AppealCandidate {
  event: KnownEvent
  months: 1 | 2
  periodEnd: IsoDate
  extendedEnd: IsoDate
  dueDate: IsoDate
}

function appealCandidate(
  event: KnownEvent,
  months: 1 | 2,
  calendar: Calendar,
  exclusion: AppealExclusion,
): AppealCandidate {
  const periodEnd = addMonths(event.date, months)
  let extendedEnd = periodEnd
  if (exclusion === 'skip-days') {
    // Count only days that are not excluded until the period's length is used up.
    let remaining = diffDays(event.date, periodEnd)
    extendedEnd = event.date
    while (remaining > 0) {
      extendedEnd = addDays(extendedEnd, 1)
      if (!isSenExcludedDay(extendedEnd)) remaining--
    }
  }
  // The next working day that is not excluded. For move-out this is "first working day of
  // September / of January"; it also stops a weekend shift from landing in August.
  let dueDate = extendedEnd
  while (!calendar.isWorkingDay(dueDate) || (exclusion !== 'none' && isSenExcludedDay(dueDate)))
    dueDate = addDays(dueDate, 1)
  return { event, months, periodEnd, extendedEnd, dueDate }
}

function describeCandidate(c: AppealCandidate): string {
  const what =
    c.months === 2
      ? `2 months after the decision letter (sent ${fmt(c.event.date)})`
      : `1 month after the mediation certificate (issued ${fmt(c.event.date)})`
  return `${what} is ${fmt(c.periodEnd)}`
}

function describeAdjustment(c: AppealCandidate, exclusion: AppealExclusion): string {
  const parts: string[] = []
  if (c.extendedEnd !== c.periodEnd) {
    parts.push(
      `Days from 25 December to 1 January and in August do not count for SEN appeals, so the period is extended by ${diffDays(c.periodEnd, c.extendedEnd)} days to ${fmt(c.extendedEnd)}.`,
    )
  }
  if (c.dueDate !== c.extendedEnd) {
    if (exclusion === 'move-out' && isSenExcludedDay(c.extendedEnd)) {
      parts.push(
        parseIsoDate(c.extendedEnd).month === 8
          ? `${fmt(c.extendedEnd)} falls in August, which does not count for SEN appeals, so the deadline moves to the first working day of September.`
          : `${fmt(c.extendedEnd)} falls between 25 December and 1 January, which do not count for SEN appeals, so the deadline moves to the next working day in January.`,
      )
    } else {
      let crossesExclusion = false
      for (let d = addDays(c.extendedEnd, 1); compare(d, c.dueDate) < 0; d = addDays(d, 1)) {
        if (exclusion !== 'none' && isSenExcludedDay(d)) crossesExclusion = true
      }
      parts.push(
        `${fmt(c.extendedEnd)} is not a working day, so the deadline moves to the next working day${crossesExclusion ? ' outside August and 25 December to 1 January' : ''}.`,
      )
    }
  }
  return parts.join(' ')
}

function appealDraft(
  letter: KnownEvent | undefined,
  certificate: KnownEvent | undefined,
  calendar: Calendar,
  exclusion: AppealExclusion,
): Draft | undefined {
  const candidates = [
    ...(letter ? [appealCandidate(letter, 2, calendar, exclusion)] : []),
    ...(certificate ? [appealCandidate(certificate, 1, calendar, exclusion)] : []),
  ]
  // Compare adjusted dates: under skip-days each period is extended by its own excluded days.
  const chosen = candidates.reduce<AppealCandidate | undefined>(
    (best, c) => (best === undefined || compare(c.dueDate, best.dueDate) >= 0 ? c : best),
    undefined,
  )
  if (!chosen) return undefined
  let basis: string
  if (letter && certificate) {
    basis = `The deadline is the later of two dates: ${candidates.map(describeCandidate).join(', and ')}.`
  } else if (letter) {
    basis = `${capitalise(describeCandidate(chosen))}. If a mediation certificate is issued, the deadline becomes 1 month after it, if that is later.`
  } else {
    basis = `${capitalise(describeCandidate(chosen))}. The decision letter's date is not recorded: the deadline is 2 months after it if that is later.`
  }
  const adjustment = describeAdjustment(chosen, exclusion)
  return {
    name: 'appeal',
    dueDate: chosen.dueDate,
    startedBy: ref(chosen.event),
    rule: [basis, adjustment, `The last day to appeal to the SEND Tribunal is ${fmt(chosen.dueDate)}.`]
      .filter(Boolean)
      .join(' '),
    source:
      exclusion === 'none'
        ? SOURCES.appeal
        : `${SOURCES.appeal}; SEN exclusion of 25 December-1 January and August (${exclusion === 'move-out' ? "IPSEA's reading" : 'excluded days not counted'})`,
    metBy: [],
    stoppedBy: [],
  }
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}

// --- After an agreement (regs 42 and 44) ---

export const AGREEMENT_ITEM_KINDS = [
  'assess-notify',
  'not-issue-decision',
  'issue-final-plan',
  'draft-plan',
  'final-plan',
  'cease',
  'other',
  'icb-tell-la',
] as const
export type AgreementItemKind = (typeof AGREEMENT_ITEM_KINDS)[number]

const AGREEMENT_PERIODS: Record<AgreementItemKind, { weeks: number; duty: string }> = {
  'assess-notify': {
    weeks: 2,
    duty: 'The local authority must tell the parent or young person it will carry out an EHC needs assessment',
  },
  'not-issue-decision': {
    weeks: 10,
    duty: 'If, after the assessment, the local authority decides not to issue an EHC plan, it must tell the parent or young person',
  },
  'issue-final-plan': { weeks: 14, duty: 'The local authority must issue the final EHC plan' },
  'draft-plan': { weeks: 5, duty: 'The local authority must send the draft EHC plan' },
  'final-plan': { weeks: 11, duty: 'The local authority must issue the final EHC plan' },
  cease: { weeks: 0, duty: 'The local authority must act on the agreement about ceasing the EHC plan' },
  other: { weeks: 2, duty: 'The agreed action must be carried out' },
  'icb-tell-la': { weeks: 1, duty: 'The health body (ICB) must tell the local authority about the agreement' },
}

export interface AgreementDeadline {
  kind: AgreementItemKind
  dueDate: IsoDate
  rule: string
  source: string
  /** True when the parties agreed a different date in writing. */
  agreedInWriting: boolean
  beyondCalendar?: true
}

/**
 * When an item of a mediation agreement is due: as if the Tribunal had ordered it (reg 44), unless
 * the parties agreed another date in writing, which then wins.
 */
export function agreementDueDate(
  kind: AgreementItemKind,
  agreementDate: IsoDate,
  calendar: Calendar,
  agreedInWritingDate?: IsoDate,
): AgreementDeadline {
  const { weeks, duty } = AGREEMENT_PERIODS[kind]
  const statutory = addWeeks(agreementDate, weeks)
  const agreed = agreedInWritingDate !== undefined
  const dueDate = agreedInWritingDate ?? statutory
  parseIsoDate(dueDate)
  const period = weeks === 0 ? 'immediately after' : `within ${weeks} week${weeks === 1 ? '' : 's'} of`
  const rule = agreed
    ? `${duty} by ${fmt(dueDate)}, the date the parties agreed in writing (otherwise it would be ${period} the agreement made ${fmt(agreementDate)}).`
    : `${duty} ${period} the mediation agreement (made ${fmt(agreementDate)}): by ${fmt(dueDate)}.`
  return {
    kind,
    dueDate,
    rule,
    source: SOURCES.agreement,
    agreedInWriting: agreed,
    ...(parseIsoDate(dueDate).year > calendar.coveredUntilYear ? { beyondCalendar: true as const } : {}),
  }
}

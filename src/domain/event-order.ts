// The order things can happen in a case, as one rule for the API and the pages alike. An event
// dated in an impossible order is refused with the reason (a meeting held before its date or
// before the case began, an agreement before its meeting, a certificate before what calls for it
// or before the decision it follows, a follow-up before the agreement, a reply before the
// invitation, two outcomes that contradict each other). One in an unusual but possible order is accepted with a warning, which the case
// page shows from the events (`orderWarnings`).
import { compare, formatLongDate as fmt, isValidIsoDate, type IsoDate } from './dates.ts'

export interface OrderEvent {
  type: string
  /** The day it happened (case_events.occurred_on). */
  date: IsoDate
  data?: Record<string, unknown> | null
}

export interface OrderContext {
  /** The day the case began: when the request for help was received. */
  receivedOn: IsoDate
}

export type OrderCheck = { ok: true; warnings: string[] } | { ok: false; reason: string }

/** What each event is, in words for the reasons. */
const what: Record<string, string> = {
  'decision-letter-sent': 'the decision letter',
  'adviser-contacted': 'contact with the mediation adviser',
  'mediation-requested': 'the choice to mediate',
  'mediation-declined': 'declining mediation',
  'health-body-notified': 'telling the health body',
  'cannot-arrange': 'saying mediation cannot be arranged within 30 days',
  'party-invited': 'an invitation to take part',
  'willingness-recorded': 'an answer to the invitation',
  'party-chased': 'a reminder about the invitation',
  'mediator-allocated': 'allocating a mediator',
  'meeting-scheduled': 'arranging the meeting',
  'meeting-held': 'the meeting',
  'mediation-concluded': 'the end of mediation',
  'agreement-finalised': 'the agreement',
  'certificate-issued': 'the mediation certificate',
  'agreement-point-followed-up': 'following up a point of the agreement',
  'follow-up-started': 'following up the agreement',
  withdrawn: 'the withdrawal',
}

/** Following up the agreement: never before the agreement was made. */
const FOLLOW_UP = new Set(['agreement-point-followed-up', 'follow-up-started'])

/** The meeting and what follows it: never before the case began. */
const AFTER_THE_CASE_BEGAN = new Set(['meeting-held', 'mediation-concluded', 'agreement-finalised'])

/**
 * Steps the service takes, normally after the case began, that may be logged late from a call or
 * a letter: dated before the case began, they are accepted with a warning.
 */
const USUALLY_AFTER_THE_CASE_BEGAN = new Set([
  'adviser-contacted',
  'mediation-requested',
  'mediation-declined',
  'cannot-arrange',
  'party-invited',
  'willingness-recorded',
  'mediator-allocated',
  'meeting-scheduled',
  'certificate-issued',
  'withdrawn',
])

/** What calls for a certificate: a certificate cannot come before the first of them. */
const CERTIFICATE_TRIGGERS = ['mediation-declined', 'mediation-concluded', 'cannot-arrange', 'withdrawn']

/** The outcome an event records, if any: how the mediation ended. */
function outcomeOf(event: OrderEvent): string | undefined {
  if (event.type !== 'mediation-concluded' && event.type !== 'agreement-finalised') return undefined
  const outcome = event.data?.outcome
  return typeof outcome === 'string' ? outcome : undefined
}

const outcomeWords: Record<string, string> = {
  agreement: 'an agreement',
  partial: 'a partial agreement',
  none: 'no agreement',
}

/** The meeting as arranged now: the last one scheduled, unless it was cancelled after. */
function arrangedMeeting(history: readonly OrderEvent[]): IsoDate | undefined {
  let day: IsoDate | undefined
  for (const e of history) {
    if (e.type === 'meeting-scheduled' && isValidIsoDate(e.data?.meetingDate)) day = e.data.meetingDate
    if (e.type === 'meeting-cancelled') day = undefined
  }
  return day
}

/** Events after the last reopening: what came before no longer binds the case. */
function sinceReopened(history: readonly OrderEvent[]): readonly OrderEvent[] {
  const last = history.findLastIndex((e) => e.type === 'reopened')
  return last < 0 ? history : history.slice(last + 1)
}

/** The day an answer or invitation was given: its own date when the form records one. */
const dayOf = (event: OrderEvent): IsoDate => (isValidIsoDate(event.data?.on) ? event.data.on : event.date)

function impossible(event: OrderEvent, history: readonly OrderEvent[], context: OrderContext): string | undefined {
  const name = what[event.type] ?? 'this'
  const day = dayOf(event)
  if (AFTER_THE_CASE_BEGAN.has(event.type) && compare(day, context.receivedOn) < 0) {
    return `The case began on ${fmt(context.receivedOn)}: ${name} cannot have happened before it (${fmt(day)}).`
  }
  const meetingDay = arrangedMeeting(history)
  if (event.type === 'meeting-scheduled' && isValidIsoDate(event.data?.meetingDate)) {
    const on = event.data.meetingDate
    if (compare(on, context.receivedOn) < 0)
      return `The case began on ${fmt(context.receivedOn)}: its meeting cannot be on ${fmt(on)}, before it.`
    if (compare(on, event.date) < 0)
      return `A meeting on ${fmt(on)} cannot have been arranged on ${fmt(event.date)}, after it.`
  }
  if ((event.type === 'meeting-held' || event.type === 'mediation-concluded') && meetingDay) {
    if (compare(event.date, meetingDay) < 0)
      return `The meeting is on ${fmt(meetingDay)}: it cannot be recorded as held on ${fmt(event.date)}, before its date.`
  }
  if (event.type === 'agreement-finalised') {
    const held = history.filter((e) => e.type === 'meeting-held').at(-1)?.date ?? meetingDay
    if (held && compare(event.date, held) < 0)
      return `An agreement cannot be made before its meeting: the meeting was on ${fmt(held)}, the agreement is dated ${fmt(event.date)}.`
  }
  if (event.type === 'certificate-issued') {
    const letter = history.filter((e) => e.type === 'decision-letter-sent').at(-1)
    if (letter && compare(event.date, letter.date) < 0)
      return `A mediation certificate follows the decision letter (sent ${fmt(letter.date)}): it cannot be issued on ${fmt(event.date)}, before it.`
    const trigger = sinceReopened(history).find((e) => CERTIFICATE_TRIGGERS.includes(e.type))
    if (trigger && compare(event.date, trigger.date) < 0)
      return `The certificate follows ${what[trigger.type]} on ${fmt(trigger.date)}: it cannot be issued on ${fmt(event.date)}, before it.`
  }
  if (FOLLOW_UP.has(event.type)) {
    const agreed = sinceReopened(history)
      .filter((e) => e.type === 'agreement-finalised')
      .at(-1)
    if (agreed && compare(event.date, agreed.date) < 0)
      return `The agreement was made on ${fmt(agreed.date)}: ${name} cannot be dated ${fmt(event.date)}, before it.`
  }
  if (event.type === 'willingness-recorded' || event.type === 'party-chased') {
    const invited = history.filter((e) => e.type === 'party-invited' && e.data?.party === event.data?.party).at(-1)
    if (invited && compare(day, dayOf(invited)) < 0)
      return event.type === 'party-chased'
        ? `A reminder (${fmt(day)}) cannot come before the invitation it follows up (${fmt(dayOf(invited))}).`
        : `The answer (${fmt(day)}) cannot come before the invitation it answers (${fmt(dayOf(invited))}).`
  }
  const outcome = outcomeOf(event)
  if (outcome) {
    const earlier = sinceReopened(history).find((e) => outcomeOf(e) !== undefined && outcomeOf(e) !== outcome)
    if (earlier) {
      return `The mediation was already recorded as ending in ${outcomeWords[outcomeOf(earlier)!] ?? outcomeOf(earlier)} on ${fmt(earlier.date)}: it cannot also have ended in ${outcomeWords[outcome] ?? outcome}.`
    }
  }
  return undefined
}

/** Unusual but possible: accepted, with a warning to check the dates. */
function unusual(event: OrderEvent, history: readonly OrderEvent[], context: OrderContext): string | undefined {
  const letter = history.filter((e) => e.type === 'decision-letter-sent').at(-1)
  const choice = ['adviser-contacted', 'mediation-requested', 'mediation-declined']
  if (letter && choice.includes(event.type) && compare(event.date, letter.date) < 0) {
    return `${capital(what[event.type]!)} (${fmt(event.date)}) is dated before the decision letter (${fmt(letter.date)}): check both dates.`
  }
  if (event.type === 'decision-letter-sent') {
    const after = history.find((e) => choice.includes(e.type) && compare(e.date, event.date) < 0)
    if (after)
      return `The decision letter (${fmt(event.date)}) is dated after ${what[after.type]} (${fmt(after.date)}): check both dates, or whether this is a new decision.`
  }
  if (USUALLY_AFTER_THE_CASE_BEGAN.has(event.type) && compare(dayOf(event), context.receivedOn) < 0) {
    return `${capital(what[event.type]!)} (${fmt(dayOf(event))}) is dated before the case began (${fmt(context.receivedOn)}): check the date.`
  }
  if (event.type === 'health-body-notified') {
    const request = history.find((e) => e.type === 'mediation-requested')
    if (!request || compare(event.date, request.date) < 0)
      return `The health body was told on ${fmt(event.date)}, before the parent or young person asked for mediation${request ? ` (${fmt(request.date)})` : ''}: check the date.`
  }
  if (event.type === 'meeting-scheduled') {
    const request = history.find((e) => e.type === 'mediation-requested')
    if (request && compare(event.date, request.date) < 0)
      return `The meeting was arranged on ${fmt(event.date)}, before mediation was asked for (${fmt(request.date)}): check the dates.`
  }
  return undefined
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/**
 * Checks events recorded together (in order) against the case's history (in the order recorded):
 * the first impossible one is the refusal; otherwise every warning.
 */
export function checkEventOrder(
  history: readonly OrderEvent[],
  next: readonly OrderEvent[],
  context: OrderContext,
): OrderCheck {
  const seen = [...history]
  const warnings: string[] = []
  for (const event of next) {
    const reason = impossible(event, seen, context)
    if (reason) return { ok: false, reason }
    const warning = unusual(event, seen, context)
    if (warning) warnings.push(warning)
    seen.push(event)
  }
  return { ok: true, warnings }
}

/** Every warning a case's events give, each against the events recorded before it (for the case page). */
export function orderWarnings(events: readonly OrderEvent[], context: OrderContext): string[] {
  const warnings: string[] = []
  events.forEach((event, i) => {
    const warning = unusual(event, events.slice(0, i), context)
    if (warning) warnings.push(warning)
  })
  return warnings
}

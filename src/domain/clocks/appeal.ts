// The last day to appeal to the SEND Tribunal: the later of 2 months after the decision letter
// and 1 month after the mediation certificate, with the SEN exclusion of 25 December-1 January and
// August applied as the service chooses (AppealExclusion).
import type { Calendar } from '../calendar.ts'
import { addDays, addMonths, compare, diffDays, formatLongDate as fmt, parseIsoDate, type IsoDate } from '../dates.ts'
import { capitalise } from '../text.ts'
import type { AppealExclusion, Clock } from './deadline.ts'
import { ref, type KnownEvent } from './events.ts'

const SOURCE = 'Tribunal Procedure (First-tier Tribunal) (HESC) Rules 2008, r.20'

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

export const appealClock: Clock = (history, { calendar, appealExclusion: exclusion }) => {
  const { letter } = history
  const certificate = history.first(['certificate-issued'])
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
        ? SOURCE
        : `${SOURCE}; SEN exclusion of 25 December-1 January and August (${exclusion === 'move-out' ? "IPSEA's reading" : 'excluded days not counted'})`,
    metBy: [],
    stoppedBy: [],
  }
}

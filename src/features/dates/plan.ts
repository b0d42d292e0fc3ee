// The dates that matter to a parent or young person, in plain English, with the rule behind each.
// Worked out by the same calculation as the API's POST /api/v1/deadlines (what-if.ts).
import type { Db } from '../../db/client.ts'
import type { Calendar } from '../../domain/calendar.ts'
import { isSenExcludedDay, type Deadline } from '../../domain/clocks.ts'
import { addMonths, isWeekend, max, parseIsoDate } from '../../domain/dates.ts'
import { formatDate as fmt } from '../../web/format.ts'
import { workOutDeadlines, type WhatIfEvent } from '../cases/index.ts'
import type { DatesAnswers } from './schema.ts'

export interface DateItem {
  heading: string
  /** The date itself (ISO), when there is one to meet. */
  dueDate?: string
  sentence: string
  why?: string
  notes: string[]
  /** A warning: the date has passed. */
  passed?: string
  done: boolean
}

export interface DatesPlan {
  items: DateItem[]
  /** The last year of bank holidays we know, when a date shown is after it. */
  beyondCalendarYear?: number
}

const WORKING_DAYS = 'Working days are Monday to Friday, but not bank holidays.'

export async function planDates(db: Db, answers: DatesAnswers, today: string): Promise<DatesPlan> {
  const { letter, stage, stageDate } = answers
  const events: WhatIfEvent[] = [{ type: 'decision-letter-sent', date: letter }]
  if (stage === 'declined') events.push({ type: 'mediation-declined', date: stageDate! })
  if (stage === 'mediated') events.push({ type: 'mediation-concluded', date: stageDate! })
  if (stage === 'certificate') events.push({ type: 'certificate-issued', date: stageDate! })
  const { deadlines, calendar } = await workOutDeadlines(db, events, today)
  const find = (list: Deadline[], name: Deadline['name']) => list.find((d) => d.name === name)
  const shown: Deadline[] = []
  const items: DateItem[] = []

  const adviser = find(deadlines, 'adviser-contact')!
  if (stage === 'nothing') {
    shown.push(adviser)
    items.push({
      heading: 'Contact a mediation adviser',
      dueDate: adviser.dueDate,
      sentence: `You must contact a mediation adviser by ${fmt(adviser.dueDate)}.`,
      why: "This is 2 months after the date on the council's letter.",
      notes: ['You must do this before you can appeal, even if you do not want mediation. You can contact us.'],
      passed: adviser.dueDate < today ? 'This date has passed. Contact us as soon as you can.' : undefined,
      done: false,
    })
  } else {
    items.push({ heading: 'Contact a mediation adviser', sentence: 'You have done this.', notes: [], done: true })
  }

  const certificate = find(deadlines, 'certificate')
  let projected: Deadline | undefined
  if (certificate && (stage === 'declined' || stage === 'mediated')) {
    shown.push(certificate)
    const after = stage === 'declined' ? 'you told us you do not want mediation' : 'your mediation ended'
    items.push({
      heading: 'Get your mediation certificate',
      dueDate: certificate.dueDate,
      sentence: `We must give you your mediation certificate by ${fmt(certificate.dueDate)}.`,
      why: `This is 3 working days after ${after}, on ${fmt(stageDate!)}. ${WORKING_DAYS}`,
      notes: ['You need this certificate to appeal.'],
      passed:
        certificate.dueDate < today
          ? 'This date has passed. If you do not have your certificate yet, call us.'
          : undefined,
      done: false,
    })
    // What the appeal deadline becomes if the certificate comes on its last day.
    const ifIssued = await workOutDeadlines(
      db,
      [...events, { type: 'certificate-issued', date: certificate.dueDate }],
      today,
    )
    projected = find(ifIssued.deadlines, 'appeal')
    if (projected) shown.push(projected)
  }
  if (stage === 'certificate') {
    items.push({
      heading: 'Get your mediation certificate',
      sentence: `You have this. It is dated ${fmt(stageDate!)}.`,
      notes: [],
      done: true,
    })
  }

  const appeal = find(deadlines, 'appeal')!
  shown.push(appeal)
  const fromLetter = addMonths(letter, 2)
  if (stage === 'certificate') {
    const fromCertificate = addMonths(stageDate!, 1)
    items.push({
      heading: 'Appeal to the SEND Tribunal',
      dueDate: appeal.dueDate,
      sentence: `The last day to appeal to the SEND Tribunal is ${fmt(appeal.dueDate)}.`,
      why: [
        `This is the later of 2 dates: 2 months after the date on the council's letter (${fmt(fromLetter)}), and 1 month after the date on your certificate (${fmt(fromCertificate)}).`,
        moved(max(fromLetter, fromCertificate), appeal.dueDate, calendar),
      ]
        .filter(Boolean)
        .join(' '),
      notes: [],
      passed: appeal.dueDate < today ? appealPassed : undefined,
      done: false,
    })
  } else {
    items.push({
      heading: 'Appeal to the SEND Tribunal',
      dueDate: appeal.dueDate,
      sentence: `You have until at least ${fmt(appeal.dueDate)} to appeal to the SEND Tribunal.`,
      why: [
        "This is 2 months after the date on the council's letter.",
        moved(fromLetter, appeal.dueDate, calendar),
        'When you get your mediation certificate, you have until 1 month after the date on it, if that is later.',
      ]
        .filter(Boolean)
        .join(' '),
      notes:
        projected && certificate
          ? [
              `If you get your certificate on ${fmt(certificate.dueDate)}, the last day to appeal will be ${fmt(projected.dueDate)}.`,
            ]
          : [],
      passed: appeal.dueDate < today ? appealPassed : undefined,
      done: false,
    })
  }

  const beyond = shown.some((d) => d.beyondCalendar)
  return { items, ...(beyond ? { beyondCalendarYear: calendar.publishedUntilYear } : {}) }
}

const appealPassed =
  'This date has passed. You may still be able to ask the Tribunal to accept a late appeal. Get advice as soon as you can.'

/** Why the deadline is later than the date the rule gives, in plain words. */
function moved(base: string, due: string, calendar: Calendar): string {
  if (base === due) return ''
  let why: string
  if (isSenExcludedDay(base)) {
    why =
      parseIsoDate(base).month === 8
        ? `${fmt(base)} is in August. Days in August do not count for SEN appeals`
        : `${fmt(base)} is between 25 December and 1 January. These days do not count for SEN appeals`
  } else if (isWeekend(base)) {
    why = `${fmt(base)} is a weekend`
  } else if (!calendar.isWorkingDay(base)) {
    why = `${fmt(base)} is a bank holiday`
  } else {
    why = 'Days in August and from 25 December to 1 January do not count for SEN appeals'
  }
  return `${why}, so the last day moves to ${fmt(due)}.`
}

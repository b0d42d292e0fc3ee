// The SMART check for a point of a mediation agreement (specific, measurable, achievable,
// realistic, time-bound). It advises and never blocks: the words stay the parties' own. Each
// piece of advice says what is missing or vague and how to make the point specific.
// Pure: the caller passes today (and the statutory date, when it knows it).
import { compare, formatLongDate, isValidIsoDate, type IsoDate } from './dates.ts'

export type SmartAdviceCode =
  | 'no-one-responsible'
  | 'nothing-to-do'
  | 'no-date'
  | 'date-in-past'
  | 'after-statutory-date'
  | 'not-measurable'
  | 'vague-words'

export interface SmartAdvice {
  code: SmartAdviceCode
  /** Plain English: what is missing or vague, and how to make the point specific. */
  message: string
  /** For vague words: the words as the parties wrote them. */
  phrase?: string
  /** Which part of the point the advice is about. */
  field: 'responsible' | 'what' | 'byWhen' | 'howKnown'
}

export interface SmartPoint {
  responsiblePartyId?: string | null
  responsibleName?: string | null
  what?: string | null
  byWhen?: IsoDate | null
  howKnown?: string | null
  ownTimescaleAgreed?: boolean | null
  /** The date the law sets for the point (regs 42 and 44), when known. */
  statutoryDueDate?: IsoDate | null
}

interface VaguePhrase {
  /** Regular expression source, matched case-insensitively between word boundaries. */
  pattern: string
  advice: string
}

/**
 * Words that leave a point open to different readings. Each comes with how to say it exactly.
 * Matched whole (so "consider" is found in "will consider" but not in "considerable").
 */
export const VAGUE_PHRASES: readonly VaguePhrase[] = [
  {
    pattern: 'as soon as (?:possible|practicable|we can|they can)',
    advice: 'Give a date instead, for example "by Friday 11 December".',
  },
  { pattern: 'asap', advice: 'Give a date instead, for example "by Friday 11 December".' },
  {
    pattern: '(?:try|tries|tried|trying) to',
    advice: 'Say what will be done, not what will be tried: "will send", "will arrange", "will pay for".',
  },
  {
    pattern: '(?:attempt|endeavour|endeavor|aim|hope)s? to',
    advice: 'Say what will be done, not what is hoped for: "will send", "will arrange".',
  },
  {
    pattern: 'consider(?:s|ed|ing)?',
    advice:
      'Say what will be decided, by when, and how everyone will hear the decision: "will decide whether ... and write to ... by ...".',
  },
  {
    pattern: '(?:where|when|if|wherever) possible',
    advice: 'Say exactly what will happen, or what happens if it cannot: leave out the condition.',
  },
  {
    pattern: 'as far as (?:possible|practicable)',
    advice: 'Say exactly what will happen, or what happens if it cannot: leave out the condition.',
  },
  {
    pattern: 'regularly',
    advice: 'Say how often: "every week", "once each half term", "on the first Monday of each month".',
  },
  {
    pattern: '(?:frequently|periodically|from time to time|now and then)',
    advice: 'Say how often: "every week", "once each half term".',
  },
  {
    pattern: '(?:in due course|soon|shortly|in the near future|at some point)',
    advice: 'Give a date instead, for example "by Friday 11 December".',
  },
  {
    pattern: '(?:look|looks|looking) into',
    advice: 'Say what will be found out, who will find it out, and when they will report back.',
  },
  {
    pattern: 'explore(?:s|d)?',
    advice: 'Say what will be found out, who will find it out, and when they will report back.',
  },
  {
    pattern: '(?:as appropriate|as necessary|as needed|if needed|if necessary)',
    advice: 'Say exactly what will happen and when: who decides whether it is needed, and how?',
  },
  {
    pattern: '(?:appropriate|suitable|adequate) (?:support|provision|help|resources)',
    advice: 'Say exactly which support: what, how much, how often and who provides it.',
  },
  {
    pattern: '(?:some|more|extra|additional) (?:support|help|time|hours)',
    advice: 'Say how much: for example "15 hours a week of teaching assistant support".',
  },
]

const compiled = VAGUE_PHRASES.map((p) => ({
  ...p,
  regex: new RegExp(`(?<![\\p{L}\\p{N}])${p.pattern.replace(/ /g, '\\s+')}(?![\\p{L}\\p{N}])`, 'giu'),
}))

/** The vague words in a piece of text, as written, in the order they appear (each phrase once). */
export function vagueWordsIn(text: string | null | undefined): { phrase: string; advice: string; index: number }[] {
  if (!text) return []
  const found: { phrase: string; advice: string; index: number }[] = []
  for (const p of compiled) {
    p.regex.lastIndex = 0
    for (const match of text.matchAll(p.regex)) {
      const phrase = match[0].replace(/\s+/g, ' ')
      // Overlapping patterns ("as soon as possible" and "if possible") report the longer once.
      const overlaps = found.some(
        (f) => match.index < f.index + f.phrase.length && f.index < match.index + match[0].length,
      )
      if (!overlaps && !found.some((f) => f.phrase.toLowerCase() === phrase.toLowerCase()))
        found.push({ phrase, advice: p.advice, index: match.index })
    }
  }
  return found.sort((a, b) => a.index - b.index)
}

const blank = (value: string | null | undefined) => value === null || value === undefined || value.trim() === ''

/** Advice for one point: empty when it reads as SMART. Never refuses anything. */
export function smartCheck(point: SmartPoint, today: IsoDate): SmartAdvice[] {
  const advice: SmartAdvice[] = []
  if (blank(point.responsiblePartyId) && blank(point.responsibleName)) {
    advice.push({
      code: 'no-one-responsible',
      field: 'responsible',
      message:
        'No one is named as doing this. Say who will do it: a party, or a person by name and role, for example "Priya Shah, SEN officer at the council".',
    })
  }
  if (blank(point.what)) {
    advice.push({
      code: 'nothing-to-do',
      field: 'what',
      message: 'Say what exactly will be done, in the words everyone agreed.',
    })
  }
  const byWhen = point.byWhen && isValidIsoDate(point.byWhen) ? point.byWhen : undefined
  if (!byWhen) {
    advice.push({
      code: 'no-date',
      field: 'byWhen',
      message: point.statutoryDueDate
        ? `There is no date. Without one, it is due on ${formatLongDate(point.statutoryDueDate)}, the date the law sets. Agree a date and write it in, so everyone knows.`
        : 'There is no date. Agree the date it will be done by, for example "by Friday 11 December", so everyone knows when to expect it.',
    })
  } else if (compare(byWhen, today) < 0) {
    advice.push({
      code: 'date-in-past',
      field: 'byWhen',
      message: `The date, ${formatLongDate(byWhen)}, has already passed. Check the date, or agree a new one.`,
    })
  } else if (point.statutoryDueDate && !point.ownTimescaleAgreed && compare(byWhen, point.statutoryDueDate) > 0) {
    advice.push({
      code: 'after-statutory-date',
      field: 'byWhen',
      message: `The date is after ${formatLongDate(point.statutoryDueDate)}, the date the law sets for this. It stays due on ${formatLongDate(point.statutoryDueDate)} unless the parties agree the later date in writing: if they have, tick "The parties agreed this timescale in writing".`,
    })
  }
  if (blank(point.howKnown)) {
    advice.push({
      code: 'not-measurable',
      field: 'howKnown',
      message:
        'Say how everyone will know it has been done, for example "the council will email a copy of the letter to Sarah and the school".',
    })
  }
  for (const field of ['what', 'howKnown'] as const) {
    for (const v of vagueWordsIn(point[field])) {
      advice.push({
        code: 'vague-words',
        field,
        phrase: v.phrase,
        message: `"${v.phrase}" can be read in different ways. ${v.advice}`,
      })
    }
  }
  return advice
}

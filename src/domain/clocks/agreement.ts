// After an agreement (SEND Regulations 2014, regs 42 and 44): when each agreed item is due.
import type { Calendar } from '../calendar.ts'
import { addWeeks, formatLongDate as fmt, parseIsoDate, type IsoDate } from '../dates.ts'
import { beyondCalendar } from './deadline.ts'

export const AGREEMENT_ITEM_KINDS = [
  'assess-notify',
  'not-issue-decision',
  'issue-final-plan',
  'draft-plan',
  'final-plan',
  'amend-plan',
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
  'amend-plan': { weeks: 5, duty: 'The local authority must issue the amended EHC plan' },
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
    source: 'SEND Regulations 2014, regs 42 and 44',
    agreedInWriting: agreed,
    ...beyondCalendar(dueDate, calendar),
  }
}

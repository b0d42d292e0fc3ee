// An agreement's items as a council's system records them (the API): what is to be done, by
// whom, whether it could otherwise have been appealed and of which kind, and any timescale the
// parties agreed in writing; whether the council was a party. Each item becomes the agreement's
// points, one per follow-up date of regulation 44 (an assessment has three, making a plan two),
// so the pages, Today, the portal and the API all follow the same points to the same dates.
// Where the council was not a party, the health body (ICB) must tell it within 1 week (reg 42).
import { pointDueDate, type AppealableKind, type PointDue } from './agreement-rules.ts'
import type { Calendar } from './calendar.ts'
import { agreementDueDate, type AgreementDeadline } from './clocks.ts'
import type { IsoDate } from './dates.ts'

/** What could otherwise have been appealed, as the API names it. */
export const ITEM_KINDS = ['assess', 'make-plan', 'amend', 'cease', 'other'] as const
export type ItemKind = (typeof ITEM_KINDS)[number]

export const itemKindLabels: Record<ItemKind, string> = {
  assess: 'To carry out an EHC needs assessment',
  'make-plan': 'To make an EHC plan',
  amend: 'To amend the EHC plan (its needs or provision)',
  cease: 'To cease the EHC plan, or to keep it',
  other: 'Anything else that could be appealed (such as the school or placement named)',
}

/** Who is to do it. */
export const responsibleKinds = {
  council: 'The council',
  icb: 'The health body (ICB)',
  school: 'The school, college or setting',
  parent: 'The parent or carer',
  'young-person': 'The young person',
  'social-care': 'Social care',
  'mediation-service': 'The mediation service',
  other: 'Someone else',
} as const
export type ResponsibleKind = keyof typeof responsibleKinds
export const RESPONSIBLE_KINDS = Object.keys(responsibleKinds) as [ResponsibleKind, ...ResponsibleKind[]]

/** The case party of each kind, where the case has one (the rest are named in words). */
export const partyRoleOf: Partial<Record<ResponsibleKind, string>> = {
  council: 'local-authority',
  icb: 'health',
  school: 'school',
  parent: 'parent',
  'young-person': 'young-person',
  'social-care': 'social-care',
}

export interface AgreementItem {
  what: string
  who: { kind: ResponsibleKind; name?: string }
  /** Could it otherwise have been appealed to the SEND Tribunal? */
  appealable: boolean
  /** Which kind of appealable decision (required when appealable). */
  kind?: ItemKind
  /** The date the parties agreed in writing, which then stands instead of the law's dates. */
  timescaleAgreedInWriting?: IsoDate
}

/** Each follow-up step of an appealable kind: the page's kind of point, and what is to be done by then. */
const STEPS: Record<ItemKind, { kind: AppealableKind; step: string }[]> = {
  assess: [
    { kind: 'assess', step: 'tell the parent or young person the assessment will be carried out' },
    { kind: 'no-plan', step: 'if no EHC plan is to be issued after the assessment, say so, with the reasons' },
    { kind: 'issue-plan', step: 'if an EHC plan is to be issued, issue the final plan' },
  ],
  'make-plan': [
    { kind: 'draft-plan', step: 'send the draft EHC plan' },
    { kind: 'final-plan', step: 'issue the final EHC plan' },
  ],
  amend: [{ kind: 'amend', step: '' }],
  cease: [{ kind: 'cease', step: '' }],
  other: [{ kind: 'other', step: '' }],
}

export interface PlannedPoint {
  /** The item's place in the list sent (1, 2, ...). */
  item: number
  what: string
  responsible: string
  responsibleKind: ResponsibleKind
  appealableKind: AppealableKind | null
  byWhen: IsoDate | null
  ownTimescaleAgreed: boolean
  due: PointDue
}

/** Who does it, in words: the kind, and the name given ("The school, college or setting: Brookfield Primary"). */
export function responsibleText(who: AgreementItem['who']): string {
  const name = who.name?.trim()
  return name ? `${responsibleKinds[who.kind]}: ${name}` : responsibleKinds[who.kind]
}

/** The points the items make, with their due dates from the day the agreement was made. */
export function plannedPoints(items: readonly AgreementItem[], agreedOn: IsoDate, calendar: Calendar): PlannedPoint[] {
  return items.flatMap((item, i): PlannedPoint[] => {
    const base = { item: i + 1, responsible: responsibleText(item.who), responsibleKind: item.who.kind }
    const written = item.timescaleAgreedInWriting
    const steps = item.appealable && item.kind ? STEPS[item.kind] : [{ kind: null, step: '' }]
    // A timescale agreed in writing is one date for the whole item: the law's last step is its yardstick.
    const chosen = written ? [{ ...steps.at(-1)!, step: '' }] : steps
    return chosen.map(({ kind, step }) => {
      const point = { appealableKind: kind, byWhen: written ?? null, ownTimescaleAgreed: written !== undefined }
      return {
        ...base,
        ...point,
        what: step ? `${item.what} (${step})` : item.what,
        due: pointDueDate(point, agreedOn, calendar),
      }
    })
  })
}

/** Where the council was not a party: the health body (ICB) tells it within 1 week (reg 42). */
export function icbNoticeOf(councilWasParty: boolean, agreedOn: IsoDate, calendar: Calendar) {
  if (councilWasParty) return undefined
  const due: AgreementDeadline = agreementDueDate('icb-tell-la', agreedOn, calendar)
  return { dueDate: due.dueDate, rule: due.rule, source: 'SEND Regulations 2014, reg 42' }
}

export const icbNoticeLabel = 'The health body (ICB) tells the council about the agreement'

/** What the health body's telling the council is recorded as (a fact, like the other notices). */
export const COUNCIL_TOLD_EVENT = 'council-told-of-agreement'

/**
 * The ICB's notice to the council as a deadline, from the latest final agreement: open (or
 * overdue) until the council is recorded as told.
 */
export function icbNoticeDeadline(
  events: readonly { type: string; date: IsoDate; data?: Record<string, unknown> }[],
  today: IsoDate,
) {
  const finalised = events.filter((e) => e.type === 'agreement-finalised').at(-1)
  const notice = finalised?.data?.icbNotice as { dueDate?: unknown; rule?: unknown } | undefined
  if (!finalised || typeof notice?.dueDate !== 'string' || typeof notice.rule !== 'string') return undefined
  const dueDate = notice.dueDate
  const told = events.find((e) => e.type === COUNCIL_TOLD_EVENT && e.date >= finalised.date)
  const status = told ? (told.date <= dueDate ? 'met' : 'met-late') : today > dueDate ? 'overdue' : 'open'
  return {
    name: 'agreement-icb-notice',
    label: icbNoticeLabel,
    dueDate,
    rule: notice.rule,
    startedBy: { type: 'agreement-finalised', date: finalised.date },
    status: status as 'open' | 'overdue' | 'met' | 'met-late',
    ...(told ? { metOn: told.date } : {}),
  }
}

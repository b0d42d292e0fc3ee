// The final agreement as one readable document (headings, paragraphs and rows) for the HTML page
// and the PDF alike, from the words frozen when it was made final (domain/agreement-content.ts).
import type { AgreementContent } from '../../domain/agreement-content.ts'
import { formatLongDate } from '../../domain/dates.ts'

export {
  type AgreementContent,
  type AgreementContentPoint,
  GROUND_RULES,
  type GroundRuleKey,
} from '../../domain/agreement-content.ts'

export const outcomeTitles: Record<AgreementContent['outcome'], string> = {
  agreement: 'Everyone agreed on every issue.',
  partial: 'Everyone agreed on some issues, but not all.',
  none: 'No agreement was reached.',
}

/** The agreement as one readable model: headings, paragraphs and rows, for the HTML page and the PDF alike. */
export interface AgreementDocument {
  title: string
  heading: string
  intro: string[]
  sections: {
    heading: string
    paragraphs?: string[]
    list?: string[]
    points?: { heading: string; rows: { key: string; value: string }[] }[]
    rows?: { key: string; value: string }[]
  }[]
}

const date = formatLongDate

export function agreementDocument(content: AgreementContent): AgreementDocument {
  const sections: AgreementDocument['sections'] = []
  sections.push({
    heading: 'About this agreement',
    rows: [
      { key: 'Case reference', value: content.caseReference },
      { key: 'Service', value: content.service },
      { key: 'Child or young person', value: content.childName },
      { key: 'Agreement made', value: date(content.madeOn) },
      ...(content.meeting
        ? [
            {
              key: 'Meeting',
              value: `${date(content.meeting.day)}${content.meeting.startedAt ? `, ${content.meeting.startedAt}${content.meeting.endedAt ? ` to ${content.meeting.endedAt}` : ''}` : ''}`,
            },
          ]
        : []),
      { key: 'Outcome', value: outcomeTitles[content.outcome] },
    ],
  })
  if (content.points.length) {
    sections.push({
      heading: 'What everyone agreed',
      paragraphs: ['Each point is in the words of the people at the meeting.'],
      points: content.points.map((p) => ({
        heading: `Point ${p.number}`,
        rows: [
          { key: 'Who will do it', value: p.responsible },
          { key: 'What exactly', value: p.what },
          // One date for the parties, and where the law sets it, a sentence saying so.
          { key: 'To be done by', value: `${date(p.dueDate)}. ${whyThisDate(p, date)}` },
          { key: 'How everyone will know it is done', value: p.howKnown || 'Not written in' },
          ...(p.appealable ? [{ key: 'Could otherwise be appealed', value: p.appealable }] : []),
        ],
      })),
    })
  }
  sections.push({
    heading: 'What was not agreed',
    ...(content.notAgreed.length
      ? { list: content.notAgreed }
      : { paragraphs: ['Nothing: every issue discussed was agreed.'] }),
  })
  sections.push({
    heading: 'Following it through',
    paragraphs: [
      content.checkInsAgreed
        ? 'Everyone agreed that when each point falls due, we will check with the person responsible and the family whether it was done.'
        : 'We will not check in when each point falls due: everyone can contact us if something agreed has not happened.',
      `If you have a question about this agreement, call ${content.provider.name}${content.provider.phone ? ` on ${content.provider.phone}` : ''}${content.provider.email ? ` or email ${content.provider.email}` : ''}.`,
    ],
  })
  sections.push({
    heading: 'Who took part',
    ...(content.attended.length
      ? {
          rows: content.attended.map((a) => ({
            key: a.name,
            value: `${a.role}, for ${a.party}${a.hadAuthorityToAgree ? ' (able to agree for them)' : ''}`,
          })),
        }
      : { paragraphs: ['Not recorded.'] }),
  })
  sections.push({
    heading: 'Ground rules',
    paragraphs: ['Everyone agreed these at the start of the meeting:'],
    list: content.groundRules.filter((g) => g.agreed).map((g) => g.text),
  })
  sections.push({
    heading: 'Acceptance',
    rows: content.parties.map((p) => ({ key: p.name, value: p.accepted ?? 'Acceptance not recorded' })),
    ...(content.acceptanceNote
      ? { paragraphs: [`Made final without every acceptance recorded because: ${content.acceptanceNote}`] }
      : {}),
  })
  return {
    title: `${content.title} - ${content.caseReference}`,
    heading: content.title,
    intro: [
      `This is the agreement made at mediation about ${content.childName}. Everyone who took part gets a copy, so that nothing is unclear.`,
    ],
    sections,
  }
}

/** Why a point is due when it is, in a sentence for the parties. */
export function whyThisDate(
  p: Pick<
    AgreementContent['points'][number],
    'byWhen' | 'dueDate' | 'statutoryDueDate' | 'ownTimescaleAgreed' | 'appealable' | 'rule'
  >,
  date: (iso: string) => string,
): string {
  if (p.byWhen && p.dueDate === p.byWhen) {
    if (p.ownTimescaleAgreed)
      return `Everyone agreed this date in writing. Without that, the law would have set ${date(p.statutoryDueDate)}.`
    return p.appealable
      ? `This is the date written in at the meeting. The law says it must be done by ${date(p.statutoryDueDate)} at the latest.`
      : 'This is the date written in at the meeting.'
  }
  return p.rule
}

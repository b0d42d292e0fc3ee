// What a mediation certificate says, fixed when it is issued: what the Tribunal needs to see.
import type { AppealDeadline, CertificateContent } from '../../domain/certificate.ts'
import { CERTIFICATE_KINDS, certificateLabels, type CertificateKind } from '../../domain/workflow.ts'
import { ehcDecisions, type RequestFacts } from '../../domain/request.ts'

export type { AppealDeadline, CertificateContent }

export function certificateContent(input: {
  reference: string
  sequence: number
  kind: CertificateKind
  issuedOn: string
  facts: RequestFacts
  parentOrYoungPerson: { name: string; role: 'parent' | 'young-person' }
  localAuthority: string
  provider: CertificateContent['provider']
  appealDeadline?: AppealDeadline
  /** What the case's record says, which counts over the request: the letter's date, the adviser contacted. */
  recorded?: { letterDate?: string; adviserContactedOn?: string }
}): CertificateContent {
  const { facts } = input
  return {
    number: `${input.reference}-C${input.sequence}`,
    kind: input.kind,
    kindLabel: certificateLabels[input.kind],
    issuedOn: input.issuedOn,
    issuedTo: input.parentOrYoungPerson,
    child: { name: facts.child.name, dateOfBirth: facts.child.dateOfBirth },
    localAuthority: input.localAuthority,
    decision: {
      description: facts.decision
        ? ehcDecisions[facts.decision.kind]
        : 'A decision about an EHC needs assessment or plan',
      ...((input.recorded?.letterDate ?? facts.decision?.letterDate)
        ? { letterDate: input.recorded?.letterDate ?? facts.decision?.letterDate }
        : {}),
    },
    ...(input.recorded?.adviserContactedOn ? { adviserContactedOn: input.recorded.adviserContactedOn } : {}),
    provider: input.provider,
    caseReference: input.reference,
    ...(input.appealDeadline ? { appealDeadline: input.appealDeadline } : {}),
  }
}

// --- How a certificate reads: one model for the HTML page and both PDFs, so they say the same ---

/** A short name for each kind, for headings and lists. */
export const certificateKindTitles: Record<CertificateKind, string> = {
  declined: 'Mediation declined',
  'after-mediation': 'Mediation has ended',
  'cannot-arrange': 'Mediation could not be arranged within 30 days',
  'change-of-mind': 'Mediation stopped: a change of mind',
}

/** The short name of a kind as stored in certificates.kind. */
export function certificateKindTitle(kind: string): string {
  return (CERTIFICATE_KINDS as readonly string[]).includes(kind) ? certificateKindTitles[kind as CertificateKind] : kind
}

/** One plain sentence saying what the certificate means, about the person it is for. */
export function certificateKindExplanation(kind: CertificateKind, name: string): string {
  switch (kind) {
    case 'declined':
      return `${name} was given information about mediation and decided not to try it.`
    case 'after-mediation':
      return `${name} took part in mediation, and the mediation has now finished, whether or not everyone agreed.`
    case 'cannot-arrange':
      return `${name} asked for mediation, but the council could not arrange it within 30 days.`
    case 'change-of-mind':
      return `${name} first chose mediation, then decided not to go on with it.`
  }
}

export const issuedToRoles: Record<CertificateContent['issuedTo']['role'], string> = {
  parent: 'Parent or carer',
  'young-person': 'Young person',
}

export interface CertificateRow {
  key: string
  value: string
}

export type CertificateBlock =
  { type: 'paragraph'; text: string; strong?: boolean } | { type: 'rows'; rows: CertificateRow[] }

export interface CertificateSection {
  heading: string
  /** For links into the HTML page. */
  id: string
  blocks: CertificateBlock[]
}

export interface CertificateDocument {
  /** The document's title: the PDF's Title and the page's heading. */
  title: string
  /** The council's letter heading, above everything else, when it has one. */
  letterHead?: string
  heading: string
  caption: string
  intro: string
  sections: CertificateSection[]
}

/**
 * What the certificate says, in reading order. Dates are written out in full with `formatDate`
 * ("Monday 25 January 2027"); every value is plain text (the HTML view escapes it).
 */
export function certificateDocument(
  content: CertificateContent,
  appeal: AppealDeadline | undefined,
  formatDate: (isoDate: string) => string,
): CertificateDocument {
  const who = content.issuedTo.name
  const kindTitle = certificateKindTitles[content.kind]
  const appealBlocks: CertificateBlock[] = [
    {
      type: 'paragraph',
      text: `${who} can now appeal to the SEND Tribunal (the First-tier Tribunal for Special Educational Needs and Disability) about the decision above. Send a copy of this certificate with the appeal.`,
    },
    appeal
      ? { type: 'paragraph', strong: true, text: `The last day to appeal is ${formatDate(appeal.dueDate)}.` }
      : {
          type: 'paragraph',
          strong: true,
          text: 'The last day to appeal is the later of 2 months from the date of the decision letter and 1 month from the date of this certificate.',
        },
    // The rule ends by giving the date again: the sentence above says it already.
    ...(appeal
      ? [
          {
            type: 'paragraph' as const,
            text: appeal.rule.replace(/\s*The last day to appeal to the SEND Tribunal is [^.]*\.$/, ''),
          },
        ]
      : []),
  ]
  return {
    title: `Mediation certificate ${content.number}: ${kindTitle}`,
    ...(content.provider.heading?.trim() ? { letterHead: content.provider.heading.trim() } : {}),
    heading: 'Mediation certificate',
    caption: content.number,
    intro: 'A mediation certificate under section 55 of the Children and Families Act 2014.',
    sections: [
      {
        heading: 'About this certificate',
        id: 'certificate',
        blocks: [
          {
            type: 'rows',
            rows: [
              { key: 'Type of certificate', value: kindTitle },
              { key: 'What it means', value: certificateKindExplanation(content.kind, who) },
              { key: 'Date of issue', value: formatDate(content.issuedOn) },
              { key: 'Certificate number', value: content.number },
              { key: 'Case reference', value: content.caseReference },
            ],
          },
        ],
      },
      {
        heading: 'Who it is for',
        id: 'issued-to',
        blocks: [
          {
            type: 'rows',
            rows: [
              { key: 'Name', value: who },
              { key: 'Role', value: issuedToRoles[content.issuedTo.role] },
            ],
          },
        ],
      },
      {
        heading: 'The child or young person',
        id: 'child',
        blocks: [
          {
            type: 'rows',
            rows: [
              { key: 'Name', value: content.child.name },
              { key: 'Date of birth', value: formatDate(content.child.dateOfBirth) },
            ],
          },
        ],
      },
      {
        heading: 'The decision in dispute',
        id: 'decision',
        blocks: [
          {
            type: 'rows',
            rows: [
              { key: 'Local authority (council)', value: content.localAuthority },
              { key: 'Decision', value: content.decision.description },
              {
                key: 'Date of the decision letter',
                value: content.decision.letterDate ? formatDate(content.decision.letterDate) : 'Not known',
              },
              ...(content.adviserContactedOn
                ? [{ key: 'Mediation adviser contacted', value: formatDate(content.adviserContactedOn) }]
                : []),
            ],
          },
        ],
      },
      { heading: 'Appealing to the SEND Tribunal', id: 'appeal', blocks: appealBlocks },
      {
        heading: 'Issued by',
        id: 'provider',
        blocks: [
          {
            type: 'rows',
            rows: [
              { key: 'Mediation service', value: content.provider.name },
              { key: 'Address', value: content.provider.address || 'Not recorded' },
              { key: 'Phone', value: content.provider.phone || 'Not recorded' },
            ],
          },
          ...(content.provider.signature?.trim()
            ? [{ type: 'paragraph' as const, text: content.provider.signature.trim() }]
            : []),
        ],
      },
    ],
  }
}

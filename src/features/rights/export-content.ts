// One case's part of a subject access export, as data: what the case holds about the person (as
// its child or as one of its parties), with everything that is someone else's marked for review
// before release. Another party's name and contact details are `thirdParty`; a text that mentions
// them lists what it mentions (`thirdPartyMentions`), and the readable copy highlights it. The
// child's own details, in a request by a parent, carry a note to check the parent acts for them.
import type { RightsMatch } from '../../db/schema/index.ts'
import type { caseWithCouncil } from './export-repository.ts'
import { roleName } from './labels.ts'

type CaseRow = NonNullable<Awaited<ReturnType<typeof caseWithCouncil>>>
type Party = {
  id: string
  role: string
  name: string
  organisation: string | null
  email: string | null
  phone: string | null
  isRequester: boolean
  contactPreferences: unknown
  adjustments: unknown
}

export interface CaseSources {
  found: CaseRow
  matches: RightsMatch[]
  parties: Party[]
  events: { occurredOn: string; recordedAt: Date; actorLabel: string; title: string; description: string }[]
  messages: {
    partyId: string | null
    channel: string
    recipientName: string
    recipientAddress: string
    subject: string
    body: string
    status: string
    sentAt: Date | null
    createdAt: Date
  }[]
  summaries: { partyId: string; text: string | null; fileName: string | null; file: Buffer | null; submittedAt: Date }[]
  contacts: { partyId: string; contactedOn: string; method: string; note: string }[]
  childViews: { views: string; gatheredBy: string; gatheredOn: string }[]
  agreement?: {
    agreement: { status: string; finalisedOn: string | null; notAgreed: string[] }
    points: {
      position: number
      what: string
      responsiblePartyId: string | null
      responsibleName: string | null
      byWhen: string | null
      dueDate: string | null
      followUp: string
    }[]
  }
  certificates: { kind: string; title: string; issuedOn: string; issuedTo: string; file: string }[]
}

export const reviewNotice =
  "Anything marked thirdParty is another person's data, and every thirdPartyMentions lists another person's details found in a text: review each before release (UK GDPR art. 15(4), DPA 2018 sch. 2 para. 16), and remove or redact what should not go."
export const childNotice =
  "The child's own data: release it to a parent only where they act for the child (a young person over 16 decides for themselves, where they have capacity)."

/** Another person's details as they may appear in a text: their name, email, phone, organisation. */
function mentionsOf(others: Party[]) {
  const values = others
    .flatMap((p) => [p.name, p.email, p.phone, p.organisation])
    .filter((v): v is string => !!v && v.trim().length >= 3)
  const unique = [...new Set(values.map((v) => v.trim()))]
  return (text: string | null | undefined): string[] => {
    if (!text) return []
    const lower = text.toLowerCase()
    return unique.filter((v) => lower.includes(v.toLowerCase()))
  }
}

export function caseFile(src: CaseSources) {
  const c = src.found.case
  const subjectParties = new Set(src.matches.filter((m) => m.as === 'party').map((m) => m.partyId!))
  const asChild = src.matches.some((m) => m.as === 'child')
  const others = src.parties.filter((p) => !subjectParties.has(p.id))
  const mentions = mentionsOf(others)
  const requesterIsSubject = src.parties.some((p) => p.isRequester && subjectParties.has(p.id))
  const partyName = (id: string | null) => src.parties.find((p) => p.id === id)?.name ?? ''
  const facts = c.request
  return {
    reference: c.reference,
    council: src.found.council,
    status: c.status,
    scope: c.scope,
    receivedOn: c.receivedOn,
    foundAs: src.matches.map((m) =>
      m.as === 'child' ? 'child' : roleName(src.parties.find((p) => p.id === m.partyId)?.role ?? ''),
    ),
    child: {
      name: c.childName,
      dateOfBirth: c.childDateOfBirth,
      setting: c.childSetting,
      postcode: c.childPostcode,
      ehcStatus: c.ehcStatus,
      subject: asChild,
      ...(asChild ? {} : { review: childNotice }),
    },
    request: {
      areas: facts.areas,
      decision: facts.decision ?? null,
      whatHappened: facts.whatHappened,
      thirdPartyMentions: mentions(facts.whatHappened),
      // The contact details given with the request are the requester's.
      contact: { ...facts.contact, thirdParty: !requesterIsSubject },
      adjustments: facts.adjustments,
    },
    parties: src.parties.map((p) => ({
      role: p.role,
      roleName: roleName(p.role),
      name: p.name,
      organisation: p.organisation,
      email: p.email,
      phone: p.phone,
      subject: subjectParties.has(p.id),
      thirdParty: !subjectParties.has(p.id),
      ...(subjectParties.has(p.id) ? { contactPreferences: p.contactPreferences, adjustments: p.adjustments } : {}),
    })),
    timeline: src.events.map((e) => ({
      occurredOn: e.occurredOn,
      recordedAt: e.recordedAt.toISOString(),
      by: e.actorLabel,
      title: e.title,
      description: e.description,
      thirdPartyMentions: mentions(`${e.title}\n${e.description}`),
    })),
    messages: src.messages.map((m) => ({
      to: m.recipientName,
      address: m.recipientAddress,
      channel: m.channel,
      subject: m.subject,
      body: m.body,
      status: m.status,
      sentAt: (m.sentAt ?? m.createdAt).toISOString(),
      thirdPartyMentions: mentions(`${m.subject}\n${m.body}`),
    })),
    summaries: src.summaries.map((s, i) => ({
      by: partyName(s.partyId),
      submittedAt: s.submittedAt.toISOString(),
      text: s.text,
      file: s.file && s.fileName ? summaryFilePath(c.reference, i, s.fileName) : null,
      thirdPartyMentions: mentions(s.text),
    })),
    contacts: src.contacts.map((k) => ({
      with: partyName(k.partyId),
      contactedOn: k.contactedOn,
      method: k.method,
      note: k.note,
      thirdPartyMentions: mentions(k.note),
    })),
    childViews: asChild ? src.childViews : [],
    agreement: src.agreement
      ? {
          status: src.agreement.agreement.status,
          finalisedOn: src.agreement.agreement.finalisedOn,
          notAgreed: src.agreement.agreement.notAgreed,
          points: src.agreement.points.map((p) => ({
            position: p.position,
            what: p.what,
            responsible: p.responsibleName ?? partyName(p.responsiblePartyId),
            thirdParty: !!p.responsiblePartyId && !subjectParties.has(p.responsiblePartyId),
            byWhen: p.byWhen,
            dueDate: p.dueDate,
            followUp: p.followUp,
            thirdPartyMentions: mentions(p.what),
          })),
        }
      : null,
    certificates: src.certificates,
    /** Every other person's detail this case's part holds, for the reviewer's search. */
    thirdPartyDetails: others.map((p) => ({
      role: roleName(p.role),
      name: p.name,
      organisation: p.organisation,
      email: p.email,
      phone: p.phone,
    })),
  }
}

export type CaseFile = ReturnType<typeof caseFile>

export const caseFolder = (reference: string) => `cases/${reference.replace(/[^A-Za-z0-9-]/g, '')}`

export function summaryFilePath(reference: string, index: number, fileName: string) {
  return `${caseFolder(reference)}/summary-${index + 1}-${fileName.replace(/[^A-Za-z0-9._-]/g, '_').slice(-80)}`
}

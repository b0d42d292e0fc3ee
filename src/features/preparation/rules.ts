// Preparation rules as pure code: how a party is named, who may see the child's views and the
// parties' summaries, when summaries count as released, and what an uploaded document really is.
// No I/O and no clock: callers pass today.

// --- Parties ---

/** The case_parties roles that prepare for the meeting (whoever asked for the family is not one). */
export const PREPARING_ROLES = ['parent', 'young-person', 'local-authority', 'school', 'health', 'social-care'] as const
export type PartyRole = (typeof PREPARING_ROLES)[number]

export const isPreparingParty = (party: { role: string }) => party.role !== 'referrer'

/** Parties in a steady order: the family first, then the council, the setting, health, social care. */
export function inPartyOrder<P extends { role: string; name: string }>(parties: readonly P[]): P[] {
  const rank = (p: P) => {
    const i = (PREPARING_ROLES as readonly string[]).indexOf(p.role)
    return i < 0 ? PREPARING_ROLES.length : i
  }
  return [...parties].sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name))
}

/** How an organisation is named in the middle of a sentence. */
const organisationNames: Record<string, string> = {
  'local-authority': 'the council',
  school: 'the school',
  health: 'the health body',
  'social-care': 'social care',
}

/** Roles, as staff read them in lists and checkboxes. */
export const partyRoleLabels: Record<string, string> = {
  parent: 'The parent or carer',
  'young-person': 'The young person',
  'local-authority': 'The council',
  school: 'The school or college',
  health: 'The health body',
  'social-care': 'Social care',
}

/** "Sarah Hartley" for a person, "the school (Brookfield Primary School)" for an organisation. */
export function partyLabel(party: { role: string; name: string; organisation?: string | null }): string {
  const organisation = organisationNames[party.role]
  if (!organisation)
    return party.name.trim() || (party.role === 'young-person' ? 'the young person' : 'the parent or carer')
  const name = (party.organisation ?? '').trim() || party.name.trim()
  return name ? `${organisation} (${name})` : organisation
}

/** The refusal when a meeting is arranged before every party has been contacted, or undefined. */
export function notContactedReason(
  missing: { role: string; name: string; organisation?: string | null }[],
): string | undefined {
  if (!missing.length) return undefined
  return `Contact every party before arranging the meeting. Not contacted yet: ${missing.map(partyLabel).join(', ')}.`
}

// --- The voice of the child ---

export const STAFF_ROLES = ['coordinator', 'mediator', 'manager', 'administrator'] as const

export interface ChildViewSharing {
  consentToShare: boolean
  /** The party roles the child agreed may see their views. */
  shareWith: readonly string[]
}

/**
 * Whether someone in this role may read the child's views: staff always (the mediator must hear
 * them); a party only if the child agreed to share them, and with that party's role.
 */
export function childViewsVisibleTo(role: string, view: ChildViewSharing): boolean {
  if ((STAFF_ROLES as readonly string[]).includes(role)) return true
  if (role === 'referrer') return false
  return view.consentToShare && view.shareWith.includes(role)
}

// --- Summaries ---

/** Released by the coordinator, or on the set day at the latest. */
export function summariesReleased(
  caseRow: { summariesReleasedAt: Date | null; summariesReleaseOn: string | null },
  today: string,
): boolean {
  if (caseRow.summariesReleasedAt) return true
  return !!caseRow.summariesReleaseOn && caseRow.summariesReleaseOn <= today
}

export type SummaryViewer = { kind: 'staff' } | { kind: 'party'; partyId: string }

/** Staff see every summary; a party sees its own, and the others' only once they are released. */
export function summaryVisibleTo(viewer: SummaryViewer, summary: { partyId: string }, released: boolean): boolean {
  if (viewer.kind === 'staff') return true
  return summary.partyId === viewer.partyId || released
}

// --- Uploaded documents: the type is what the content is, never what the name says ---

export const PDF_TYPE = 'application/pdf'
export const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
export type DocumentType = typeof PDF_TYPE | typeof DOCX_TYPE

export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024

const startsWith = (bytes: Uint8Array, prefix: number[]) => prefix.every((b, i) => bytes[i] === b)

/** A PDF or a Word document (.docx), judged by the bytes; undefined for anything else. */
export function documentTypeOf(bytes: Uint8Array): DocumentType | undefined {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return PDF_TYPE // %PDF-
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    const names = zipEntryNames(bytes)
    if (names.has('[Content_Types].xml') && names.has('word/document.xml')) return DOCX_TYPE
  }
  return undefined
}

export const extensionOf = (type: DocumentType) => (type === PDF_TYPE ? 'pdf' : 'docx')

/** The names in a zip: from its central directory, or else by walking its local headers. */
export function zipEntryNames(bytes: Uint8Array): Set<string> {
  const names = new Set<string>()
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const u32 = (at: number) => (at + 4 <= bytes.length ? view.getUint32(at, true) : -1)
  const u16 = (at: number) => (at + 2 <= bytes.length ? view.getUint16(at, true) : -1)
  const nameAt = (at: number, length: number) =>
    at + length <= bytes.length ? new TextDecoder().decode(bytes.subarray(at, at + length)) : undefined

  // The end of central directory record is in the last 22 + 65,535 bytes.
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (u32(at) !== 0x06054b50) continue
    let entry = u32(at + 16)
    const count = u16(at + 10)
    for (let i = 0; i < count && entry >= 0 && u32(entry) === 0x02014b50; i++) {
      const nameLength = u16(entry + 28)
      const name = nameAt(entry + 46, nameLength)
      if (name !== undefined) names.add(name)
      entry += 46 + nameLength + u16(entry + 30) + u16(entry + 32)
    }
    if (names.size) return names
    break
  }
  // No usable central directory: walk the local file headers while their sizes are known.
  let at = 0
  while (u32(at) === 0x04034b50) {
    const nameLength = u16(at + 26)
    const name = nameAt(at + 30, nameLength)
    if (name !== undefined) names.add(name)
    const compressed = u32(at + 18)
    if ((u16(at + 6) & 0x08) !== 0 && compressed === 0) break // sizes follow the data: cannot skip
    at += 30 + nameLength + u16(at + 28) + compressed
  }
  return names
}

/** A file name safe for a Content-Disposition header, with the extension of the checked type. */
export function downloadName(original: string | null, type: DocumentType, fallback: string): string {
  const base = (original ?? '')
    .replace(/\.[^.]*$/, '')
    .replace(/[^A-Za-z0-9 ._-]+/g, '')
    .trim()
    .slice(0, 80)
  return `${base || fallback}.${extensionOf(type)}`
}

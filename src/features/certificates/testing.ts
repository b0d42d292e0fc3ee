// For tests: what a certificate issued on the rules.md worked example keeps, and `readPdf`, which
// reads a PDF back with pdf.js (a dev dependency) the way a screen reader or a search tool would:
// its text, its document information, whether it is tagged, and its structure tree with the text
// of each element (and its ActualText), in reading order.
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs'
import { asc, eq } from 'drizzle-orm'
import type { Clock } from '../../clock.ts'
import type { Database } from '../../db/client.ts'
import { cases, certificates } from '../../db/schema/index.ts'
import { makeCase, sampleFacts } from '../cases/testing.ts'
import { createWorkflowService } from '../cases/index.ts'
import { certificateContent, type CertificateContent } from './content.ts'

export interface TaggedElement {
  role: string
  /** The text of the element and everything inside it. */
  text: string
  /** The exact words kept with the element (its ActualText or Alt), if any. */
  alt?: string
  depth: number
}

export interface ReadPdf {
  pages: number
  /** All the text, pages in order, whitespace collapsed. */
  text: string
  info: Record<string, unknown>
  marked: boolean
  displayDocTitle: boolean
  /** Every structure element, depth first: the logical reading order. */
  structure: TaggedElement[]
  /** The size of most of the text, in points. */
  bodyFontSize: number
}

interface Node {
  role?: string
  type?: string
  id?: string
  alt?: string
  children?: Node[]
}

/** Names as people type them, in the scripts the PDFs' fonts cover: each PDF gives each back exactly. */
export const namesInEveryScript = ['Zoë Ní Bhriain', 'Łukasz Wróbel', 'Ελένη', 'Дмитрий', 'محمد', '李华'] as const

/** The fonts a PDF embeds, by name ("NotoSans-Regular"). */
export const embeddedFonts = (bytes: Uint8Array) =>
  [
    ...new Set(
      Buffer.from(bytes)
        .toString('latin1')
        .match(/\/BaseFont \/[A-Z]{6}\+[\w-]+/g),
    ),
  ]
    .map((f) => f.replace(/.*\+/, ''))
    .sort()

const collapse = (s: string) => s.replace(/\s+/g, ' ').trim()

export async function readPdf(bytes: Uint8Array): Promise<ReadPdf> {
  const task = getDocument({ data: new Uint8Array(bytes), verbosity: 0 })
  const pdf = await task.promise
  try {
    const { info } = await pdf.getMetadata()
    const markInfo = await pdf.getMarkInfo()
    const preferences = await pdf.getViewerPreferences()
    const texts: string[] = []
    const structure: TaggedElement[] = []
    const sizes = new Map<number, number>()
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n)
      const content = await page.getTextContent({ includeMarkedContent: true })
      const byId = new Map<string, string>()
      const open: string[] = []
      for (const item of content.items) {
        if ('str' in item) {
          texts.push(item.str, item.hasEOL ? ' ' : '')
          if (item.str.trim())
            sizes.set(Math.round(item.height), (sizes.get(Math.round(item.height)) ?? 0) + item.str.length)
          for (const id of open) byId.set(id, (byId.get(id) ?? '') + item.str + (item.hasEOL ? ' ' : ''))
        } else if (item.type === 'beginMarkedContentProps' && item.id) {
          open.push(item.id)
        } else if (item.type === 'beginMarkedContent' || item.type === 'beginMarkedContentProps') {
          open.push('')
        } else if (item.type === 'endMarkedContent') {
          open.pop()
        }
      }
      texts.push(' ')
      const walk = (node: Node, depth: number): string => {
        if (node.type === 'content') return byId.get(node.id ?? '') ?? ''
        const element: TaggedElement = {
          role: node.role ?? '',
          text: '',
          ...(node.alt ? { alt: node.alt } : {}),
          depth,
        }
        if (node.role && node.role !== 'Root') structure.push(element)
        element.text = collapse((node.children ?? []).map((child) => walk(child, depth + 1)).join(' '))
        return element.text
      }
      const tree = (await page.getStructTree()) as Node | null
      if (tree) walk(tree, 0)
    }
    const bodyFontSize = [...sizes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0
    return {
      pages: pdf.numPages,
      text: collapse(texts.join('')),
      info: info as Record<string, unknown>,
      // pdf.js types it as an object, but hands back a Map.
      marked: (markInfo instanceof Map ? (markInfo as Map<string, unknown>).get('Marked') : markInfo?.Marked) === true,
      displayDocTitle: preferences?.get('DisplayDocTitle') === true,
      structure,
      bodyFontSize,
    }
  } finally {
    await task.destroy()
  }
}

/** What the worked example's certificate keeps (a parent's case, letter sent 19 October 2026). */
export function sampleContent(
  change: { childName?: string; kind?: CertificateContent['kind']; noLetterDate?: boolean } = {},
): CertificateContent {
  const facts = sampleFacts({ childName: change.childName })
  if (change.noLetterDate) facts.decision = { kind: 'refuse-amend' }
  return certificateContent({
    reference: 'MED-2026-000042',
    sequence: 1,
    kind: change.kind ?? 'declined',
    issuedOn: '2026-12-23',
    facts,
    parentOrYoungPerson: { name: 'Sarah Hartley', role: 'parent' },
    localAuthority: 'Warrington Borough Council',
    provider: {
      name: 'SEN Mediation and Disagreement Resolution Service',
      address: '249 Birmingham Road, Sutton Coldfield, West Midlands, B72 1EA',
      phone: '03330 062 835',
    },
  })
}

/**
 * The worked example in rules.md, through the workflow service: a parent's case (letter sent
 * Monday 19 October 2026) declines mediation on Friday 18 December 2026, and the certificate is
 * issued on Wednesday 23 December 2026. Leaves the clock there.
 */
export async function issueWorkedExample(
  database: Database,
  clock: Clock & { set(at: string): void },
  change: Parameters<typeof makeCase>[2] & { largePrint?: boolean } = {},
) {
  clock.set('2026-12-18T10:00:00Z')
  const made = await makeCase(database, clock, change)
  if (change.largePrint) {
    const [row] = await database.db.select().from(cases).where(eq(cases.id, made.id))
    const request = row!.request as ReturnType<typeof sampleFacts>
    await database.db
      .update(cases)
      .set({ request: { ...request, adjustments: { kinds: ['large-print'] } } })
      .where(eq(cases.id, made.id))
  }
  const workflow = createWorkflowService({ db: database.db, clock })
  const actor = { label: 'Test coordinator' }
  const steps = [
    () =>
      workflow.apply(
        made.id,
        { type: 'decide-scope', scope: 'sen-mediation', reason: 'An EHC plan decision' },
        { actor },
      ),
    () => workflow.apply(made.id, { type: 'decline-mediation' }, { actor }),
    () => (
      clock.set('2026-12-23T12:00:00Z'),
      workflow.apply(made.id, { type: 'issue-certificate', kind: 'declined' }, { actor })
    ),
  ]
  for (const step of steps) {
    const result = await step()
    if (!result.ok) throw new Error(result.reason)
  }
  const [certificate] = await database.db
    .select()
    .from(certificates)
    .where(eq(certificates.caseId, made.id))
    .orderBy(asc(certificates.createdAt))
  return { ...made, certificateId: certificate!.id, number: (certificate!.content as CertificateContent).number }
}

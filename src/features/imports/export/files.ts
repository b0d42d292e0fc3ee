// The export's files as CSV, written a page of cases at a time (csv-stringify), so a long list
// streams out and is never all in memory: the cases, their people, and their events. A cell a
// spreadsheet would run as a formula (=, +, -, @) is written with a ' before it.
import { stringify } from 'csv-stringify/sync'
import { Zip, ZipDeflate } from 'fflate'
import type { Db } from '../../../db/client.ts'
import { channelLabel, labelOf, partyRoles, scopeLabel, statusLabel } from '../../cases/index.ts'
import { casesAfter, eventsOf, peopleOf } from './repository.ts'
import type { SQL } from 'drizzle-orm'

export const PAGE = 500

const safe = (value: unknown) => {
  const text = value === null || value === undefined ? '' : String(value)
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text
}
const csv = (rows: unknown[][]) =>
  stringify(
    rows.map((r) => r.map(safe)),
    { record_delimiter: 'windows' },
  )

type CasePage = Awaited<ReturnType<typeof casesAfter>>

/** Each page of the filter's cases, in reference order. */
async function* pages(db: Db, where: SQL): AsyncGenerator<CasePage> {
  let after: string | undefined
  for (;;) {
    const page = await casesAfter(db, where, after, PAGE)
    if (page.length) yield page
    if (page.length < PAGE) return
    after = page.at(-1)!.reference
  }
}

export type ExportFile = 'cases' | 'people' | 'events'

const headings: Record<ExportFile, string[]> = {
  cases: [
    'Reference',
    'Council',
    'Status',
    'Scope',
    'How they got in touch',
    'First contact',
    'Child or young person',
    'Date of birth',
    'School or setting',
    'Postcode',
    'EHC plan',
    'Decision',
    'Decision letter date',
  ],
  people: ['Case reference', 'Role', 'Name', 'Organisation', 'Email', 'Phone', 'Asked for help'],
  events: ['Case reference', 'Event', 'What', 'Day it happened', 'Recorded at', 'Recorded by', 'Details'],
}

/** One file of the export, as chunks of CSV text (the first with a byte-order mark, for Excel). */
export async function* exportCsv(db: Db, where: SQL, file: ExportFile): AsyncGenerator<string> {
  yield '\ufeff' + csv([headings[file]])
  for await (const page of pages(db, where)) {
    if (file === 'cases') {
      yield csv(
        page.map((c) => [
          c.reference,
          c.council,
          statusLabel(c.status),
          scopeLabel(c.scope),
          channelLabel(c.channel),
          c.receivedOn,
          c.childName,
          c.childDateOfBirth,
          c.childSetting,
          c.childPostcode,
          c.ehcStatus,
          c.request.decision?.kind ?? '',
          c.request.decision?.letterDate ?? '',
        ]),
      )
      continue
    }
    const referenceOf = new Map(page.map((c) => [c.id, c.reference]))
    const ids = page.map((c) => c.id)
    if (file === 'people') {
      const people = await peopleOf(db, ids)
      yield csv(
        people.map((p) => [
          referenceOf.get(p.caseId),
          labelOf(partyRoles, p.role),
          p.name,
          p.organisation,
          p.email,
          p.phone,
          p.isRequester ? 'Yes' : 'No',
        ]),
      )
    } else {
      const events = await eventsOf(db, ids)
      yield csv(
        events.map((e) => [
          referenceOf.get(e.caseId),
          e.id,
          e.type,
          e.occurredOn,
          e.recordedAt.toISOString(),
          e.actorLabel,
          JSON.stringify(e.data),
        ]),
      )
    }
  }
}

/** The handover: the three files in one zip, each streamed in turn. */
export async function* handoverZip(db: Db, where: SQL): AsyncGenerator<Uint8Array> {
  const out: Uint8Array[] = []
  const zip = new Zip((err, chunk) => {
    if (err) throw err
    out.push(chunk)
  })
  const encoder = new TextEncoder()
  for (const file of ['cases', 'people', 'events'] as const) {
    const entry = new ZipDeflate(`${file}.csv`, { level: 6 })
    zip.add(entry)
    for await (const text of exportCsv(db, where, file)) {
      entry.push(encoder.encode(text))
      yield* out.splice(0)
    }
    entry.push(new Uint8Array(0), true)
    yield* out.splice(0)
  }
  zip.end()
  yield* out.splice(0)
}

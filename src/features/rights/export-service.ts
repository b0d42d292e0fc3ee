// A subject access export: everything held about the person in the cases staff picked, as one zip
// of readable pages (index.html, a page per case, the certificates as their PDFs) and the same as
// data.json, with other people's data marked for review. A few cases are built at once; more are
// queued for the rights-exports job (the request's page shows it waiting). Making one is in the
// audit trail; each download is too (the audit's download hook).
import { zipSync, strToU8 } from 'fflate'
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import type { RightsMatch } from '../../db/schema/index.ts'
import { RefusalError, refusalsAsResults, type Result } from '../../domain/result.ts'
import type { StaffUser } from '../../domain/staff.ts'
import { formatDate } from '../../web/format.ts'
import { recordEntry, type AuditActor } from '../audit/index.ts'
import { describeEvent, visibleCases } from '../cases/index.ts'
import { certificateDocument, certificateKindTitle, renderCertificatePdf } from '../certificates/index.ts'
import { withSignInSecretsHidden } from '../messages/index.ts'
import { canSeeRequest } from './access.ts'
import { caseFile, caseFolder, reviewNotice, type CaseFile } from './export-content.ts'
import { casePage, indexPage } from './export-html.ts'
import {
  agreementOf,
  caseWithCouncil,
  certificatesOfCase,
  childViewsOf,
  eventsOfCase,
  messagesTo,
  partiesOfCase,
  preparationOf,
} from './export-repository.ts'
import { visibleOf } from './find-repository.ts'
import {
  deleteExportFilesBefore,
  exportFile,
  insertExport,
  requestIn,
  setExport,
  takeQueuedExport,
  type RightsRequestRow,
} from './repository.ts'

/** Up to this many cases an export is built while the person waits; more go to the job. */
export const AT_ONCE_CASES = 5
/**
 * Days an export's file is kept after it is made: it holds everything about a person, so it is
 * kept long enough to check and send, and then deleted (the request keeps that it was made).
 */
export const EXPORT_KEPT_DAYS = 30

/** The matches grouped by case, in the order they were picked. */
function byCase(matches: RightsMatch[]) {
  const cases = new Map<string, RightsMatch[]>()
  for (const m of matches) cases.set(m.caseId, [...(cases.get(m.caseId) ?? []), m])
  return cases
}

async function gatherCase(db: Db, clock: Clock, caseId: string, matches: RightsMatch[]) {
  const found = await caseWithCouncil(db, caseId)
  if (!found) return undefined
  const partyIds = matches.flatMap((m) => (m.as === 'party' && m.partyId ? [m.partyId] : []))
  const [parties, events, sent, preparation, views, agreement, certificates] = await Promise.all([
    partiesOfCase(db, caseId),
    eventsOfCase(db, caseId),
    messagesTo(db, caseId, partyIds),
    preparationOf(db, caseId, partyIds),
    childViewsOf(db, caseId),
    agreementOf(db, caseId),
    certificatesOfCase(db, caseId),
  ])
  const folder = caseFolder(found.case.reference)
  const files: Record<string, Uint8Array> = {}
  const certificateList = []
  for (const [i, c] of certificates.entries()) {
    const document = certificateDocument(c.content, c.content.appealDeadline, formatDate)
    const pdf = await renderCertificatePdf(document, {
      largePrint: false,
      createdAt: clock.now(),
      author: c.content.provider.name,
    })
    const file = `${folder}/certificate-${i + 1}.pdf`
    files[file] = new Uint8Array(pdf)
    certificateList.push({
      kind: c.kind,
      title: certificateKindTitle(c.kind),
      issuedOn: c.issuedOn,
      issuedTo: c.content.issuedTo.name,
      file,
    })
  }
  const file = caseFile({
    found,
    matches,
    parties,
    events: events.map((e) => ({ ...e, ...describeEvent(e.type, e.data) })),
    messages: sent.map((m) => ({ ...m, body: withSignInSecretsHidden(m).body })),
    summaries: preparation.summaries,
    contacts: preparation.contacts,
    childViews: views,
    agreement,
    certificates: certificateList,
  })
  for (const [i, s] of preparation.summaries.entries()) {
    const path = file.summaries[i]?.file
    if (path && s.file) files[path] = new Uint8Array(s.file)
  }
  return { file, files }
}

/** The zip of a request's export: data.json, index.html, a folder per case. */
export async function buildExport(db: Db, clock: Clock, request: RightsRequestRow, seen: Set<string>) {
  const exportedAt = clock.now().toISOString()
  const caseFiles: CaseFile[] = []
  const files: Record<string, Uint8Array> = {}
  for (const [caseId, matches] of byCase(request.matches)) {
    if (!seen.has(caseId)) continue
    const part = await gatherCase(db, clock, caseId, matches)
    if (!part) continue
    caseFiles.push(part.file)
    Object.assign(files, part.files)
    files[`${caseFolder(part.file.reference)}/case.html`] = strToU8(
      casePage(part.file, (f) => f.slice(caseFolder(part.file.reference).length + 1)),
    )
  }
  const about = {
    reference: request.reference,
    kind: request.kind,
    subjectName: request.subjectName,
    requesterName: request.requesterName,
    receivedOn: request.receivedOn,
    dueOn: request.dueOn,
    exportedAt,
  }
  files['data.json'] = strToU8(JSON.stringify({ request: about, notice: reviewNotice, cases: caseFiles }, null, 2))
  files['index.html'] = strToU8(indexPage(about, caseFiles, (f) => `${caseFolder(f.reference)}/case.html`))
  return Buffer.from(zipSync(files, { level: 6 }))
}

const fileNameOf = (request: RightsRequestRow, clock: Clock) =>
  `subject-access-${request.reference}-${clock.today()}.zip`

export function createExportService({
  db,
  clock,
  atOnceUpTo = AT_ONCE_CASES,
}: {
  db: Db
  clock: Clock
  atOnceUpTo?: number
}) {
  return {
    /** Makes the export: at once for a few cases (ready to download), else queued for the job. */
    make(user: StaffUser, by: AuditActor, requestId: string): Promise<Result<{ exportId: string; queued: boolean }>> {
      return refusalsAsResults(async () => {
        const found = await requestIn(db, user.councils, requestId)
        if (!found || !canSeeRequest(user, found.request))
          throw new RefusalError('There is no such request.', undefined, 'not-found')
        const request = found.request
        if (request.kind !== 'access') throw new RefusalError('Only a subject access request has an export', 'export')
        if (!request.matches.length)
          throw new RefusalError('Choose where the person was found before exporting their data', 'export')
        const seen = await visibleOf(db, visibleCases(user), [...byCase(request.matches).keys()])
        const queued = seen.size > atOnceUpTo
        const row = await insertExport(db, {
          requestId,
          status: 'queued',
          fileName: fileNameOf(request, clock),
          requestedBy: user.id,
          createdAt: clock.now(),
        })
        await recordEntry(db, clock, {
          by,
          action: 'rights.export-made',
          record: { kind: 'rights-request', id: requestId },
          before: null,
          after: { export: row.id, cases: seen.size, queued },
        })
        if (!queued) await finish(row.id, request, seen)
        return { ok: true as const, exportId: row.id, queued }
      })
    },

    /** The export's zip, if it is ready and the request is one this person may see. */
    async download(user: StaffUser, requestId: string, exportId: string) {
      const found = await requestIn(db, user.councils, requestId)
      if (!found || !canSeeRequest(user, found.request)) return undefined
      const row = await exportFile(db, requestId, exportId)
      return row?.status === 'ready' && row.file ? { fileName: row.fileName, file: row.file } : undefined
    },
  }

  async function finish(exportId: string, request: RightsRequestRow, seen: Set<string>) {
    try {
      const zip = await buildExport(db, clock, request, seen)
      await setExport(db, exportId, { status: 'ready', file: zip, size: zip.length, readyAt: clock.now() })
    } catch (error) {
      await setExport(db, exportId, {
        status: 'failed',
        error: error instanceof Error ? error.message.slice(0, 500) : 'failed',
      })
      throw error
    }
  }
}

/**
 * The rights-exports job: builds each queued export, oldest first, with the cases its requester
 * may see when it runs. Safe to run on several instances: each export is taken by one.
 */
export async function runQueuedExports(
  { db, clock }: { db: Db; clock: Clock },
  loadUser: (id: string) => Promise<StaffUser | undefined>,
) {
  let built = 0
  for (let taken = await takeQueuedExport(db); taken; taken = await takeQueuedExport(db)) {
    const user = taken.requestedBy ? await loadUser(taken.requestedBy) : undefined
    const found = user ? await requestIn(db, user.councils, taken.requestId) : undefined
    if (!user || !found) {
      await setExport(db, taken.id, {
        status: 'failed',
        error: 'The person who asked for it can no longer see the request',
      })
      continue
    }
    const seen = await visibleOf(db, visibleCases(user), [...byCase(found.request.matches).keys()])
    try {
      const zip = await buildExport(db, clock, found.request, seen)
      await setExport(db, taken.id, { status: 'ready', file: zip, size: zip.length, readyAt: clock.now() })
      built++
    } catch (error) {
      await setExport(db, taken.id, {
        status: 'failed',
        error: error instanceof Error ? error.message.slice(0, 500) : 'failed',
      })
    }
  }
  // The files made more than EXPORT_KEPT_DAYS ago are deleted, a batch at a time.
  const before = new Date(clock.now().getTime() - EXPORT_KEPT_DAYS * 24 * 60 * 60 * 1000)
  let deleted = 0
  for (let n = await deleteExportFilesBefore(db, before); n > 0; n = await deleteExportFilesBefore(db, before))
    deleted += n
  return { built, deleted }
}

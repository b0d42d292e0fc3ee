// Case imports as an administrator works through one: upload a file, choose which column is
// which field (saved for next time), see the dry run, start the import (the job does it: job.ts),
// and undo it as one batch. Every step is in the audit trail; every case made has its own events.
import { createHash } from 'node:crypto'
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { oncePerKey } from '../../db/once-per-key.ts'
import { refuse, type Result } from '../../domain/result.ts'
import { recordChange, type AuditActor } from '../audit/index.ts'
import { importFields, proposedMapping } from './fields.ts'
import { kindOf, readFile } from './read-file.ts'
import {
  batchById,
  changedCases,
  insertBatch,
  recentBatches,
  savedMapping,
  saveMapping,
  updateBatch,
} from './repository.ts'

export const MAX_FILE_BYTES = 20 * 1024 * 1024
/** The most rows one file may have. */
export const MAX_ROWS = 100_000

export interface ImportDeps {
  db: Db
  clock: Clock
}

const record = (batchId: string, action: string, by: AuditActor, after: Record<string, unknown>) => ({
  by,
  action: `case-import.${action}`,
  record: { kind: 'case-import', id: batchId },
  before: null,
  after,
})

export async function uploadFile(
  { db, clock }: ImportDeps,
  by: AuditActor & { userId: string },
  upload: { fileName: string; bytes: Buffer; submissionKey: string },
): Promise<Result<{ batchId: string }>> {
  const kind = kindOf(upload.fileName, upload.bytes)
  if (!kind) return refuse('The selected file must be a CSV file or an Excel workbook (.xlsx)', 'file')
  let read
  try {
    read = await readFile(kind, upload.bytes)
  } catch {
    return refuse(
      `The selected file could not be read as ${kind === 'csv' ? 'a CSV file' : 'an Excel workbook'}`,
      'file',
    )
  }
  if (!read.headers.length) return refuse('The selected file is empty', 'file')
  if (!read.rows.length) return refuse('The selected file has headings but no rows of cases', 'file')
  if (read.rows.length > MAX_ROWS)
    return refuse(
      `The selected file must have ${MAX_ROWS.toLocaleString('en-GB')} rows or fewer: split it into smaller files`,
      'file',
    )
  const headers = read.headers.map((h, i) => h || `Column ${i + 1}`)
  if (new Set(headers).size !== headers.length)
    return refuse('Each column of the file must have a different heading', 'file')
  const fileHash = createHash('sha256').update(upload.bytes).digest('hex')
  const batchId = await oncePerKey(db, clock, upload.submissionKey, async (tx) => {
    const id = await insertBatch(tx, {
      uploadedBy: by.userId,
      fileName: upload.fileName.slice(0, 200),
      fileKind: kind,
      file: upload.bytes,
      fileHash,
      headers,
      rowsTotal: read.rows.length,
      createdAt: clock.now(),
    })
    await recordChange(
      tx,
      clock,
      record(id, 'uploaded', by, { fileName: upload.fileName, fileHash, rows: read.rows.length }),
    )
    return id
  })
  return { ok: true, batchId }
}

/** The columns chosen for each field: kept with the file, and as this administrator's choice for next time. */
export async function chooseColumns(
  { db, clock }: ImportDeps,
  by: AuditActor & { userId: string },
  batchId: string,
  mapping: Record<string, string>,
): Promise<Result> {
  const batch = await batchById(db, batchId)
  if (!batch) return refuse('There is no such import.', undefined, 'not-found')
  if (batch.status !== 'uploaded')
    return refuse('This file is being imported or was imported: its columns cannot change now.', 'form')
  const chosen = Object.fromEntries(Object.entries(mapping).filter(([, column]) => batch.headers.includes(column)))
  return db.transaction(async (tx) => {
    const changed = await updateBatch(tx, batchId, ['uploaded'], { mapping: chosen })
    if (!changed) return refuse('This file is being imported or was imported: its columns cannot change now.', 'form')
    await saveMapping(tx, by.userId, { ...chosen }, clock.now())
    await recordChange(tx, clock, record(batchId, 'columns-chosen', by, { mapping: chosen }))
    return { ok: true }
  })
}

/** The fields a row needs that have no column. */
export const unmappedRequired = (mapping: Record<string, string> | null) =>
  importFields.filter((f) => f.required && !mapping?.[f.key])

/** The import queued for the job (once: a second press finds it queued already), or again after it stopped. */
export async function startImport({ db, clock }: ImportDeps, by: AuditActor, batchId: string): Promise<Result> {
  const batch = await batchById(db, batchId)
  if (!batch) return refuse('There is no such import.', undefined, 'not-found')
  // A stopped import starts again from where it stopped (what it made is not made again).
  if (batch.status !== 'uploaded' && batch.status !== 'failed') return { ok: true }
  if (unmappedRequired(batch.mapping).length)
    return refuse('Choose a column for every field a case needs first.', 'form')
  const action = batch.status === 'failed' ? 'restarted' : 'started'
  return db.transaction(async (tx) => {
    if (await updateBatch(tx, batchId, [batch.status], { status: 'queued', error: null }))
      await recordChange(tx, clock, record(batchId, action, by, { fileName: batch.fileName, rows: batch.rowsTotal }))
    return { ok: true }
  })
}

/**
 * The undo of a whole import, queued for the job. Refused while any of its cases has been changed
 * since the import made it: that work was someone's, and undoing the batch would take it away
 * unseen. The refusal names the cases, so each can be dealt with on its own page first.
 */
export async function requestUndo({ db, clock }: ImportDeps, by: AuditActor, batchId: string): Promise<Result> {
  const batch = await batchById(db, batchId)
  if (!batch) return refuse('There is no such import.', undefined, 'not-found')
  if (['undo-queued', 'undoing', 'undone'].includes(batch.status)) return { ok: true }
  if (batch.status !== 'done') return refuse('Only a finished import can be undone.', 'form')
  const changed = await changedCases(db, batchId, 10)
  if (changed.count) {
    const list = changed.rows.map((r) => r.reference).join(', ')
    const more = changed.count > changed.rows.length ? ` and ${changed.count - changed.rows.length} more` : ''
    return refuse(
      `This import cannot be undone: ${changed.count === 1 ? '1 of its cases has' : `${changed.count} of its cases have`} been changed since it was imported (${list}${more}). Undoing it would take away that work. Withdraw or close those cases on their own pages instead, or keep the import.`,
      'form',
    )
  }
  return db.transaction(async (tx) => {
    if (await updateBatch(tx, batchId, ['done'], { status: 'undo-queued', casesUndone: 0, undoneBy: by.userId }))
      await recordChange(
        tx,
        clock,
        record(batchId, 'undo-asked', by, { fileName: batch.fileName, cases: batch.casesMade }),
      )
    return { ok: true }
  })
}

/** The imports so far, newest first, for the imports page. */
export const recentImports = (db: Db) => recentBatches(db, 50)

/** An import, without its file (for its pages). */
export async function importById(db: Db, id: string) {
  const batch = await batchById(db, id)
  if (!batch) return undefined
  const { file: _file, ...about } = batch
  return about
}

/** An import and the columns to offer for it: those chosen already, else this person's last choice or a guess. */
export async function columnsFor(db: Db, id: string, userId: string) {
  const batch = await importById(db, id)
  if (!batch) return undefined
  return { batch, values: batch.mapping ?? proposedMapping(batch.headers, await savedMapping(db, userId)) }
}

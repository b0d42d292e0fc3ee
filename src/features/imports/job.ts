// The job that does imports and their undoing (one batch at a time, a lease so that one whose
// worker died is taken again, progress kept after each chunk so the page can show it).
//
// An import: the file read again with its columns, as the dry run read it; the rows that can be
// cases made a chunk at a time through the cases area (createCases: each case's events and its
// deadlines, as a case made any other way), each chunk with its import rows and progress in one
// transaction, so a chunk is made whole or not at all and a worker taken over goes on from the
// last whole chunk. Each case's submission key is the batch and line, and each row key is
// imported once, so nothing is made twice.
//
// An undo: each case of the batch withdrawn by the service through the workflow ("Imported in
// error"), which stops its deadlines. Case events and the audit trail are kept for ever (they are
// hash-chained), so a case that has events cannot be deleted: withdrawn, it leaves the work lists,
// and its row key is freed so a corrected file can be imported again. A case changed meanwhile
// (after the undo was asked for) is kept, and counted.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { recordChange } from '../audit/index.ts'
import { createCases, createWorkflowService, type NewCase } from '../cases/index.ts'
import { dryRun } from './dry-run.ts'
import {
  claimBatch,
  insertImportRows,
  lastEventOf,
  markProgress,
  markRowUndone,
  rowsToUndo,
  type ImportBatch,
} from './repository.ts'

export const LEASE_SECONDS = 120
/** Rows made into cases in one transaction. */
export const CHUNK_ROWS = 1000
const UNDO_CHUNK = 50

export interface JobDeps {
  db: Db
  clock: Clock
}

export async function runDueImports({ db, clock }: JobDeps): Promise<{ done: number; failed: number }> {
  const counts = { done: 0, failed: 0 }
  for (
    let batch = await claimBatch(db, clock.now(), LEASE_SECONDS);
    batch;
    batch = await claimBatch(db, clock.now(), LEASE_SECONDS)
  ) {
    try {
      if (batch.status === 'undoing') await undo(db, clock, batch)
      else await importRows(db, clock, batch)
      counts.done++
    } catch (err) {
      await markProgress(db, batch.id, batch.attempts, {
        status: 'failed',
        error: (err as Error).message,
        finishedAt: clock.now(),
        leaseUntil: null,
      })
      counts.failed++
    }
  }
  return counts
}

const lease = (clock: Clock) => new Date(clock.now().getTime() + LEASE_SECONDS * 1000)
const by = (batch: ImportBatch) => ({ userId: batch.uploadedBy, ip: null })
// Lets waiting requests go first between chunks (the embedded database has one connection).
const breathe = () => new Promise((resolve) => setImmediate(resolve))

async function importRows(db: Db, clock: Clock, batch: ImportBatch) {
  const { ready } = await dryRun(db, clock, batch)
  const actor = { userId: batch.uploadedBy, label: `Import of ${batch.fileName}` }
  // Rows a worker before this one made are imported already, so not ready again: the import goes
  // on where it stopped. Rows that cannot be cases are dealt with from the start.
  let made = batch.casesMade
  let done = batch.rowsTotal - ready.length
  for (let i = 0; i < ready.length; i += CHUNK_ROWS) {
    const chunk = ready.slice(i, i + CHUNK_ROWS)
    await db.transaction(async (tx) => {
      const inputs: (NewCase & { submissionKey: string })[] = chunk.map((row) => ({
        facts: row.facts,
        channel: row.channel,
        localAuthorityId: row.councilId,
        actor,
        contactedOn: row.receivedOn,
        submissionKey: `import:${batch.id}:${row.line}`,
        importedFrom: { batchId: batch.id, line: row.line, fileName: batch.fileName },
      }))
      const cases = await createCases(tx, clock, inputs)
      await insertImportRows(
        tx,
        cases.flatMap((c, n) =>
          c.created
            ? [
                {
                  batchId: batch.id,
                  line: chunk[n]!.line,
                  rowKey: chunk[n]!.key,
                  caseId: c.id,
                  lastEventId: c.lastEventId,
                },
              ]
            : [],
        ),
      )
      made += cases.filter((c) => c.created).length
      done += chunk.length
      const mine = await markProgress(tx, batch.id, batch.attempts, {
        rowsDone: done,
        casesMade: made,
        leaseUntil: lease(clock),
      })
      if (!mine) throw new Error('The import was taken by another worker')
    })
    await breathe()
  }
  await db.transaction(async (tx) => {
    await markProgress(tx, batch.id, batch.attempts, {
      status: 'done',
      rowsDone: batch.rowsTotal,
      casesMade: made,
      rowsSkipped: batch.rowsTotal - made,
      finishedAt: clock.now(),
      leaseUntil: null,
      error: null,
    })
    await recordChange(tx, clock, {
      by: by(batch),
      action: 'case-import.finished',
      record: { kind: 'case-import', id: batch.id },
      before: null,
      after: {
        fileName: batch.fileName,
        rows: batch.rowsTotal,
        casesMade: made,
        rowsNotImported: batch.rowsTotal - made,
      },
    })
  })
}

async function undo(db: Db, clock: Clock, batch: ImportBatch) {
  const workflow = createWorkflowService({ db, clock })
  const actor = { userId: batch.undoneBy ?? batch.uploadedBy, label: `Undo of the import of ${batch.fileName}` }
  let undone = batch.casesUndone
  let kept = 0
  let after = 0
  for (
    let rows = await rowsToUndo(db, batch.id, after, UNDO_CHUNK);
    rows.length;
    rows = await rowsToUndo(db, batch.id, after, UNDO_CHUNK)
  ) {
    for (const row of rows) {
      after = row.line
      const result = await workflow
        .apply(
          row.caseId,
          { type: 'withdraw', by: 'service', reason: `Imported in error: the import of ${batch.fileName} was undone` },
          {
            actor,
            beforeEvent: async (tx) => {
              // Changed since the undo was asked for: kept (the whole change is undone by throwing).
              if ((await lastEventOf(tx, row.caseId)) > row.lastEventId) throw new KeptCase()
              await markRowUndone(tx, batch.id, row.line, clock.now())
            },
          },
        )
        .catch((err: unknown) => {
          if (err instanceof KeptCase) return { ok: false as const }
          throw err
        })
      if (result.ok) undone++
      else kept++
    }
    if (!(await markProgress(db, batch.id, batch.attempts, { casesUndone: undone, leaseUntil: lease(clock) })))
      throw new Error('The undo was taken by another worker')
    await breathe()
  }
  await db.transaction(async (tx) => {
    await markProgress(tx, batch.id, batch.attempts, {
      status: 'undone',
      casesUndone: undone,
      finishedAt: clock.now(),
      leaseUntil: null,
      undoneAt: clock.now(),
    })
    await recordChange(tx, clock, {
      by: { userId: actor.userId, ip: null },
      action: 'case-import.undone',
      record: { kind: 'case-import', id: batch.id },
      before: null,
      after: { fileName: batch.fileName, casesWithdrawn: undone, casesKeptBecauseChanged: kept },
    })
  })
}

class KeptCase extends Error {}

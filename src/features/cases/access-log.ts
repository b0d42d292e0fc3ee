// Who looked at whose personal data, and when. Searches are logged without what was searched
// for: the words themselves are personal data.
//
// Looks are written together: every look recorded while one insert is on its way to the database
// goes in the next insert, one statement for all of them (one commit, one round trip), so a busy
// server writes a few rows a statement rather than a statement a look. Each caller still waits
// until its own row is stored, and a page is sent only after that: a reply that showed personal
// data means its look is in the database, even if the process dies a moment later (writing after
// the reply, or from a queue in memory, could lose it). A batch that fails is written again row by
// row, so one bad row never loses the others' looks.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { requestIp } from '../../request-origin.ts'
import { insertAccessRecords, type NewAccessRecord } from './repository.ts'

export interface AccessRecord {
  /** A staff member, the API token that read it, or a party in the portal. */
  userId?: string
  apiTokenId?: string
  partyId?: string
  caseId: string | null
  /** The path only, never the query string. */
  path: string
  action?: 'view' | 'search'
}

/** The most rows in one insert (a statement's parameters are limited; 7 columns a row). */
const MOST_IN_ONE = 500

interface Waiting {
  row: NewAccessRecord
  done(error?: unknown): void
}

/** One writer per database: rows wait while an insert is in flight, then go together. */
class AccessLogWriter {
  private waiting: Waiting[] = []
  private writing = false
  private readonly db: Db

  constructor(db: Db) {
    this.db = db
  }

  write(row: NewAccessRecord): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ row, done: (error) => (error ? reject(error) : resolve()) })
      if (!this.writing) void this.drain()
    })
  }

  private async drain() {
    this.writing = true
    try {
      while (this.waiting.length) {
        const batch = this.waiting.splice(0, MOST_IN_ONE)
        try {
          await insertAccessRecords(
            this.db,
            batch.map((w) => w.row),
          )
          for (const w of batch) w.done()
        } catch (error) {
          if (batch.length === 1) batch[0]!.done(error)
          else await this.oneByOne(batch)
        }
      }
    } finally {
      this.writing = false
    }
  }

  private async oneByOne(batch: Waiting[]) {
    for (const w of batch) {
      try {
        await insertAccessRecords(this.db, [w.row])
        w.done()
      } catch (error) {
        w.done(error)
      }
    }
  }
}

const writers = new WeakMap<Db, AccessLogWriter>()

export async function recordAccess(db: Db, clock: Clock, record: AccessRecord): Promise<void> {
  let writer = writers.get(db)
  if (!writer) writers.set(db, (writer = new AccessLogWriter(db)))
  await writer.write({
    at: clock.now(),
    userId: record.userId,
    apiTokenId: record.apiTokenId,
    partyId: record.partyId,
    caseId: record.caseId,
    action: record.action ?? 'view',
    path: record.path.split('?')[0]!,
    ip: requestIp(),
  })
}

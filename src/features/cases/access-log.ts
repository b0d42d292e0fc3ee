// Who looked at whose personal data, and when. Searches are logged without what was searched
// for: the words themselves are personal data.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { insertAccessRecord } from './repository.ts'

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

export async function recordAccess(db: Db, clock: Clock, record: AccessRecord): Promise<void> {
  await insertAccessRecord(db, {
    at: clock.now(),
    userId: record.userId,
    apiTokenId: record.apiTokenId,
    partyId: record.partyId,
    caseId: record.caseId,
    action: record.action ?? 'view',
    path: record.path.split('?')[0]!,
  })
}

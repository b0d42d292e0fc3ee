// Searching the audit (every change and every look) for administrators and managers. An
// administrator sees every entry. A manager sees the entries of their councils' cases only: an
// entry of no case (a staff account, a setting, a sign-in, an API token) is the whole service's
// business, for administrators; and an entry of another council's case is not theirs to see.
import type { Db } from '../../db/client.ts'
import { caseReferencePattern } from '../../domain/case-reference.ts'
import type { StaffUser } from '../../domain/staff.ts'
import { caseByReference, searchAudit, staffByName, type AuditRow, type AuditSource } from './search-repository.ts'
import type { AuditKind } from './kinds.ts'

export type { AuditRow }

export interface AuditFilters {
  userId?: string
  caseReference?: string
  kind?: AuditKind
  from?: string
  to?: string
  after?: string
}

export type AuditPage = { rows: AuditRow[]; next?: string; unknownCase?: boolean }

const keysetOf = (row: AuditRow) => `${row.atText}~${row.source}~${row.id}`

function readKeyset(after: string | undefined) {
  if (!after) return undefined
  const [at, source, id] = after.split('~')
  return { at: at!, source: Number(source) as AuditSource, id: Number(id) }
}

export function createAuditSearchService(db: Db) {
  /** The case named by reference, if this person may search its entries. */
  async function caseFor(user: StaffUser, reference: string) {
    const wanted = reference.trim().toUpperCase()
    if (!caseReferencePattern.test(wanted)) return undefined
    const found = await caseByReference(db, wanted)
    if (!found) return undefined
    if (user.councils !== 'all' && !user.councils.includes(found.localAuthorityId)) return undefined
    return found
  }

  return {
    staff: () => staffByName(db),

    /** One page of entries, newest first, and the keyset of the next page if there is one. */
    async page(user: StaffUser, filters: AuditFilters, pageSize: number): Promise<AuditPage> {
      let caseId: string | undefined
      if (filters.caseReference) {
        const found = await caseFor(user, filters.caseReference)
        // A case they may not see reads as one that does not exist.
        if (!found) return { rows: [], unknownCase: true }
        caseId = found.id
      }
      const rows = await searchAudit(db, {
        userId: filters.userId,
        caseId,
        kind: filters.kind,
        from: filters.from,
        to: filters.to,
        councils: user.councils,
        after: readKeyset(filters.after),
        limit: pageSize + 1,
      })
      const more = rows.length > pageSize
      const shown = more ? rows.slice(0, pageSize) : rows
      return { rows: shown, next: more ? keysetOf(shown.at(-1)!) : undefined }
    },

    /** Every matching entry, a batch at a time (for the CSV download). */
    async *all(user: StaffUser, filters: AuditFilters, batch = 1000): AsyncGenerator<AuditRow> {
      let after: string | undefined
      for (;;) {
        const page = await this.page(user, { ...filters, after }, batch)
        yield* page.rows
        if (!page.next) return
        after = page.next
      }
    },
  }
}

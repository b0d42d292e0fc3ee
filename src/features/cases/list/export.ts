// The case list's filters for an export of it (features/imports): the same query string as the
// list page, read the same way, as one condition on `cases` that includes who may see what.
import { and, type SQL } from 'drizzle-orm'
import type { Db } from '../../../db/client.ts'
import type { StaffUser } from '../../../domain/staff.ts'
import type { FormErrors } from '../../../web/forms.ts'
import { visibleCases } from '../access.ts'
import { isReference, type CaseListQuery } from './query.ts'
import { closeNames, conditions } from './repository.ts'
import { readListQuery } from './schema.ts'
import { pageSize } from './view-model.ts'

export interface ListFilter {
  /** The cases the list shows with these filters, of those this person may see. */
  where: SQL
  /** The list's query string as it was read (for the export's own links and the audit). */
  params: ReturnType<typeof readListQuery>['params']
  errors?: FormErrors
}

export async function caseListFilter(db: Db, user: StaffUser, rawQuery: unknown): Promise<ListFilter> {
  const asked = readListQuery(rawQuery)
  const { params } = asked
  const q: CaseListQuery = {
    visible: visibleCases(user),
    search: params.q,
    statuses: params.status,
    scopes: params.scope,
    channels: params.channel,
    receivedFrom: asked.receivedFrom,
    receivedTo: asked.receivedTo,
    order: 'asc',
    page: 1,
    pageSize,
  }
  const names = q.search && !isReference(q.search) ? await closeNames(db, q.search) : undefined
  return { where: and(...conditions(q, names))!, params, errors: asked.errors }
}

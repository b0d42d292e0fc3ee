// The case list: the page of cases this person may see with the filters asked for, and a note
// in the access log when they searched (never what for: the words are personal data).
import type { Clock } from '../../../clock.ts'
import type { Db } from '../../../db/client.ts'
import type { StaffUser } from '../../../domain/staff.ts'
import { visibleCases } from '../access.ts'
import { recordAccess } from '../access-log.ts'
import { isReference, type CaseListQuery } from './query.ts'
import { bestMatchPage, closeNames, COUNT_LIMIT, countUpTo, listPage, MAX_OFFSET } from './repository.ts'
import { listView, pageSize, sortOf, type ListParams } from './view-model.ts'

/** The furthest page read by number; past it, pages are read after a row (the links do that). */
const lastNumberedPage = MAX_OFFSET / pageSize + 1

export async function caseListPage(
  { db, clock }: { db: Db; clock: Clock },
  user: StaffUser,
  asked: { params: ListParams; receivedFrom?: string; receivedTo?: string },
) {
  const { params } = asked
  const { sort, order } = sortOf(params)
  const q: CaseListQuery = {
    visible: visibleCases(user),
    search: params.q,
    statuses: params.status,
    scopes: params.scope,
    channels: params.channel,
    receivedFrom: asked.receivedFrom,
    receivedTo: asked.receivedTo,
    sort,
    order,
    page: params.page ?? 1,
    pageSize,
  }
  const byName = !!q.search && !isReference(q.search)
  // Best match first is read by number only (the first 1,000 or so matches).
  const bestMatch = byName && !sort
  // The close names once, for the page and the count.
  const names = byName ? await closeNames(db, q.search!) : undefined
  const cursor: { after: string } | { before: string } | undefined = bestMatch
    ? undefined
    : params.after
      ? { after: params.after }
      : params.before
        ? { before: params.before }
        : undefined
  let page = cursor ? q.page : Math.min(q.page, lastNumberedPage)
  const read = (n: number) =>
    bestMatch
      ? bestMatchPage(db, q, names!, (n - 1) * pageSize)
      : listPage(db, q, cursor ?? { offset: (n - 1) * pageSize }, names)
  const [total, found, logged] = await Promise.all([
    countUpTo(db, q, names),
    read(page),
    params.q ? recordAccess(db, clock, { userId: user.id, caseId: null, path: '/cases', action: 'search' }) : undefined,
  ])
  void logged
  let result = found
  // A page number past the end reads as the last page.
  if (!result.rows.length && page > 1 && !cursor && total <= COUNT_LIMIT) {
    page = Math.max(1, Math.ceil(total / pageSize))
    result = await read(page)
  }
  // Paging back to the start (the list changed meanwhile): it is the first page.
  if (cursor && 'before' in cursor && !result.hasPrevious) page = 1
  const shown = { ...params, page, after: undefined, before: undefined, ...cursor }
  return listView(shown, { ...result, page, total, countLimit: COUNT_LIMIT, numbered: bestMatch })
}

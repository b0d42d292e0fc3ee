// The case list: the page of cases this person may see with the filters asked for, and a note
// in the access log when they searched (never what for: the words are personal data).
import type { Clock } from '../../../clock.ts'
import type { Db } from '../../../db/client.ts'
import type { StaffUser } from '../../../domain/staff.ts'
import { visibleCases } from '../access.ts'
import { recordAccess } from '../access-log.ts'
import { listCases } from './repository.ts'
import { listView, pageSize, sortOf, type ListParams } from './view-model.ts'

export async function caseListPage(
  { db, clock }: { db: Db; clock: Clock },
  user: StaffUser,
  asked: { params: ListParams; receivedFrom?: string; receivedTo?: string },
) {
  const { params } = asked
  const { sort, order } = sortOf(params)
  const result = await listCases(db, {
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
  })
  if (params.q) await recordAccess(db, clock, { userId: user.id, caseId: null, path: '/cases', action: 'search' })
  return listView(params, result)
}

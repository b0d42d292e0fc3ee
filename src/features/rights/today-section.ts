// Rights requests on Today (today/sections.ts lists it): every request not yet done, for managers
// and administrators of its council, soonest due first, with its one-month deadline; a page at a
// time (?rights=2), counted up to the limit every count on Today stops at.
import type { Db } from '../../db/client.ts'
import type { StaffUser } from '../../domain/staff.ts'
import { paginationItems } from '../../web/pagination.ts'
import { councilsOf, handlesRights } from './access.ts'
import { kindShort, type RightsKind } from './labels.ts'
import { deadline } from './page-service.ts'
import { owedCount, requestsPage } from './repository.ts'

const PAGE_SIZE = 25
const COUNT_LIMIT = 1000
const MAX_PAGES = COUNT_LIMIT / PAGE_SIZE

export async function rightsTodaySection(context: {
  db: Db
  user: StaffUser
  today: string
  query: Record<string, unknown>
}) {
  const { db, user, today, query } = context
  if (!handlesRights(user)) return undefined
  const asked = Number([query.rights].flat()[0])
  const page = Number.isInteger(asked) && asked >= 1 ? Math.min(asked, MAX_PAGES) : 1
  const councils = councilsOf(user)
  // Few requests are open at once: the page is read by number from the owed index.
  const [rows, n] = await Promise.all([
    requestsPage(db, councils, { open: true, limit: page * PAGE_SIZE + 1 }),
    owedCount(db, councils, COUNT_LIMIT),
  ])
  const items = rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)
  if (!items.length && page === 1) return undefined
  const more = n > COUNT_LIMIT
  const shown = Math.min(n, COUNT_LIMIT)
  const last = more ? MAX_PAGES : Math.max(1, Math.ceil(shown / PAGE_SIZE))
  const href = (p: number) => (p > 1 ? `/today?rights=${p}` : '/today')
  return {
    id: 'rights',
    heading: 'Rights requests',
    anchor: 'rights',
    count: {
      n: shown,
      more,
      text: more ? `more than ${COUNT_LIMIT.toLocaleString('en-GB')}` : shown.toLocaleString('en-GB'),
    },
    template: 'rights/today.njk',
    items: items.map((r) => ({
      ...r,
      what: `${kindShort[r.kind as RightsKind] ?? r.kind} request`,
      due: deadline(r.dueOn, today, false),
    })),
    pagination:
      last > 1
        ? {
            previous: page > 1 ? { href: href(page - 1) } : undefined,
            next: rows.length > page * PAGE_SIZE && page < last ? { href: href(page + 1) } : undefined,
            items: paginationItems(page, last, href),
          }
        : undefined,
  }
}

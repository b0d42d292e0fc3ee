// How the case list reads: its sortable headings, the filters chosen (each with a link that
// removes it), the checkboxes, the pages, and "Showing 1 to 25 of 40 cases". Every link keeps
// the other filters. Pure: the service passes in the page of rows it found.
import { paginationItems } from '../../../web/pagination.ts'
import { caseChannels, caseScopes, caseStatuses, scopeLabel, statusLabel } from '../labels.ts'
import type { CaseListRow, SortKey, SortOrder } from './query.ts'

export const pageSize = 25

/** The list's filters as they appear in its address. */
export interface ListParams {
  q?: string
  status: string[]
  scope: string[]
  channel: string[]
  /** As typed (17/5/2026), for the links; the query has them as dates. */
  receivedFrom?: string
  receivedTo?: string
  sort?: SortKey
  order?: SortOrder
  page?: number
  /** The page after (or before) the case with this reference (see repository.ts). */
  after?: string
  before?: string
}

export const columns: { key: SortKey; text: string; firstOrder: SortOrder }[] = [
  { key: 'reference', text: 'Reference', firstOrder: 'asc' },
  { key: 'child', text: 'Child or young person', firstOrder: 'asc' },
  { key: 'scope', text: 'Type', firstOrder: 'asc' },
  { key: 'status', text: 'Status', firstOrder: 'asc' },
  { key: 'received', text: 'Received', firstOrder: 'desc' },
]

/** A link to this list with the same filters, changed by `change`. */
export function listHref(params: ListParams, change: Partial<ListParams> = {}): string {
  const p = { ...params, ...change }
  const qs = new URLSearchParams()
  if (p.q) qs.append('q', p.q)
  for (const v of p.status) qs.append('status', v)
  for (const v of p.scope) qs.append('scope', v)
  for (const v of p.channel) qs.append('channel', v)
  if (p.receivedFrom) qs.append('receivedFrom', p.receivedFrom)
  if (p.receivedTo) qs.append('receivedTo', p.receivedTo)
  if (p.sort) qs.append('sort', p.sort)
  if (p.sort && p.order) qs.append('order', p.order)
  if (p.after) qs.append('after', p.after)
  else if (p.before) qs.append('before', p.before)
  if (p.page && p.page > 1) qs.append('page', String(p.page))
  const s = qs.toString()
  return s ? `/cases?${s}` : '/cases'
}

/** The sort the list is in: as asked, else newest first (or best match first while searching). */
export function sortOf(params: ListParams): { sort?: SortKey; order: SortOrder } {
  return { sort: params.sort ?? (params.q ? undefined : 'received'), order: params.order ?? 'desc' }
}

const checkboxes = (labels: Record<string, string>, chosen: string[]) =>
  Object.entries(labels).map(([value, text]) => ({ value, text, checked: chosen.includes(value) }))

/** What the service found: a page of rows, where it is, and how many match (stopping past `countLimit`). */
export interface ListResult {
  rows: CaseListRow[]
  page: number
  hasNext: boolean
  hasPrevious: boolean
  total: number
  countLimit: number
  /** Paged by number however long (a search in best-match order). */
  numbered?: boolean
}

/**
 * The pages: numbered while the count is exact (every page reached by number); past the count's
 * limit, the first page, and the pages before and after this one by the reference of this page's
 * first or last row (or by number, for a search in best-match order), with GOV.UK pagination's
 * look either way.
 */
function pagesOf(params: ListParams, base: ListParams, result: ListResult, exact: boolean) {
  const { page } = result
  const pageHref = (n: number) => listHref(base, { page: n })
  if (exact) {
    const lastPage = Math.max(1, Math.ceil(result.total / pageSize))
    if (lastPage <= 1) return undefined
    return {
      previous: page > 1 ? { href: pageHref(page - 1) } : undefined,
      next: page < lastPage ? { href: pageHref(page + 1) } : undefined,
      items: paginationItems(page, lastPage, pageHref),
    }
  }
  const byNumber = result.numbered
  const first = result.rows[0]?.reference
  const last = result.rows.at(-1)?.reference
  const previous = !result.hasPrevious
    ? undefined
    : byNumber || page - 1 <= 1 || !first
      ? pageHref(page - 1)
      : listHref(base, { before: first, page: page - 1 })
  const next =
    !result.hasNext || (!byNumber && !last)
      ? undefined
      : byNumber
        ? pageHref(page + 1)
        : listHref(base, { after: last, page: page + 1 })
  const items: ({ number: number; href: string; current: boolean } | { ellipsis: true })[] = []
  if (page > 1) items.push({ number: 1, href: listHref(base), current: false })
  if (page > 3) items.push({ ellipsis: true })
  if (previous && page > 2) items.push({ number: page - 1, href: previous, current: false })
  items.push({ number: page, href: listHref(params), current: true })
  if (next) items.push({ number: page + 1, href: next, current: false }, { ellipsis: true })
  return { previous: previous ? { href: previous } : undefined, next: next ? { href: next } : undefined, items }
}

export function listView(params: ListParams, result: ListResult) {
  const base = { ...params, page: undefined, after: undefined, before: undefined }
  const { sort, order } = sortOf(params)
  const exact = result.total <= result.countLimit
  const headers = columns.map((c) => {
    const active = sort === c.key
    const nextOrder: SortOrder = active ? (order === 'asc' ? 'desc' : 'asc') : c.firstOrder
    return {
      text: c.text,
      href: listHref(base, { sort: c.key, order: nextOrder, page: 1 }),
      ariaSort: active ? (order === 'asc' ? 'ascending' : 'descending') : 'none',
    }
  })
  const tag = (category: 'status' | 'scope' | 'channel', labels: Record<string, string>) =>
    params[category].map((v) => ({
      text: labels[v] ?? v,
      href: listHref(base, { [category]: params[category].filter((x) => x !== v), page: 1 }),
    }))
  const received = [
    ...(params.receivedFrom
      ? [{ text: `From ${params.receivedFrom}`, href: listHref(base, { receivedFrom: undefined, page: 1 }) }]
      : []),
    ...(params.receivedTo
      ? [{ text: `To ${params.receivedTo}`, href: listHref(base, { receivedTo: undefined, page: 1 }) }]
      : []),
  ]
  const selectedCategories = [
    { heading: { text: 'Status' }, items: tag('status', caseStatuses) },
    { heading: { text: 'Type' }, items: tag('scope', caseScopes) },
    { heading: { text: 'Channel' }, items: tag('channel', caseChannels) },
    { heading: { text: 'Received' }, items: received },
  ].filter((c) => c.items.length)

  return {
    rows: result.rows.map((r) => ({ ...r, scopeText: scopeLabel(r.scope), statusText: statusLabel(r.status) })),
    total: result.total,
    totalText: exact ? result.total.toLocaleString('en-GB') : `more than ${result.countLimit.toLocaleString('en-GB')}`,
    searching: !!params.q,
    headers,
    selectedFilters: selectedCategories.length
      ? {
          heading: { text: 'Selected filters' },
          clearLink: { text: 'Clear filters', href: listHref({ status: [], scope: [], channel: [], q: params.q }) },
          categories: selectedCategories,
        }
      : undefined,
    options: {
      status: checkboxes(caseStatuses, params.status),
      scope: checkboxes(caseScopes, params.scope),
      channel: checkboxes(caseChannels, params.channel),
    },
    sortParams: { sort: params.sort, order: params.order },
    // The same filters and search for the export (features/imports): every matching case, in reference order.
    exportQuery: listHref({
      ...params,
      sort: undefined,
      order: undefined,
      page: 1,
      after: undefined,
      before: undefined,
    }).slice('/cases'.length),
    pagination: pagesOf(params, base, result, exact),
    showing: {
      from: (result.page - 1) * pageSize + (result.rows.length ? 1 : 0),
      to: (result.page - 1) * pageSize + result.rows.length,
    },
  }
}

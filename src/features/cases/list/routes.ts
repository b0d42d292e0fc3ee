// /cases: every case this person may see, filtered, searched, sorted and paged on the server.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { roles } from '../../../db/schema/index.ts'
import { currentUser } from '../../../web/auth.ts'
import type { FormErrors } from '../../../web/forms.ts'
import { paginationItems } from '../../../web/pagination.ts'
import { visibleCases } from '../access.ts'
import { recordAccess } from '../access-log.ts'
import { caseChannels, caseScopes, caseStatuses, scopeLabel, statusLabel } from '../labels.ts'
import { listCases, type SortKey, type SortOrder } from '../repository.ts'
import { listQuerySchema, readFilterDate, searchMaxLength } from './schema.ts'

const view = 'cases/list/view.njk'
export const pageSize = 25

interface Params {
  q?: string
  status: string[]
  scope: string[]
  channel: string[]
  receivedFrom?: string
  receivedTo?: string
  sort?: SortKey
  order?: SortOrder
  page?: number
}

/** A link to this list with the same filters, changed by `change`. */
export function listHref(params: Params, change: Partial<Params> = {}): string {
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
  if (p.page && p.page > 1) qs.append('page', String(p.page))
  const s = qs.toString()
  return s ? `/cases?${s}` : '/cases'
}

const columns: { key: SortKey; text: string; firstOrder: SortOrder }[] = [
  { key: 'reference', text: 'Reference', firstOrder: 'asc' },
  { key: 'child', text: 'Child or young person', firstOrder: 'asc' },
  { key: 'scope', text: 'Type', firstOrder: 'asc' },
  { key: 'status', text: 'Status', firstOrder: 'asc' },
  { key: 'received', text: 'Received', firstOrder: 'desc' },
]

export default async function caseList(app: FastifyInstance, { database, clock }: AppDeps) {
  app.get('/cases', { config: { access: roles } }, async (request, reply) => {
    const user = currentUser(request)
    const query = listQuerySchema.parse(request.query ?? {})
    const errors: FormErrors = { summary: [], fields: {} }
    const problem = (field: string, text: string) => {
      errors.summary.push({ text, href: `#${field}` })
      errors.fields[field] = { text }
    }

    let search = query.q || undefined
    if (search && search.length > searchMaxLength) {
      problem('q', `Search must be ${searchMaxLength} characters or fewer`)
      search = undefined
    }
    const from = readFilterDate(query.receivedFrom)
    if (!from.ok) problem('receivedFrom', 'Received from must be a real date, like 17/5/2026')
    const to = readFilterDate(query.receivedTo)
    if (!to.ok) problem('receivedTo', 'Received to must be a real date, like 17/5/2026')
    const receivedFrom = from.ok ? from.value : undefined
    const receivedTo = to.ok ? to.value : undefined

    const params: Params = {
      q: search,
      status: query.status,
      scope: query.scope,
      channel: query.channel,
      receivedFrom: receivedFrom && query.receivedFrom,
      receivedTo: receivedTo && query.receivedTo,
      sort: query.sort,
      order: query.sort ? (query.order ?? columns.find((c) => c.key === query.sort)!.firstOrder) : undefined,
    }
    const defaultSort: SortKey | undefined = search ? undefined : 'received'
    const sort = params.sort ?? defaultSort
    const order = params.order ?? 'desc'

    const result = await listCases(database.db, {
      visible: visibleCases(user),
      search,
      statuses: params.status,
      scopes: params.scope,
      channels: params.channel,
      receivedFrom,
      receivedTo,
      sort,
      order,
      page: query.page,
      pageSize,
    })
    if (search)
      await recordAccess(database.db, clock, { userId: user.id, caseId: null, path: '/cases', action: 'search' })

    const lastPage = Math.max(1, Math.ceil(result.total / pageSize))
    const pageHref = (n: number) => listHref(params, { page: n })
    const headers = columns.map((c) => {
      const active = sort === c.key
      const nextOrder: SortOrder = active ? (order === 'asc' ? 'desc' : 'asc') : c.firstOrder
      return {
        text: c.text,
        href: listHref(params, { sort: c.key, order: nextOrder, page: 1 }),
        ariaSort: active ? (order === 'asc' ? 'ascending' : 'descending') : 'none',
      }
    })
    const tag = (category: 'status' | 'scope' | 'channel', labels: Record<string, string>) =>
      params[category].map((v) => ({
        text: labels[v] ?? v,
        href: listHref(params, { [category]: params[category].filter((x) => x !== v), page: 1 }),
      }))
    const selectedCategories = [
      { heading: { text: 'Status' }, items: tag('status', caseStatuses) },
      { heading: { text: 'Type' }, items: tag('scope', caseScopes) },
      { heading: { text: 'Channel' }, items: tag('channel', caseChannels) },
      {
        heading: { text: 'Received' },
        items: [
          ...(params.receivedFrom
            ? [{ text: `From ${params.receivedFrom}`, href: listHref(params, { receivedFrom: undefined, page: 1 }) }]
            : []),
          ...(params.receivedTo
            ? [{ text: `To ${params.receivedTo}`, href: listHref(params, { receivedTo: undefined, page: 1 }) }]
            : []),
        ],
      },
    ].filter((c) => c.items.length)

    const context = {
      errors: errors.summary.length ? errors : undefined,
      values: { ...query, q: query.q ?? '' },
      rows: result.rows.map((r) => ({ ...r, scopeText: scopeLabel(r.scope), statusText: statusLabel(r.status) })),
      total: result.total,
      searching: !!search,
      headers,
      selectedFilters: selectedCategories.length
        ? {
            heading: { text: 'Selected filters' },
            clearLink: { text: 'Clear filters', href: listHref({ status: [], scope: [], channel: [], q: params.q }) },
            categories: selectedCategories,
          }
        : undefined,
      options: {
        status: Object.entries(caseStatuses).map(([value, text]) => ({
          value,
          text,
          checked: params.status.includes(value),
        })),
        scope: Object.entries(caseScopes).map(([value, text]) => ({
          value,
          text,
          checked: params.scope.includes(value),
        })),
        channel: Object.entries(caseChannels).map(([value, text]) => ({
          value,
          text,
          checked: params.channel.includes(value),
        })),
      },
      sortParams: { sort: params.sort, order: params.order },
      pagination:
        lastPage > 1
          ? {
              previous: result.page > 1 ? { href: pageHref(result.page - 1) } : undefined,
              next: result.page < lastPage ? { href: pageHref(result.page + 1) } : undefined,
              items: paginationItems(result.page, lastPage, pageHref),
            }
          : undefined,
      showing: {
        from: result.total ? (result.page - 1) * pageSize + 1 : 0,
        to: (result.page - 1) * pageSize + result.rows.length,
      },
    }
    return reply.code(errors.summary.length ? 400 : 200).view(view, context)
  })
}

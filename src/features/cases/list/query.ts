// What the case list asks for: the filters, the search, the sort and the page. The repository
// turns it into SQL; the list's view model turns it back into links.
import type { SQL } from 'drizzle-orm'
import { caseReferencePattern } from '../../../domain/case-reference.ts'

export const sortKeys = ['reference', 'child', 'scope', 'status', 'received'] as const
export type SortKey = (typeof sortKeys)[number]
export type SortOrder = 'asc' | 'desc'

export interface CaseListQuery {
  /** Who may see what, from access.ts. */
  visible: SQL
  search?: string
  statuses: string[]
  scopes: string[]
  channels: string[]
  /** YYYY-MM-DD, England's dates, inclusive. */
  receivedFrom?: string
  receivedTo?: string
  /** No sort while searching: best match first. */
  sort?: SortKey
  order: SortOrder
  page: number
  pageSize: number
}

export interface CaseListRow {
  id: string
  reference: string
  childName: string
  scope: string
  status: string
  receivedOn: string
}

/** A search that looks like a reference finds that case only. */
export const isReference = (search: string) => caseReferencePattern.test(search.toUpperCase())

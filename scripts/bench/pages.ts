// The pages the bench loads, in one table: add a page here (a council's yearly report, say) and
// it is measured at every connection count, on both databases unless `engines` says otherwise.
import { FIRST_NAMES, SURNAMES, WHAT_HAPPENED } from './names.ts'

export interface Fixtures {
  /** Case ids to rotate over on the case page. */
  caseIds: string[]
  /** References of the first council's cases, which the API token may read. */
  apiReferences: string[]
  /** Any references, for searching by one. */
  references: string[]
  /** A common child's name, misspelt, and how many cases the right spelling has. */
  typoName: string
  typoOf: string
  /** Children with the name as it is spelt. */
  typoCount: number
  deepPage: number
  /** The reference of the case just before the deep page, in the list's order: its page links go after it. */
  deepAfter: string
  apiPostcodeDistrict: string
  apiCouncilName: string
  portalEmail: string
  /** The council with the most cases, and the last whole financial year of its cases, for its report. */
  reportCouncilId: string
  reportFrom: string
  reportTo: string
}

export type Who = 'staff' | 'commissioner' | 'portal' | 'api' | 'public'

export interface PageSpec {
  name: string
  as: Who
  method?: 'GET' | 'POST'
  /** The path of request n (n counts up, so lists rotate). */
  path: (f: Fixtures, n: number) => string
  /** A JSON body for request n. */
  body?: (f: Fixtures, n: number) => unknown
  /** Each request sends its own Idempotency-Key, and the bench checks afterwards that each acknowledged one is stored once. */
  idempotent?: boolean
  engines?: ('pglite' | 'postgres')[]
}

const at = <T>(list: T[], n: number) => list[n % list.length]!
const reportOfYear = (f: Fixtures) =>
  `/reports/report?${new URLSearchParams({ council: f.reportCouncilId, from: f.reportFrom, to: f.reportTo })}`

export const PAGES: PageSpec[] = [
  { name: 'Today', as: 'staff', path: () => '/today' },
  { name: 'Case list: first page', as: 'staff', path: () => '/cases' },
  // As the list's own "Next" links reach it: after the last case of the page before (keyset paging).
  { name: 'Case list: a deep page', as: 'staff', path: (f) => `/cases?after=${f.deepAfter}&page=${f.deepPage}` },
  {
    name: 'Case list: filtered and sorted',
    as: 'staff',
    path: () => '/cases?status=closed&scope=sen-mediation&channel=phone&sort=child&order=asc',
  },
  { name: 'Case page (rotating)', as: 'staff', path: (f, n) => `/cases/${at(f.caseIds, n)}` },
  { name: 'Search: misspelt name', as: 'staff', path: (f) => `/cases?q=${encodeURIComponent(f.typoName)}` },
  { name: 'Search: reference', as: 'staff', path: (f, n) => `/cases?q=${at(f.references, n)}` },
  { name: 'Portal: home', as: 'portal', path: () => '/portal' },
  { name: "Report: a council's year", as: 'staff', path: reportOfYear },
  { name: "Commissioner: their council's year", as: 'commissioner', path: reportOfYear },
  { name: 'Commissioner: reports page', as: 'commissioner', path: () => '/reports' },
  { name: 'API: GET case (rotating)', as: 'api', path: (f, n) => `/api/v1/cases/${at(f.apiReferences, n)}` },
  {
    name: 'API: POST enquiry',
    as: 'api',
    method: 'POST',
    idempotent: true,
    path: () => '/api/v1/enquiries',
    body: (f, n) => {
      const surname = at(SURNAMES, n * 7)
      const parent = `${at(FIRST_NAMES, n * 3)} ${surname}`
      return {
        channel: 'email',
        requester: { role: 'parent', name: parent },
        child: {
          name: `${at(FIRST_NAMES, n * 5 + 1)} ${surname}`,
          dateOfBirth: '2015-03-14',
          setting: 'Bench Primary School',
          postcode: `${f.apiPostcodeDistrict} ${1 + (n % 9)}AB`,
        },
        ehcStatus: 'has-plan',
        areas: ['provision'],
        otherParties: [{ kind: 'local-authority', name: f.apiCouncilName }],
        whatHappened: at(WHAT_HAPPENED, n),
        contact: { methods: ['email'], email: `${parent.toLowerCase().replace(/[^a-z]+/g, '.')}.${n}@example.com` },
      }
    },
  },
]

/** Only on the embedded database: one connection to the database for every request, so a slow search holds up the public form. */
export const REQUEST_FORM: PageSpec = { name: 'Request form (GET /request)', as: 'public', path: () => '/request' }
export const NAME_SEARCH: PageSpec = PAGES.find((p) => p.name === 'Search: misspelt name')!

export const CEILING: PageSpec = {
  name: 'Ceiling: layout and a 25-row table, no database',
  as: 'public',
  path: () => '/',
}

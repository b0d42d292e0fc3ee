// For the journey's tests: good answers for every page, and a way to walk the journey to a page.
import assert from 'node:assert/strict'
import type { Agent } from '../../../test/helpers/agent.ts'

export type Fields = Record<string, string | string[]>

/** A parent asking about a decision on their child's EHC plan (the test clock is Friday 27 November 2026). */
export const goodAnswers: Record<string, Fields> = {
  '/request': { role: 'parent' },
  '/request/your-name': { name: 'Pat Example' },
  '/request/permission': { permission: 'yes' },
  '/request/permission-details': {
    givenBy: 'Pat Example',
    'givenOn-day': '20',
    'givenOn-month': '11',
    'givenOn-year': '2026',
    parentName: 'Pat Example',
  },
  '/request/child': {
    childName: 'Sam Example',
    'dateOfBirth-day': '3',
    'dateOfBirth-month': '5',
    'dateOfBirth-year': '2015',
    setting: 'Oak Tree Primary School',
  },
  '/request/postcode': { postcode: 'wa1 1ab' },
  '/request/ehc-plan': { ehcStatus: 'has-plan' },
  '/request/about': { areas: ['provision', 'ehc-decision'] },
  '/request/decision': {
    decision: 'plan-contents',
    'letterDate-day': '2',
    'letterDate-month': '11',
    'letterDate-year': '2026',
  },
  '/request/with': {
    parties: ['local-authority', 'school'],
    partyCouncil: 'warrington',
    'partyName-local-authority': '',
    'partyName-school': '',
  },
  '/request/what-happened': {
    whatHappened: 'The plan does not say how many hours of speech therapy Sam gets.\nWe have asked twice.',
  },
  '/request/contact': {
    methods: ['email', 'phone'],
    email: 'pat@example.com',
    phone: '07700 900 982',
    address: '',
    bestTimes: 'Weekday mornings',
  },
  '/request/adjustments': { adjustments: ['interpreter'], language: 'Polish', details: '' },
  '/request/supporter': { hasSupporter: 'no', supporter: '' },
}

/**
 * Answers each page the journey leads to, following its redirects, until it reaches `stop`.
 * `changes` replaces the good answers for some pages (the council page is answered only when a
 * postcode in no council's area makes it ask: give `'/request/council': { council: 'none' }`).
 */
export async function walkTo(agent: Agent, stop: string, changes: Record<string, Fields> = {}) {
  let path = '/request'
  for (let guard = 0; path !== stop; guard++) {
    assert.ok(guard < 30, `the journey never reached ${stop}`)
    if (path === '/request/council' && !changes[path]) {
      // A postcode in a council's area: the page names it, and Continue goes on.
      const page = await agent.get(path)
      path =
        /href="(\/request\/[^"]+)" role="button"/.exec(page.body)?.[1] ??
        assert.fail('no Continue link on the council page')
      continue
    }
    const fields = changes[path] ?? goodAnswers[path] ?? assert.fail(`no answers for ${path}`)
    const res = await agent.submit(path, fields)
    assert.equal(res.statusCode, 303, `${path} answered ${res.statusCode}: ${res.body.slice(0, 500)}`)
    path = String(res.headers.location)
  }
}

// The authorisation matrix: every route of the app (from its own route table) tried by every
// identity (authorisation-matrix.rules.ts), each expecting the answer its entry in
// authorisation-matrix.expected.ts gives. A GET route is fetched; a POST route is posted with a
// valid form token and an empty form (a JSON API route, an empty object). A refusal must show
// nothing of case A (its reference, child, family's names and contact details), change nothing in
// the database, and never answer 400 (which would say the form was looked at). Every answer of the
// walk carries its security headers and safe cookies (authorisation-matrix.headers.ts); every form
// post is refused without its form token; the walk's log holds no secret. One app (over HTTPS
// behind a proxy, as in production), one database, the fixtures made once. A route with no entry
// fails, saying how to add one. MATRIX_ANSWERS=answers.json writes what each identity got.
import assert from 'node:assert/strict'
import { writeFile } from 'node:fs/promises'
import { Writable } from 'node:stream'
import { after, before, describe, it } from 'node:test'
import { sql } from 'drizzle-orm'
import type { LightMyRequestResponse } from 'fastify'
import pino from 'pino'
import { loggerOptions } from '../../src/logger.ts'
import { createTestApp, testPassword, type TestApp } from '../helpers/app.ts'
import { Agent } from '../helpers/agent.ts'
import { registeredRoutes } from '../helpers/routes.ts'
import { forgetLastCode, testTotpSecret } from '../helpers/second-factor.ts'
import { linkFor } from '../../src/features/portal/testing.ts'
import { matrix } from './authorisation-matrix.expected.ts'
import { matrixFixtures, type MatrixFixtures } from './authorisation-matrix.fixtures.ts'
import { cookieProblems, headerProblems } from './authorisation-matrix.headers.ts'
import { decide, identities, open, type Answer, type Identity } from './authorisation-matrix.rules.ts'

/** The tables a refused request must leave as they were (their whole content, not only the count). */
const guarded = [
  'cases',
  'case_events',
  'case_parties',
  'party_permissions',
  'users',
  'user_councils',
  'staff_second_factors',
  'api_tokens',
  'local_authorities',
  'messages',
  'agreements',
  'agreement_points',
  'summaries',
  'attendees',
  'certificates',
  'allocations',
  'allocation_objections',
  'meetings',
  'complaints',
  'report_runs',
  'mediators',
  'mediator_conflicts',
  'mediator_unavailability',
  'venues',
  'venue_rooms',
]

const shown = (res: LightMyRequestResponse) =>
  res.statusCode === 303 ? `303 to ${String(res.headers.location).replace(/\?.*/, '?…')}` : String(res.statusCode)

function matches(res: LightMyRequestResponse, expected: Answer): boolean {
  const location = String(res.headers.location ?? '')
  if (expected === 'sign-in') return res.statusCode === 303 && /^\/sign-in(\?next=|$)/.test(location)
  if (expected === 'portal-sign-in') return res.statusCode === 303 && location === '/portal/sign-in'
  return res.statusCode === expected
}

describe('the authorisation matrix: every route, every identity', () => {
  const log: string[] = []
  const stream = new Writable({
    write(chunk, _encoding, done) {
      log.push(String(chunk))
      done()
    },
  })
  let t: TestApp
  let f: MatrixFixtures
  let routes: string[]

  before(async () => {
    const logger = pino({ ...loggerOptions({ LOG_LEVEL: 'info', NODE_ENV: 'production' }), level: 'info' }, stream)
    const year = 60 * 24 * 365
    t = await createTestApp({
      logger,
      config: { SESSION_IDLE_MINUTES: year, PORTAL_IDLE_MINUTES: year, TRUST_PROXY: true, COOKIE_SECURE: true },
    })
    f = await matrixFixtures(t)
    routes = registeredRoutes(t.app.printRoutes({ commonPrefix: false })).filter(
      (r) => r.startsWith('GET ') || r.startsWith('POST '),
    )
  })
  after(() => t.close())

  const url = (path: string, method = 'GET') => {
    if (path === '/*') return '/no-such-page'
    const query = matrix[`${method} ${path}`]?.query
    return f.fill(path) + (query ? `?${f.fill(query)}` : '')
  }

  function send(who: Identity, method: string, path: string): Promise<LightMyRequestResponse> {
    const visitor = f.visitors[who]
    const isApi = path.startsWith('/api/')
    if (visitor.token) {
      // A system with a token: no cookies, so no form token either.
      return t.app.inject({
        method: method as 'GET' | 'POST',
        url: url(path, method),
        headers: {
          authorization: `Bearer ${visitor.token}`,
          'x-forwarded-for': visitor.address!,
          'x-forwarded-proto': 'https',
          ...(method === 'POST'
            ? { 'content-type': isApi ? 'application/json' : 'application/x-www-form-urlencoded' }
            : {}),
        },
        ...(method === 'POST' ? { payload: isApi ? '{}' : '' } : {}),
      })
    }
    return method === 'GET' ? visitor.agent.get(url(path)) : visitor.agent.post(url(path, method))
  }

  /** One digest of each guarded table's content (when a token was last used is not a change). */
  async function fingerprint(): Promise<Record<string, string>> {
    const sums: Record<string, string> = {}
    for (const table of guarded) {
      const { rows } = await t.database.db.execute<{ sum: string }>(
        sql.raw(`select md5(coalesce(string_agg(r, '|' order by r), '')) as sum
          from (select (to_jsonb(x) - 'last_used_at')::text as r from ${table} x) rows`),
      )
      sums[table] = rows[0]!.sum
    }
    return sums
  }

  it('has an entry for every route the app has, and none for a route it does not have', () => {
    assert.ok(routes.length > 200, `${routes.length} routes`)
    const missing = routes.filter((r) => !(r in matrix))
    assert.deepEqual(
      missing,
      [],
      `Every route needs an entry in test/web/authorisation-matrix.expected.ts saying who may use it, ` +
        `for example 'GET /cases/:id/yours': staff(everyStaff, { of: 'case' }) (see the list at the top of that file). ` +
        `Missing: ${missing.join(', ')}`,
    )
    const stale = Object.keys(matrix).filter((r) => !routes.includes(r))
    assert.deepEqual(stale, [], 'entries for routes the app no longer has')
  })

  it('gives every identity its expected answer; a refusal shows nothing of case A and changes nothing', async () => {
    const problems: string[] = []
    const unsafe = new Set<string>()
    const seen: Record<string, Partial<Record<Identity, string>>> = {}
    const check = (route: string, who: Identity, res: LightMyRequestResponse) => {
      ;(seen[route] ??= {})[who] = shown(res)
      const open = matrix[route]?.kind === 'public'
      for (const problem of [...headerProblems(res, { open }), ...cookieProblems(res)])
        unsafe.add(`${route}: ${problem}`)
      const [method, path] = route.split(' ') as [string, string]
      const { answer, refused } = decide(matrix[route] ?? { kind: 'public', ok: -1 }, who, method)
      if (!matches(res, answer)) problems.push(`${route} as ${who}: expected ${answer}, got ${shown(res)}`)
      if (
        !refused &&
        !['nobody', 'commissioner', 'mediator', 'otherCouncil', 'otherParty', 'withdrawnParty', 'otherToken'].includes(
          who,
        )
      )
        return
      // What the path itself holds (the API's case reference) may be said back.
      for (const secret of f.secretsOfA.filter((s) => !url(path, method).includes(s)))
        if (res.body.includes(secret)) problems.push(`${route} as ${who} showed "${secret}" of case A (${path})`)
      if (refused && res.statusCode === 400) problems.push(`${route} as ${who}: a refusal must not be a 400`)
    }
    const plan = routes.flatMap((route) => identities.map((who) => ({ route, who })))
    const refusedFirst = (route: string, who: Identity) =>
      decide(matrix[route] ?? { kind: 'public', ok: -1 }, who, route.split(' ')[0]!).refused

    // Every refusal first: together they must leave the database as it was.
    const before = await fingerprint()
    for (const { route, who } of plan.filter((p) => refusedFirst(p.route, p.who))) {
      const [method, path] = route.split(' ') as [string, string]
      check(route, who, await send(who, method, path))
    }
    const afterwards = await fingerprint()
    for (const table of guarded)
      if (afterwards[table] !== before[table]) problems.push(`a refused request changed the table ${table}`)

    // Then those let in: every GET, then the posts (an empty form), except those that would act on it.
    const allowed = plan.filter((p) => !refusedFirst(p.route, p.who))
    for (const phase of ['GET', 'POST'])
      for (const { route, who } of allowed.filter((p) => p.route.startsWith(`${phase} `))) {
        if (phase === 'POST' && matrix[route]?.acts) continue
        const path = route.slice(phase.length + 1)
        check(route, who, await send(who, phase, path))
      }
    // MATRIX_ANSWERS=file.json writes what each identity got from each route (to write a new entry by).
    if (process.env.MATRIX_ANSWERS) await writeFile(process.env.MATRIX_ANSWERS, JSON.stringify(seen, null, 1))
    assert.deepEqual(
      [...unsafe],
      [],
      'every answer carries its security headers, every cookie HttpOnly; Secure; SameSite=Lax',
    )
    assert.deepEqual(problems, [], `${problems.length} answers differ from authorisation-matrix.expected.ts`)
  })

  it("refuses every form post without its form token, or with another session's, and changes nothing", async () => {
    const posts = routes.filter((r) => r.startsWith('POST ') && !r.startsWith('POST /api/'))
    assert.ok(posts.length > 80, `${posts.length} form posts`)
    const problems: string[] = []
    const before = await fingerprint()
    for (const route of posts) {
      const path = route.slice('POST '.length)
      // Someone the route lets in (the form token is checked before who they are), else a visitor.
      const who =
        identities.find((i) => !f.visitors[i].token && !decide(matrix[route] ?? open(), i, 'POST').refused) ?? 'nobody'
      const other = who === 'nobody' ? f.visitors.coordinator.agent : f.visitors.nobody.agent
      for (const [what, token] of [
        ['no form token', [] as string[]],
        ['a wrong form token', 'not-a-token'],
        ["another session's form token", other.csrfToken],
      ] as const) {
        const res = await f.visitors[who].agent.post(url(path, 'POST'), { _csrf: token })
        if (res.statusCode !== 403) problems.push(`${route} as ${who} with ${what}: ${shown(res)}`)
      }
    }
    const afterwards = await fingerprint()
    for (const table of guarded)
      if (afterwards[table] !== before[table]) problems.push(`a post without its form token changed ${table}`)
    assert.deepEqual(problems, [])
  })

  it('sets only HttpOnly; Secure; SameSite=Lax cookies when staff and a party sign in', async () => {
    const answers: LightMyRequestResponse[] = []
    const staff = new Agent(t.app, { https: true })
    answers.push(await staff.submit('/sign-in', { email: 'coordinator.a@example.com', password: testPassword }))
    await forgetLastCode(t.database, 'coordinator.a@example.com')
    answers.push(await staff.passSecondStep('coordinator.a@example.com'))
    const party = new Agent(t.app, { https: true })
    const link = await linkFor(t, f.caseA.ids.partyId!)
    answers.push(await party.get(link), await party.post(link))
    assert.equal(answers.at(-1)!.statusCode, 303, 'the party signed in')
    const cookies = answers.flatMap((res) => [res.headers['set-cookie'] ?? []].flat())
    assert.ok(cookies.length >= 3, `a session cookie at each step: ${cookies.length}`)
    assert.deepEqual(answers.flatMap(cookieProblems), [])
  })

  it('logs no token, password, second-factor secret or personal data of the whole walk', () => {
    const text = log.join('')
    assert.ok(text.length > 10_000, 'the walk was logged')
    for (const secret of [
      testPassword,
      testTotpSecret,
      ...f.secretsOfA.filter((s) => s !== f.caseA.reference), // a reference is in the API's paths
      ...Object.values(f.visitors).flatMap((v) => (v.token ? [v.token] : [])),
      f.fill('/portal/sign-in/:token').split('/').pop()!,
    ])
      assert.ok(!text.includes(secret), `the log shows ${secret}`)
  })
})

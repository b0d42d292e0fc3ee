// Two councils on one install, with no leak between them: a coordinator and a manager of council A
// try every page, search, download and export of a case of council B (walking the app's own route
// table, so a page added later is tried too), with the real ids of B's case, its parties, documents,
// messages, meeting and agreement, and get "not found" for each, never a hint that it exists; the
// same pages open for council A's own case. Search, Today and Sent messages show nothing of B, and
// council A's API token cannot read B's case.
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import type { LightMyRequestResponse } from 'fastify'
import { Agent } from '../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { registeredRoutes } from '../../../test/helpers/routes.ts'
import { localAuthorities, messages } from '../../db/schema/index.ts'
import { agreementStaff, type Staff } from '../agreements/testing.ts'
import { api, issueToken } from '../api/test-kit.ts'
import { fullCase, type Built } from './council-access/testing.ts'

describe('two councils on one install', () => {
  let t: TestApp
  let staff: Staff
  let councilA: string
  let councilB: string
  let coordinatorA: Agent
  let managerA: Agent
  let caseA: Built
  let caseB: Built
  let routes: { method: 'GET' | 'POST'; path: string }[]

  before(async () => {
    t = await createTestApp({ config: { SESSION_IDLE_MINUTES: 60 * 24 * 365 } })
    councilA = (await t.database.db.select().from(localAuthorities).where(eq(localAuthorities.code, 'warrington')))[0]!
      .id
    const [halton] = await t.database.db
      .insert(localAuthorities)
      .values({
        code: 'halton',
        name: 'Halton Borough Council',
        commissioned: true,
        freeForResidents: true,
        postcodeDistricts: ['WA7', 'WA8'],
        serviceName: 'Halton SEN Mediation',
        phone: '01632 960 888',
        address: '1 Example Road, Widnes',
        openingHours: 'Monday to Friday, 9am to 5pm',
      })
      .returning()
    councilB = halton!.id
    staff = await agreementStaff(t) // a coordinator of both councils, and the mediator of both cases
    await createStaff(t.database, 'coordinator.a@example.com', ['coordinator'], 'Abi Coordinator', [councilA])
    await createStaff(t.database, 'manager.a@example.com', ['manager'], 'Ari Manager', [councilA])
    caseA = await fullCase(t, staff, councilA, 'Alfie Awarrington', 'Anna Awarrington')
    caseB = await fullCase(t, staff, councilB, 'Bethany Beyond', 'Bella Beyond')
    coordinatorA = await new Agent(t.app).signIn('coordinator.a@example.com')
    managerA = await new Agent(t.app).signIn('manager.a@example.com')
    routes = registeredRoutes(t.app.printRoutes({ commonPrefix: false }))
      .map((r) => r.split(' ') as [string, string])
      .filter(
        ([method, path]) =>
          (method === 'GET' || method === 'POST') &&
          (path === '/cases/:id' || path.startsWith('/cases/:id/') || path.startsWith('/admin/messages/:id')),
      )
      .map(([method, path]) => ({ method: method as 'GET' | 'POST', path }))
  })
  after(() => t.close())

  /** The path with the case's real ids (a message's page: its message); a kind of id it does not have, a random one. */
  const fill = (path: string, built: Built, messageId?: string) =>
    path.startsWith('/admin/messages/')
      ? path
          .replace(':id', messageId ?? built.ids.messageId!)
          .replace(/:(\w+)/g, (_, name: string) => built.ids[name] ?? randomUUID())
      : path.replace(/:(\w+)/g, (_, name: string) => built.ids[name] ?? randomUUID())

  const request = (agent: Agent, method: 'GET' | 'POST', url: string) =>
    method === 'GET' ? agent.get(url) : agent.post(url, { version: '1' })

  /** Nothing of case B: not its reference, not its child's or parent's name. */
  const assertNothingOfB = (res: LightMyRequestResponse, what: string) => {
    for (const secret of [caseB.reference, caseB.childName, caseB.parentName, 'Beyond']) {
      assert.ok(!res.body.includes(secret), `${what} showed "${secret}" of council B's case`)
    }
  }

  it('walks every page of a case and of a message, downloads and exports among them', () => {
    const paths = routes.map((r) => `${r.method} ${r.path}`)
    for (const expected of [
      'GET /cases/:id',
      'GET /cases/:id/certificates/:address',
      'GET /cases/:id/agreement/agreement.pdf',
      'GET /cases/:id/preparation/summaries/:summaryId/download',
      'GET /cases/:id/messages/:messageId/letter.pdf',
      'GET /cases/:id/messages/:messageId/attachments/:n',
      'GET /admin/messages/:id',
      'GET /admin/messages/:id/letter.pdf',
      'POST /cases/:id/actions/:action',
    ]) {
      assert.ok(paths.includes(expected), `${expected} in ${paths.join(', ')}`)
    }
    assert.ok(routes.length > 60, `${routes.length} routes`)
  })

  for (const who of ['coordinator', 'manager'] as const) {
    it(`gives a ${who} of council A "not found" for every page of council B's case, GET and POST`, async () => {
      const agent = who === 'coordinator' ? coordinatorA : managerA
      await agent.get('/account/password') // a page with a form, for a CSRF token
      const problems: string[] = []
      for (const route of routes) {
        const urls = route.path.startsWith('/admin/messages/')
          ? caseB.messageIds.map((m) => fill(route.path, caseB, m))
          : [fill(route.path, caseB)]
        for (const url of urls) {
          const res = await request(agent, route.method, url)
          assertNothingOfB(res, `${route.method} ${url}`)
          if (res.statusCode === 404) continue
          // A page their role may never use answers the same for their own council's case: no hint there.
          if (res.statusCode === 403) {
            const own = route.path.startsWith('/admin/messages/')
              ? fill(route.path, caseA, caseA.messageIds[0])
              : fill(route.path, caseA)
            if ((await request(agent, route.method, own)).statusCode === 403) continue
          }
          problems.push(`${route.method} ${route.path}: ${res.statusCode}`)
        }
      }
      assert.deepEqual(problems, [], "every page of council B's case must be not found")
    })
  }

  it("refuses council B's documents and messages by way of council A's own case too", async () => {
    await coordinatorA.get('/account/password')
    const mixed: Built = { ...caseA, ids: { ...caseB.ids, id: caseA.id, action: 'start-preparation', n: '1' } }
    const problems: string[] = []
    for (const route of routes.filter(
      (r) => r.method === 'GET' && /:(?!id\b)\w+/.test(r.path.replace('/admin/messages/:id', '')),
    )) {
      if (
        route.path.startsWith('/admin/messages/') ||
        route.path.includes(':mediatorId') ||
        route.path.includes(':action')
      )
        continue
      const res = await coordinatorA.get(fill(route.path, mixed))
      assertNothingOfB(res, route.path)
      if (res.statusCode !== 404) problems.push(`${route.path}: ${res.statusCode}`)
    }
    assert.deepEqual(problems, [])
  })

  it("opens the same pages of council A's own case", async () => {
    for (const agent of [coordinatorA, managerA]) {
      const problems: string[] = []
      for (const route of routes.filter((r) => r.method === 'GET')) {
        // A message's page for each message; its letter and attachment for the letter, which has both.
        const urls =
          route.path === '/admin/messages/:id'
            ? caseA.messageIds.map((m) => fill(route.path, caseA, m))
            : [fill(route.path, caseA)]
        for (const url of urls) {
          const res = await agent.get(url)
          // Some pages are for other roles (403 for both cases, above), and some need a step first.
          if (res.statusCode === 404) problems.push(`${route.path}: 404`)
        }
      }
      assert.deepEqual(problems, [], "council A's own case must be found")
    }
    const page = await coordinatorA.get(`/cases/${caseA.id}`)
    assert.equal(page.statusCode, 200)
    assert.ok(page.body.includes(caseA.childName))
    assert.ok(page.body.includes('Council: Warrington Borough Council'))
  })

  it("finds nothing of council B's in the case list and search, even by its child's name", async () => {
    for (const agent of [coordinatorA, managerA]) {
      for (const url of [
        '/cases',
        `/cases?q=${encodeURIComponent(caseB.childName)}`,
        `/cases?q=${encodeURIComponent('Bethany Beyon')}`,
        `/cases?q=${encodeURIComponent(caseB.reference)}`,
        `/cases?q=${encodeURIComponent(caseB.parentName)}`,
      ]) {
        const res = await agent.get(url)
        assert.equal(res.statusCode, 200, url)
        // The search box shows what they typed: nothing else of B's may be there.
        const typed = decodeURIComponent(url.split('q=')[1] ?? '')
        assertNothingOfB(
          { ...res, body: typed ? res.body.replaceAll(typed, '') : res.body } as LightMyRequestResponse,
          url,
        )
      }
      const own = await agent.get(`/cases?q=${encodeURIComponent(caseA.childName)}`)
      assert.ok(own.body.includes(caseA.reference), 'their own council’s case is found')
    }
  })

  it("shows nothing of council B's on Today, and nothing of it in Sent messages", async () => {
    // Something of B's on Today for someone who sees it: a message that could not be delivered.
    await t.database.db.update(messages).set({ status: 'failed' }).where(eq(messages.caseId, caseB.id))
    const both = await new Agent(t.app).signIn('cora@example.com')
    assert.ok((await both.get('/today')).body.includes(caseB.reference), 'Today shows B to staff of B')
    for (const agent of [coordinatorA, managerA]) {
      const today = await agent.get('/today')
      assert.equal(today.statusCode, 200)
      assertNothingOfB(today, 'Today')
    }
    const sent = await managerA.get('/admin/messages')
    assert.equal(sent.statusCode, 200)
    assertNothingOfB(sent, 'Sent messages')
    assert.ok(sent.body.includes(caseA.reference), "council A's messages are there")
    assert.ok(sent.body.includes(caseA.parentName), "and the message of no case to a party of council A's case")
  })

  it("offers council A's staff only council A when they log an enquiry", async () => {
    const res = await coordinatorA.get('/enquiries/new')
    assert.ok(res.body.includes('Warrington Borough Council'))
    assert.ok(!res.body.includes('Halton Borough Council'))
  })

  it("keeps API tokens to their council: council A's token cannot read council B's case", async () => {
    const tokenA = await issueToken(t, 'warrington')
    const tokenB = await issueToken(t, 'halton')
    const other = await api(t, tokenA.token).get(`/api/v1/cases/${caseB.reference}`)
    assert.equal(other.statusCode, 404)
    // The same answer as for a reference no case has: it says nothing of B's case.
    const none = await api(t, tokenA.token).get('/api/v1/cases/MED-2026-999999')
    assert.equal(other.body.replaceAll(caseB.reference, 'REF'), none.body.replaceAll('MED-2026-999999', 'REF'))
    assert.ok(!other.body.includes(caseB.childName))
    assert.equal((await api(t, tokenA.token).get(`/api/v1/cases/${caseA.reference}`)).statusCode, 200)
    assert.equal((await api(t, tokenB.token).get(`/api/v1/cases/${caseB.reference}`)).statusCode, 200)
  })
})

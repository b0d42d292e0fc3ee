// A mediator sees only the cases they are allocated to: every page of any other case is refused,
// whichever page it is. The routes are collected from the app itself, so a page added later is
// checked too. And the JSON API never accepts a staff session in place of a token.
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { Agent } from '../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { registeredRoutes } from '../../../test/helpers/routes.ts'
import { caseParties } from '../../db/schema/index.ts'
import { makeCase } from '../cases/testing.ts'
import { allocateDirectly, makeMediator } from './testing.ts'

describe('what a mediator can open', () => {
  let t: TestApp
  let mediator: Agent
  let coordinator: Agent
  let caseA: { id: string; reference: string }
  let caseB: { id: string; reference: string }
  let mediatorId: string
  let routes: { method: 'GET' | 'POST'; path: string }[]
  /** Real values for the sub-ids a path may have, for the given case. */
  let fill: (path: string, caseId: string) => Promise<string>

  before(async () => {
    t = await createTestApp({ config: { SESSION_IDLE_MINUTES: 60 * 24 * 365 } })
    const coordinatorUser = await createStaff(t.database, 'coordinator@example.com', ['coordinator'])
    const account = await createStaff(t.database, 'mediator@example.com', ['mediator'], 'Maya Mediator')
    mediatorId = (await makeMediator(t.database, t.clock, { userId: account.id })).id
    caseA = await makeCase(t.database, t.clock, { childName: 'Alfie Allocated' })
    caseB = await makeCase(t.database, t.clock, { childName: 'Bethany Beyond' })
    await allocateDirectly(t.database, t.clock, caseA.id, mediatorId, coordinatorUser.id)
    mediator = await new Agent(t.app).signIn('mediator@example.com')
    coordinator = await new Agent(t.app).signIn('coordinator@example.com')
    routes = registeredRoutes(t.app.printRoutes({ commonPrefix: false }))
      .map((r) => r.split(' ') as [string, string])
      .filter(
        ([method, path]) =>
          (method === 'GET' || method === 'POST') && (path === '/cases/:id' || path.startsWith('/cases/:id/')),
      )
      .map(([method, path]) => ({ method: method as 'GET' | 'POST', path }))
    fill = async (path, caseId) => {
      const [party] = await t.database.db
        .select()
        .from(caseParties)
        .where(and(eq(caseParties.caseId, caseId), eq(caseParties.role, 'parent')))
      const known: Record<string, string> = { id: caseId, partyId: party!.id, mediatorId, action: 'start-preparation' }
      return path.replace(/:(\w+)/g, (_, name: string) => known[name] ?? randomUUID())
    }
  })
  after(() => t.close())

  it("finds the case pages to check, this area's among them", () => {
    const paths = routes.map((r) => `${r.method} ${r.path}`)
    for (const expected of [
      'GET /cases/:id',
      'GET /cases/:id/mediator',
      'POST /cases/:id/mediator/allocate/:mediatorId',
      'POST /cases/:id/actions/:action',
    ]) {
      assert.ok(paths.includes(expected), `${expected} in ${paths.join(', ')}`)
    }
    for (const r of routes) assert.ok(t.app.hasRoute({ method: r.method, url: r.path }), r.path)
  })

  it('lets the mediator open their own case', async () => {
    const overview = await mediator.get(`/cases/${caseA.id}`)
    assert.equal(overview.statusCode, 200)
    assert.ok(overview.body.includes('Alfie Allocated'))
    assert.equal((await mediator.get(`/cases/${caseA.id}/mediator`)).statusCode, 200)
  })

  it('refuses every page of another case, GET and POST, without showing anything of it', async () => {
    await mediator.get('/account/password') // a page with a form, for a CSRF token
    const results: string[] = []
    const notFound: string[] = []
    for (const route of routes) {
      const url = await fill(route.path, caseB.id)
      const res = route.method === 'GET' ? await mediator.get(url) : await mediator.post(url, { version: '1' })
      assert.ok(
        !res.body.includes('Bethany Beyond') && !res.body.includes(caseB.reference),
        `${route.method} ${route.path} showed case B`,
      )
      if (res.statusCode === 404) {
        notFound.push(`${route.method} ${route.path}`)
        continue
      }
      if (res.statusCode === 403) {
        // A page no mediator may use at all: the same answer for their own case, so it says nothing about case B.
        const own = await fill(route.path, caseA.id)
        const mine = route.method === 'GET' ? await mediator.get(own) : await mediator.post(own, { version: '1' })
        if (mine.statusCode === 403) continue
      }
      results.push(`${route.method} ${route.path}: ${res.statusCode}`)
    }
    assert.deepEqual(results, [], 'every page of case B must be refused')
    // The pages mediators may use answer "not found" for a case that is not theirs.
    for (const page of [
      'GET /cases/:id',
      'GET /cases/:id/mediator',
      'GET /cases/:id/timeline',
      'GET /cases/:id/progress',
    ]) {
      assert.ok(notFound.includes(page), page)
    }
  })

  it('proves the refusals are about the case: a coordinator opens the same pages of case B', async () => {
    // Pages with nothing else in their path; a download (agreement.pdf) is rightly not found until its document exists.
    for (const route of routes.filter(
      (r) => r.method === 'GET' && !r.path.replace('/cases/:id', '').includes(':') && !r.path.endsWith('.pdf'),
    )) {
      const res = await coordinator.get(await fill(route.path, caseB.id))
      assert.notEqual(res.statusCode, 404, route.path)
    }
  })

  it('refuses every /api/v1 route to a staff session without a token', async () => {
    const api = registeredRoutes(t.app.printRoutes({ commonPrefix: false }))
      .map((r) => r.split(' ') as [string, string])
      .filter(([method, path]) => method !== 'HEAD' && method !== 'OPTIONS' && path.startsWith('/api/v1/'))
    assert.ok(api.length >= 3, api.join(', '))
    for (const [method, path] of api) {
      const url = path.replace(':reference', caseA.reference).replace(/:(\w+)/g, () => randomUUID())
      for (const who of [coordinator, mediator]) {
        const res = method === 'GET' ? await who.get(url) : await who.post(url, {})
        assert.equal(res.statusCode, 401, `${method} ${path}`)
      }
    }
  })
})

// Every id in a URL is checked the same way, before a route runs: a malformed one gets the
// not-found answer on every route that takes one (the routes come from the app's own table).
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Agent } from '../helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../helpers/app.ts'
import { registeredRoutes } from '../helpers/routes.ts'

describe('ids in URLs', () => {
  let t: TestApp
  let admin: Agent
  let routes: { method: string; path: string }[]

  before(async () => {
    t = await createTestApp()
    await createStaff(t.database, 'admin@example.org', ['administrator'])
    admin = await new Agent(t.app).signIn('admin@example.org')
    routes = registeredRoutes(t.app.printRoutes({ commonPrefix: false }))
      .map((r) => r.split(' ') as [string, string])
      .filter(([method, path]) => (method === 'GET' || method === 'POST') && /:(id|\w+Id)\b/.test(path))
      .map(([method, path]) => ({ method, path }))
  })
  after(() => t.close())

  it('finds the routes that take an id, from cases to the portal and the API', () => {
    const paths = routes.map((r) => r.path)
    for (const expected of ['/cases/:id', '/cases/:id/agreement/follow-up/:pointId', '/admin/users/:id']) {
      assert.ok(paths.includes(expected), expected)
    }
    assert.ok(routes.length > 40, `only ${routes.length} routes take an id`)
  })

  for (const [label, bad] of [
    ['36 characters that are not a UUID', 'zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz'],
    ['a number', '42'],
    ['a UUID with something after it', '0b8c3f2e-6a1d-4c9e-9f57-3d2a1b0c9e8f0'],
  ] as const) {
    it(`answers ${label} with not found, on every such route`, async () => {
      const wrong: string[] = []
      for (const { method, path } of routes) {
        const url = path.replace(/:(\w+)/g, (_, name: string) => (name === 'id' || name.endsWith('Id') ? bad : 'x'))
        const res = method === 'GET' ? await admin.get(url) : await admin.post(url, {})
        if (res.statusCode !== 404) wrong.push(`${method} ${url}: ${res.statusCode}`)
      }
      assert.deepEqual(wrong, [])
    })
  }

  it('shows the case page for a malformed case id, the same as for a case that is not there', async () => {
    const res = await admin.get('/cases/zzzzzzzz-zzzz-zzzz-zzzz-zzzzzzzzzzzz')
    assert.equal(res.statusCode, 404)
    assert.match(res.body, /Case not found/)
  })
})

import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts'

/** Every route the app registers, from Fastify's own route tree: "GET /api/v1/cases/:reference", ... */
function registeredRoutes(tree: string): string[] {
  const routes: string[] = []
  const paths: string[] = [] // the full path at each depth of the tree
  for (const line of tree.split('\n')) {
    const start = line.search(/[^│├└─\s]/)
    if (start < 0) continue
    const depth = Math.round(start / 4) - 1 // the root "/" starts at column 4
    const [, segment = '', methods = ''] = /^(.*?)(?: \(([A-Z, ]+)\))?$/.exec(line.slice(start)) ?? []
    const path = depth <= 0 ? segment : paths[depth - 1] + segment
    paths.length = Math.max(depth, 0)
    paths.push(path)
    for (const method of methods.split(', ').filter(Boolean)) routes.push(`${method} ${path}`)
  }
  return routes
}

/** OpenAPI paths use {name}; Fastify uses :name. */
const fastifyPath = (openApiPath: string) => openApiPath.replace(/\{(\w+)\}/g, ':$1')

describe('GET /api/docs/openapi.json', () => {
  let t: TestApp
  before(async () => (t = await createTestApp()))
  after(() => t.close())

  it('is public OpenAPI 3.1 with the bearer scheme, the enums and the error shapes', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/docs/openapi.json' })
    assert.equal(res.statusCode, 200)
    const doc = res.json()
    assert.equal(doc.openapi, '3.1.0')
    assert.deepEqual(doc.components.securitySchemes.bearerAuth, {
      ...doc.components.securitySchemes.bearerAuth,
      type: 'http',
      scheme: 'bearer',
    })
    assert.deepEqual(doc.security, [{ bearerAuth: [] }])
    assert.deepEqual(doc.paths['/api/docs/openapi.json'].get.security, [])
    assert.deepEqual(doc.components.schemas.EventType.enum, [
      'decision-letter-sent',
      'adviser-contacted',
      'mediation-declined',
      'mediation-requested',
      'health-body-notified',
      'cannot-arrange',
      'meeting-scheduled',
      'meeting-notice-sent',
      'mediation-concluded',
      'withdrawn',
      'certificate-issued',
      'scope-decided',
      'party-invited',
      'willingness-recorded',
      'mediator-allocated',
      'council-told-of-agreement',
    ])
    assert.deepEqual(doc.components.schemas.DeadlineName.enum, [
      'adviser-contact',
      'certificate',
      'health-body-notice',
      'mediation-held',
      'meeting-notice',
      'appeal',
      'agreement-point',
      'agreement-icb-notice',
    ])
    assert.deepEqual(doc.components.schemas.InvalidRequest.required.sort(), [
      'detail',
      'error',
      'fields',
      'instance',
      'status',
      'title',
      'type',
    ])
    // Each event type is one of the request's choices, each with its own data.
    const choices = doc.components.schemas.EventRequest.oneOf ?? doc.components.schemas.EventRequest.anyOf
    assert.deepEqual(
      choices.map((c: { properties: { type: { const: string } } }) => c.properties.type.const),
      doc.components.schemas.EventType.enum,
    )
    const events = doc.paths['/api/v1/cases/{reference}/events'].post
    assert.deepEqual(Object.keys(events.responses).sort(), [
      '201',
      '400',
      '401',
      '404',
      '409',
      '413',
      '415',
      '429',
      '500',
      '503',
    ])
    // Every error is a problem (RFC 9457).
    assert.equal(events.responses['409'].content['application/problem+json'].schema.$ref, '#/components/schemas/Error')
    assert.equal(
      events.responses['400'].content['application/problem+json'].schema.$ref,
      '#/components/schemas/InvalidRequest',
    )
    // Every $ref points at a schema that is there.
    for (const [, name] of res.body.matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g))
      assert.ok(doc.components.schemas[name!], name)
    assert.ok(!res.body.includes('"$schema"'))
  })

  it('documents every route the app registers under /api/v1, and nothing it does not', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/openapi.json' })).json()
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
      .flatMap(([path, operations]) =>
        Object.keys(operations).map((method) => `${method.toUpperCase()} ${fastifyPath(path)}`),
      )
      .filter((route) => route.includes(' /api/v1/'))
      .sort()
    const registered = registeredRoutes(t.app.printRoutes({ commonPrefix: false }))
      .filter((route) => route.includes(' /api/v1/') && !route.startsWith('HEAD '))
      .sort()
    assert.deepEqual(registered.filter((r) => r.startsWith('POST ')).length, 4, registered.join('\n'))
    assert.ok(registered.includes('GET /api/v1/cases/:reference'), registered.join('\n'))
    assert.deepEqual(documented, registered)
    for (const route of documented) {
      const [method, url] = route.split(' ') as [string, string]
      assert.ok(t.app.hasRoute({ method: method as 'GET', url }), route)
    }
  })
})

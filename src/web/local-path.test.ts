// A "next" address leads only to a page of Parley: examples from open-redirect reports, and
// properties over any text, checked the way a browser resolves a Location header.
import assert from 'node:assert/strict'
import { describe, test } from 'node:test'
import fc from 'fast-check'
import { localPath } from './local-path.ts'

const home = '/today'
const site = 'https://parley.example'

describe('localPath', () => {
  test('keeps a page of the site, with its query and fragment', () => {
    for (const path of ['/cases', '/cases?status=open&page=2', '/cases/a1#timeline', '/', '/admin/messages?x=%2F%2Fy'])
      assert.equal(localPath(path, home), path)
  })

  test('refuses another site, however it is written', () => {
    for (const next of [
      '//evil.example',
      '//evil.example/',
      '/\\evil.example',
      '\\\\evil.example',
      '/\\/evil.example',
      'https://evil.example',
      'http:evil.example',
      'javascript:alert(1)',
      '/\t/evil.example',
      '/\n/evil.example',
      '/.//evil.example',
      '/..//evil.example',
      '/%2e//evil.example',
      ' /cases',
      'cases',
      '',
      undefined,
      ['/cases'],
    ]) {
      assert.equal(localPath(next, home), home, JSON.stringify(next))
    }
  })

  test('whatever it is given, a browser following the answer stays on the site', () => {
    const pieces = fc.constantFrom(
      '/',
      '\\',
      '.',
      '..',
      '%2e',
      '%2f',
      '%5c',
      ':',
      '@',
      '?',
      '#',
      '\t',
      'evil.example',
      'a',
    )
    const crafted = fc.array(pieces, { maxLength: 8 }).map((parts) => parts.join(''))
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.webUrl(),
          crafted,
          crafted.map((s) => `/${s}`),
        ),
        (next) => {
          const answer = localPath(next, home)
          assert.ok(answer.startsWith('/') && !answer.startsWith('//'), answer)
          assert.equal(new URL(answer, `${site}/sign-in`).origin, site, answer)
        },
      ),
      { numRuns: 2000 },
    )
  })

  test('a path it keeps, it keeps as the browser would read it', () => {
    const segment = fc.stringMatching(/^[a-z0-9-]{1,10}$/)
    fc.assert(
      fc.property(fc.array(segment, { minLength: 1, maxLength: 5 }), (segments) => {
        const path = `/${segments.join('/')}`
        assert.equal(localPath(path, home), path)
      }),
    )
  })
})

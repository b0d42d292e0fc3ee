// The public pages read easily and load quickly on a phone: each page's words are measured with the
// Flesch-Kincaid grade, and each page's weight (its HTML and everything it loads) as a browser
// that accepts compression receives it.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { fleschKincaid } from 'flesch-kincaid'
import { syllable } from 'syllable'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { html } from '../../../test/helpers/html.ts'

/** Every public page of the service's public face: the council's page, its list, and the three statements. */
const publicPages = ['/services', '/services/warrington', '/privacy', '/accessibility', '/cookies']

/**
 * A reading age of 9 to 11 is a US school grade of about 4 to 6 (reading age is roughly grade + 5).
 * Grade 6 is the top of that range: a page whose words score above it is too hard. The words the
 * service cannot do without (mediation, disagreement, tribunal, accessibility) are long, so the
 * rest of each page has to be very plain to stay under it.
 */
const MAX_GRADE = 6

/** 150 KB: the most a first visit to a public page may transfer, for a phone on a slow connection. */
const MAX_BYTES = 150 * 1024

/** The words of the page's main part: each heading, paragraph, list item and table cell a sentence of its own. */
function wordsOf(body: string) {
  const main = html({ body } as never).querySelector('main')!
  const blocks = main
    .querySelectorAll('h1, h2, h3, p, li, dt, dd, th, td, .govuk-inset-text, a.govuk-button')
    .filter((el) => !el.querySelector('p, li, ul, ol'))
    .map((el) => el.text.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
  const sentences = blocks.flatMap((b) => b.split(/(?<=[.!?])\s+/)).filter((s) => /[a-z]/i.test(s))
  // Numbers, phone numbers, email and web addresses are read as they are, not as words to sound out.
  const words = sentences
    .flatMap((s) => s.split(/\s+/))
    .filter((w) => /[a-z]/i.test(w) && !/[@/]|\.\w/.test(w))
    .map((w) => w.replace(/[^a-z'-]/gi, ''))
    .filter(Boolean)
  return { sentence: sentences.length, word: words.length, syllable: words.reduce((n, w) => n + syllable(w), 0) }
}

describe('the public pages read easily and weigh little', () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp()
  })
  after(() => t.close())

  it(`reads at a grade of ${MAX_GRADE} or under (a reading age of about 11)`, async () => {
    for (const url of publicPages) {
      const res = await t.app.inject(url)
      assert.equal(res.statusCode, 200, url)
      const counts = wordsOf(res.body)
      assert.ok(counts.word > 40, `${url} has words to measure`)
      const grade = fleschKincaid(counts)
      assert.ok(grade <= MAX_GRADE, `${url} reads at grade ${grade.toFixed(1)}, over ${MAX_GRADE}`)
    }
  })

  it('a measure that can fail: long sentences of long words score over the limit', () => {
    const hard = `<main><p>${'Notwithstanding the aforementioned considerations, the responsible authority determines eligibility. '.repeat(5)}</p></main>`
    assert.ok(fleschKincaid(wordsOf(hard)) > MAX_GRADE)
  })

  it('transfers under 150 KB on a first visit, with its stylesheet, scripts and icons compressed as served', async () => {
    const compressed = { 'accept-encoding': 'gzip, deflate, br' }
    for (const url of publicPages) {
      const page = await t.app.inject({ url, headers: compressed })
      const doc = html(page)
      const queue = [
        ...doc.querySelectorAll('link[href]').map((l) => l.getAttribute('href')!),
        ...doc.querySelectorAll('script[src], img[src]').map((s) => s.getAttribute('src')!),
      ]
      const assets = new Set(queue)
      let bytes = page.rawPayload.length
      while (queue.length) {
        const asset = queue.shift()!
        const res = await t.app.inject({ url: asset, headers: compressed })
        assert.equal(res.statusCode, 200, asset)
        bytes += res.rawPayload.length
        // A module script loads the modules it imports.
        if (!asset.endsWith('.js')) continue
        for (const [, imported] of (await t.app.inject(asset)).body.matchAll(/from\s+'(\/assets\/[^']+)'/g)) {
          if (assets.has(imported!)) continue
          assets.add(imported!)
          queue.push(imported!)
        }
      }
      assert.ok(assets.has('/assets/app.css'), 'the stylesheet is counted')
      assert.ok(assets.has('/assets/govuk-frontend/govuk-frontend.min.js'), 'and the scripts app.js imports')
      assert.ok(bytes < MAX_BYTES, `${url} transfers ${Math.round(bytes / 1024)} KB`)
    }
  })
})

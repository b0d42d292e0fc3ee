// The browser tests' accessibility scan itself (test/helpers/browser.ts), on pages made up here:
// it finds violations, in frames too; a page scanned before is scanned again once anything axe
// could notice has changed; and a journey that leaves a page unscanned fails.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Browser, Page } from 'playwright-core'
import { axeTracker, expectNoAxeViolations, launchBrowser } from '../helpers/browser.ts'

const site = 'http://pages.test'
const page = (body: string, title = 'A page') =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main><h1>${title}</h1>${body}</main></body></html>`

/** The made-up site: each path answers the page given for it. */
const pages: Record<string, string> = {
  '/clean': page('<p>All is well.</p><a href="/next">Next</a>'),
  '/unnamed-link': page('<a href="/next"></a>'),
  '/image': page('<img src="data:," alt="A cat">'),
  '/framed': page(`<iframe title="A frame" srcdoc="${page('<img src=data:,>').replaceAll('"', '&quot;')}"></iframe>`),
  '/other': page('<p>Another page.</p>', 'Another page'),
}

describe('scanning pages with axe', () => {
  let browser: Browser
  before(async () => {
    browser = await launchBrowser()
  })
  after(() => browser.close())

  async function newTab(): Promise<Page> {
    const context = await browser.newContext()
    await context.route(`${site}/**`, (route) => {
      const html = pages[new URL(route.request().url()).pathname]
      return html ? route.fulfill({ contentType: 'text/html', body: html }) : route.fulfill({ status: 404 })
    })
    return context.newPage()
  }

  test('a violation fails the scan, in the page and in a frame', async () => {
    const p = await newTab()
    await p.goto(`${site}/unnamed-link`)
    await assert.rejects(expectNoAxeViolations(p), /link-name/)
    await p.goto(`${site}/framed`)
    await assert.rejects(expectNoAxeViolations(p), /image-alt/)
    await p.goto(`${site}/clean`)
    await expectNoAxeViolations(p)
  })

  test('a page scanned already is scanned again when it has changed, whatever changed', async () => {
    const p = await newTab()
    const axe = axeTracker(p)
    await p.goto(`${site}/image`)
    await axe.check()
    // The same page, each time with a change that axe finds: an attribute, an element, an empty text.
    await p.goto(`${site}/image`)
    await p.evaluate(() => document.querySelector('img')!.removeAttribute('alt'))
    await assert.rejects(axe.check(), /image-alt/)
    await p.goto(`${site}/image`)
    await p.evaluate(() => document.querySelector('main')!.insertAdjacentHTML('beforeend', '<a href="/x"></a>'))
    await assert.rejects(axe.check(), /link-name/)
    await p.goto(`${site}/clean`)
    await axe.check()
    await p.evaluate(() => (document.querySelector('a')!.textContent = ' '))
    await assert.rejects(axe.check(), /link-name/)
  })

  test('a journey with a page visited but not scanned fails, even a page scanned in another journey', async () => {
    const first = await newTab()
    const axe = axeTracker(first)
    await first.goto(`${site}/clean`)
    await axe.check()
    await first.goto(`${site}/other`)
    assert.throws(() => axe.assertAllScanned(), /pages visited but not scanned with axe/)
    await axe.check()
    axe.assertAllScanned()

    const second = await newTab()
    const again = axeTracker(second)
    await second.goto(`${site}/clean`)
    assert.throws(() => again.assertAllScanned(), /pages visited but not scanned with axe/)
    await again.check()
    again.assertAllScanned()
  })
})

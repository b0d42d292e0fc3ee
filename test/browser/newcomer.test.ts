// A newcomer's first look, in a browser: no request of a page's ends in "not found" (the icon
// included), and the stylesheet keeps a case reference and a status tag on one line.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { axeTracker, startBrowserTest, type BrowserTest } from '../helpers/browser.ts'

describe('in a browser: what a newcomer meets first', () => {
  let t: BrowserTest
  before(async () => (t = await startBrowserTest()))
  after(() => t.close())

  test('every public page loads with nothing missing: the icon is ours, not a 404', async () => {
    const page = await t.newPage()
    const axe = axeTracker(page)
    const missing: string[] = []
    const asked: string[] = []
    page.on('response', (res) => {
      if (res.status() === 404) missing.push(res.url())
    })
    page.on('request', (req) => asked.push(new URL(req.url()).pathname))
    for (const path of ['/', '/request']) {
      await page.goto(path)
      await axe.check()
    }
    const icon = await page.evaluate(() =>
      [...document.querySelectorAll('link[rel="icon"]')].map((l) => l.getAttribute('href')),
    )
    assert.deepEqual(icon, ['/favicon.ico', '/assets/icons/favicon.svg'])
    const ico = await page.request.get('/favicon.ico')
    assert.equal(ico.status(), 200)
    assert.deepEqual(missing, [], 'nothing the pages asked for was missing')
    axe.assertAllScanned()
  })

  test('a case reference and a status tag stay on one line in a narrow column', async () => {
    const page = await t.newPage()
    await page.goto('/')
    // The real stylesheet, on the markup Today's table and the case header use.
    const heights = await page.evaluate(() => {
      const cell = (html: string) => {
        const box = document.createElement('div')
        box.style.width = '60px'
        box.innerHTML = html
        document.body.append(box)
        const inner = box.firstElementChild as HTMLElement
        const lineHeight = parseFloat(getComputedStyle(inner).lineHeight)
        return { height: inner.getBoundingClientRect().height, lineHeight }
      }
      return {
        reference: cell('<span class="govuk-body app-nowrap">MED-2026-000015</span>'),
        tag: cell(
          '<strong class="govuk-tag govuk-tag--grey app-tag--nowrap">Asking the other parties to take part</strong>',
        ),
      }
    })
    assert.ok(heights.reference.height < heights.reference.lineHeight * 1.5, JSON.stringify(heights.reference))
    assert.ok(heights.tag.height < heights.tag.lineHeight * 2, JSON.stringify(heights.tag))
  })
})

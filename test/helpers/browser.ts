// Browser tests: the real app listening on a free local port, driven by the system Chromium,
// with an axe-core scan of every page a test visits.
import assert from 'node:assert/strict'
import AxeBuilder from '@axe-core/playwright'
import { chromium, type Browser, type Page } from 'playwright-core'
import { createTestApp, type TestApp } from './app.ts'

export interface BrowserTest extends TestApp {
  baseUrl: string
  browser: Browser
  /** A new page (tab) in a fresh context: no cookies shared with other pages. */
  newPage(options?: { javaScript?: boolean }): Promise<Page>
}

export async function startBrowserTest(options: Parameters<typeof createTestApp>[0] = {}): Promise<BrowserTest> {
  const t = await createTestApp(options)
  await t.app.listen({ host: '127.0.0.1', port: 0 })
  const address = t.app.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  })
  return {
    ...t,
    baseUrl: `http://localhost:${port}`,
    browser,
    async newPage({ javaScript = true } = {}) {
      const context = await browser.newContext({ javaScriptEnabled: javaScript, baseURL: `http://localhost:${port}` })
      return context.newPage()
    },
    async close() {
      await browser.close()
      await t.close()
    },
  }
}

/** Zero axe violations against WCAG 2.2 AA on the page as it is now. */
export async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
    .analyze()
  const problems = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  )
  assert.deepEqual(problems, [], `axe found problems on ${page.url()}`)
}

/**
 * Scans pages with axe and remembers every page the browser landed on, so a test can prove that
 * no page in its journey went unchecked.
 */
export function axeTracker(page: Page) {
  const visited = new Set<string>()
  const scanned = new Set<string>()
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) visited.add(frame.url())
  })
  return {
    async check() {
      await expectNoAxeViolations(page)
      scanned.add(page.url())
    },
    assertAllScanned() {
      assert.deepEqual(
        [...visited].filter((u) => !scanned.has(u)),
        [],
        'pages visited but not scanned with axe',
      )
    },
  }
}

/** Presses Tab until the focused element matches, then returns; fails if it never does. */
export async function tabTo(page: Page, selector: string, maxPresses = 60) {
  for (let i = 0; i < maxPresses; i++) {
    await page.keyboard.press('Tab')
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return
  }
  assert.fail(`could not reach ${selector} with the Tab key`)
}

/** Does something that submits a form or follows a link, and waits for the new page to load. */
export async function andWaitForPage(page: Page, action: () => Promise<unknown>) {
  await Promise.all([page.waitForEvent('load'), action()])
}

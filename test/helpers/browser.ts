// Browser tests: the real app listening on a free local port, driven by the system Chromium,
// with an axe-core scan of every page a test visits.
import assert from 'node:assert/strict'
import { createHash } from 'node:crypto'
import { createRequire } from 'node:module'
import AxeBuilder from '@axe-core/playwright'
import type { AxeResults } from 'axe-core'
import { chromium, type Browser, type Page } from 'playwright-core'
import { createTestApp, type TestApp } from './app.ts'
import { appCode, forgetLastCode, setupKeyOf } from './second-factor.ts'

export interface BrowserTest extends TestApp {
  baseUrl: string
  browser: Browser
  /** A new page (tab) in a fresh context: no cookies shared with other pages. */
  newPage(options?: { javaScript?: boolean }): Promise<Page>
}

/** The system Chromium, headless. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
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
}

/** Each listening test app by its address, so that a page can find the app it shows (passSecondStep). */
const appsServing = new Map<string, TestApp>()

export async function startBrowserTest(options: Parameters<typeof createTestApp>[0] = {}): Promise<BrowserTest> {
  const t = await createTestApp(options)
  await t.app.listen({ host: '127.0.0.1', port: 0 })
  const address = t.app.server.address()
  const port = typeof address === 'object' && address ? address.port : 0
  const browser = await launchBrowser()
  appsServing.set(`http://localhost:${port}`, t)
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

const wcag22aa = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']
/** The very axe-core that AxeBuilder injects. */
const axeSource: string = createRequire(import.meta.resolve('@axe-core/playwright'))('axe-core').source

/** Zero axe violations against WCAG 2.2 AA on the page as it is now. */
export async function expectNoAxeViolations(page: Page) {
  // AxeBuilder scans each frame apart and then merges the results in a new blank page, which
  // costs more than the scan; our pages have no frames, so axe runs once in the page itself
  // (AxeBuilder's own "legacy" way, the same rules and results). A page with frames gets AxeBuilder.
  // Only violations are reported in full: the passes are not read, and listing them takes time.
  let results: AxeResults
  if (page.frames().length > 1) results = await new AxeBuilder({ page }).withTags(wcag22aa).analyze()
  else {
    if (!(await page.evaluate('typeof window.axe?.run === "function"'))) await page.evaluate(axeSource)
    results = await page.evaluate(
      (tags) =>
        (window as unknown as { axe: typeof import('axe-core') }).axe.run(document, {
          runOnly: { type: 'tag', values: tags },
          resultTypes: ['violations'],
        }),
      wcag22aa,
    )
  }
  const problems = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  )
  assert.deepEqual(problems, [], `axe found problems on ${page.url()}`)
}

/**
 * What axe's result on the page depends on, as a hash: the page (its address with ids and tokens
 * as placeholders), its title, and every element with its attributes and whether it holds text of
 * its own (words do not change axe's WCAG rules; an empty link or heading does). So a page with
 * errors, a banner or a row more is another state. Left out: values of hidden inputs (the CSRF
 * token, a form's one-time key, new on every load), and which id or token a link or form names.
 */
async function pageState(page: Page): Promise<string> {
  const state = await page.evaluate(() => {
    const opaque = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|[\w-]{32,}/gi
    const address = (url: string) => url.replace(opaque, ':id')
    const parts = [address(location.pathname + location.search), document.title]
    for (const el of document.querySelectorAll('*')) {
      const hidden = el instanceof HTMLInputElement && el.type === 'hidden'
      const attributes = [...el.attributes]
        .filter((a) => !(hidden && a.name === 'value') && a.name !== 'nonce')
        .map(
          (a) => `${a.name}=${['href', 'action', 'src', 'formaction'].includes(a.name) ? address(a.value) : a.value}`,
        )
      const text = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '')
      parts.push(`${el.tagName}${text ? '+' : ''} ${attributes.join(' ')}`)
    }
    return parts.join('\n')
  })
  return createHash('sha256').update(state).digest('hex')
}

/** The page states this test file has scanned with no violations: each is scanned once. */
const scannedStates = new Set<string>()

/**
 * Scans pages with axe and remembers every page the browser landed on, so a test can prove that
 * no page in its journey went unchecked. A page in a state already scanned in this file (the same
 * page again, unchanged) counts as scanned without running axe again.
 */
export function axeTracker(page: Page) {
  const visited = new Set<string>()
  const scanned = new Set<string>()
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) visited.add(frame.url())
  })
  const tracker = {
    async check() {
      const state = await pageState(page)
      if (!scannedStates.has(state)) {
        await expectNoAxeViolations(page)
        scannedStates.add(state)
      }
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
  trackers.set(page, tracker)
  return tracker
}

/** Each page's tracker, so that a shared step (passSecondStep) scans the pages it passes through. */
const trackers = new WeakMap<Page, { check(): Promise<void> }>()

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

/**
 * In a page that has just signed in with a password: the second step as the person would do it,
 * with the code their authenticator app shows at the test app's clock (see second-factor.ts). An
 * account with no app yet sets one up from the page's setup key and goes on past its recovery
 * codes. The page's axe tracker (or the one given) scans each page on the way.
 */
export async function passSecondStep(page: Page, email: string, tracker?: { check(): Promise<void> }) {
  const axe = tracker ?? trackers.get(page)
  const url = new URL(page.url())
  const t = appsServing.get(url.origin)
  if (!t) throw new Error(`no test app serves ${url.origin}`)
  const go = () => andWaitForPage(page, () => page.getByRole('button', { name: 'Continue' }).click())
  if (url.pathname === '/sign-in/second-factor') {
    await axe?.check()
    await forgetLastCode(t.database, email)
    await page.fill('#code', appCode(t.clock.now()))
    return go()
  }
  assert.equal(url.pathname, '/sign-in/enrol', 'the second step follows the password')
  await axe?.check()
  const key = setupKeyOf((await page.locator('main code').first().textContent()) ?? '')
  await page.fill('#code', appCode(t.clock.now(), key))
  await go()
  await axe?.check()
  await go()
}

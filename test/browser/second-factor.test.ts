// A new member of staff's first sign-in in a real browser, by keyboard alone: the password, then
// setting up an authenticator app from the page's QR code or setup key (a wrong code first), the
// recovery codes, and on to their home page; then signing in again with the app's code, and with a
// recovery code. axe on every page.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import { createStaff, testPassword } from '../helpers/app.ts'
import { andWaitForPage, axeTracker, startBrowserTest, tabTo, type BrowserTest } from '../helpers/browser.ts'
import { appCode, setupKeyOf } from '../helpers/second-factor.ts'

const pathOf = (page: Page) => new URL(page.url()).pathname

describe('in a browser: setting up an authenticator app, and signing in with it', () => {
  let t: BrowserTest
  before(async () => {
    t = await startBrowserTest()
    await createStaff(t.database, 'nadia@example.com', ['coordinator'], 'Nadia Newstart', undefined, {
      secondFactor: false,
    })
  })
  after(() => t.close())

  /** The sign-in page by keyboard: email, password, Enter. */
  async function password(page: Page, axe: ReturnType<typeof axeTracker>) {
    await page.goto('/sign-in')
    await axe.check()
    await tabTo(page, '#email')
    await page.keyboard.type('nadia@example.com')
    await tabTo(page, '#password')
    await page.keyboard.type(testPassword)
    await andWaitForPage(page, () => page.keyboard.press('Enter'))
  }

  /** Tab to the field, type, and Enter. */
  async function answer(page: Page, code: string) {
    await tabTo(page, '#code', 80)
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type(code)
    await andWaitForPage(page, () => page.keyboard.press('Enter'))
  }

  let recoveryCodes: string[] = []
  let key = ''

  test('the first sign-in sets up the app, by keyboard, and shows the recovery codes once', async () => {
    const page = await t.newPage()
    const axe = axeTracker(page)
    await password(page, axe)
    assert.equal(pathOf(page), '/sign-in/enrol')
    await axe.check()
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Set up an authenticator app')
    const qr = page.getByRole('img', { name: 'QR code to scan with your authenticator app' })
    assert.ok(
      await qr.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0),
      'the QR code is drawn',
    )
    key = setupKeyOf((await page.locator('main code').textContent()) ?? '')
    assert.match(key, /^[A-Z2-7]{32}$/)

    // A wrong code: the error summary takes focus, and its link moves focus to the field.
    await answer(page, appCode(new Date(t.clock.now().getTime() - 10 * 60_000), key))
    assert.match(await page.title(), /^Error: /)
    await axe.check()
    assert.ok(await page.evaluate(() => document.activeElement?.closest('.govuk-error-summary') !== null))
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'code')
    assert.match(await page.locator('#code-error').innerText(), /The code is not right/)

    // Nothing else can be reached before it is set up.
    await page.goto('/cases')
    assert.equal(pathOf(page), '/sign-in/enrol')
    await axe.check()

    await answer(page, appCode(t.clock.now(), key))
    assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Save your recovery codes')
    await axe.check()
    recoveryCodes = (await page.locator('main li code').allTextContents()).map((c) => c.trim())
    assert.equal(recoveryCodes.length, 10)
    await tabTo(page, 'main a.govuk-button')
    await andWaitForPage(page, () => page.keyboard.press('Enter'))
    assert.equal(pathOf(page), '/today')
    await axe.check()
    axe.assertAllScanned()
  })

  test('signing in again asks for the code from the app, and a recovery code works instead', async () => {
    assert.equal(recoveryCodes.length, 10, 'the first test set up the app')
    const page = await t.newPage()
    const axe = axeTracker(page)
    await password(page, axe)
    assert.equal(pathOf(page), '/sign-in/second-factor')
    await axe.check()
    // The app's code of the next step (the first test used this step's): within the window.
    await answer(page, appCode(new Date(t.clock.now().getTime() + 30_000), key))
    assert.equal(pathOf(page), '/today')
    await axe.check()

    const other = await t.newPage()
    const otherAxe = axeTracker(other)
    await password(other, otherAxe)
    await otherAxe.check()
    await answer(other, recoveryCodes[0]!)
    assert.equal(pathOf(other), '/today')
    await otherAxe.check()
    assert.match(await other.locator('.govuk-notification-banner').innerText(), /You have 9 left/)
    axe.assertAllScanned()
    otherAxe.assertAllScanned()
  })
})

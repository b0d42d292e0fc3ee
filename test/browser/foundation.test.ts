import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { andWaitForPage, startBrowserTest, axeTracker, tabTo, type BrowserTest } from '../helpers/browser.ts'
import { createStaff, testPassword } from '../helpers/app.ts'
import { appCode, forgetLastCode } from '../helpers/second-factor.ts'

describe('in a browser: the start page and signing in', () => {
  let t: BrowserTest
  before(async () => {
    t = await startBrowserTest()
    await createStaff(t.database, 'dana@example.com', ['coordinator'], 'Dana Whitfield')
  })
  after(() => t.close())

  test('the start page and the sign-in page pass axe, and a coordinator signs in by keyboard alone, with the code from their authenticator app', async () => {
    const page = await t.newPage()
    const axe = axeTracker(page)
    await page.goto('/')
    await axe.check()
    assert.equal(
      await page.getByRole('heading', { level: 1 }).textContent(),
      'Get help with a disagreement about special educational needs',
    )

    await page.goto('/sign-in')
    await axe.check()
    await tabTo(page, '#email')
    await page.keyboard.type('dana@example.com')
    await page.keyboard.press('Tab')
    await page.keyboard.type('wrong password')
    await andWaitForPage(page, () => page.keyboard.press('Enter'))
    assert.match(await page.title(), /^Error: /)
    await axe.check()
    // The error summary takes focus, and its link moves focus to the field.
    assert.ok(await page.evaluate(() => document.activeElement?.closest('.govuk-error-summary') !== null))
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'email')

    await tabTo(page, '#password')
    await page.keyboard.type(testPassword)
    await andWaitForPage(page, () => page.keyboard.press('Enter'))
    // Then the code from the authenticator app, typed into the field that follows the heading.
    await page.waitForURL('**/sign-in/second-factor')
    await axe.check()
    await forgetLastCode(t.database, 'dana@example.com')
    await tabTo(page, '#code')
    await page.keyboard.type(appCode(t.clock.now()))
    await page.keyboard.press('Enter')
    await page.waitForURL('**/today')
    await axe.check()
    axe.assertAllScanned()
  })

  test('signing in works with JavaScript switched off', async () => {
    const page = await t.newPage({ javaScript: false })
    await page.goto('/sign-in')
    await page.fill('#email', 'dana@example.com')
    await page.fill('#password', testPassword)
    await page.click('button[type=submit], button.govuk-button')
    await page.waitForURL('**/sign-in/second-factor')
    await forgetLastCode(t.database, 'dana@example.com')
    await page.fill('#code', appCode(t.clock.now()))
    await page.click('button.govuk-button')
    await page.waitForURL('**/today')
    assert.match(await page.title(), /Today/)
  })
})

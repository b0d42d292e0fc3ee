// A member of staff's own account in a real browser, by keyboard where a person would use it:
// the header's "Your account", where they are signed in (a second session signed out from here),
// a new password refused in plain words and then taken, and signing out with the header's button
// (a form's POST). axe on every page.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import { createStaff, testPassword } from '../helpers/app.ts'
import {
  andWaitForPage,
  axeTracker,
  passSecondStep,
  startBrowserTest,
  tabTo,
  type BrowserTest,
} from '../helpers/browser.ts'

const pathOf = (page: Page) => new URL(page.url()).pathname

describe('in a browser: your account, your sessions, your password, signing out', () => {
  let t: BrowserTest
  before(async () => {
    t = await startBrowserTest()
    await createStaff(t.database, 'priya@example.com', ['coordinator'], 'Priya Okafor')
  })
  after(() => t.close())

  async function signIn(page: Page, axe: ReturnType<typeof axeTracker>, password = testPassword) {
    await page.goto('/sign-in')
    await axe.check()
    await page.fill('#email', 'priya@example.com')
    await page.fill('#password', password)
    await andWaitForPage(page, () => page.getByRole('button', { name: 'Sign in' }).click())
    await passSecondStep(page, 'priya@example.com', axe)
  }

  test('sessions, a new password and signing out, with axe on every page', async () => {
    const elsewhere = await t.newPage()
    const elsewhereAxe = axeTracker(elsewhere)
    await signIn(elsewhere, elsewhereAxe)
    assert.equal(pathOf(elsewhere), '/today')
    await elsewhereAxe.check()

    const page = await t.newPage()
    const axe = axeTracker(page)
    await signIn(page, axe)
    await axe.check()
    await andWaitForPage(page, () => page.getByRole('link', { name: 'Your account' }).click())
    assert.equal(pathOf(page), '/account')
    await axe.check()
    assert.equal(await page.locator('#sessions tbody tr').count(), 2)
    await andWaitForPage(page, () =>
      page
        .locator('#sessions tbody tr')
        .getByRole('button', { name: /^Sign out the session/ })
        .click(),
    )
    await axe.check()
    assert.match(
      (await page.locator('.govuk-notification-banner').textContent()) ?? '',
      /That session has been signed out/,
    )
    assert.equal(await page.locator('#sessions tbody tr').count(), 1)
    await andWaitForPage(elsewhere, () => elsewhere.reload())
    assert.equal(pathOf(elsewhere), '/sign-in')
    await elsewhereAxe.check()

    // A new password: a common one is refused in plain words, the error links to the field, nothing is filled in again.
    await andWaitForPage(page, () => page.getByRole('link', { name: /Change/ }).click())
    assert.equal(pathOf(page), '/account/password')
    await axe.check()
    await page.fill('#current', testPassword)
    await page.fill('#password', 'password1234')
    await page.fill('#confirm', 'password1234')
    await andWaitForPage(page, () => page.getByRole('button', { name: 'Save password' }).click())
    await axe.check()
    assert.match(await page.title(), /^Error: /)
    await page.locator('.govuk-error-summary a[href="#password"]').click()
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'password')
    for (const id of ['current', 'password', 'confirm']) assert.equal(await page.inputValue(`#${id}`), '')
    const passphrase = 'blue door on the canal boat shed'
    await page.fill('#current', testPassword)
    await page.fill('#password', passphrase)
    await page.fill('#confirm', passphrase)
    await andWaitForPage(page, () => page.getByRole('button', { name: 'Save password' }).click())
    assert.equal(pathOf(page), '/today')
    await axe.check()

    // An old bookmark of /sign-out shows a button (a GET signs nobody out).
    await andWaitForPage(page, () => page.goto('/sign-out'))
    assert.equal(await page.locator('h1').textContent(), 'Sign out')
    await axe.check()
    // Signing out by keyboard: the header's button, a form's POST.
    await tabTo(page, 'form[action="/sign-out"] button')
    await andWaitForPage(page, () => page.keyboard.press('Enter'))
    assert.equal(pathOf(page), '/sign-in')
    await axe.check()
    await andWaitForPage(page, () => page.goto('/today'))
    assert.equal(pathOf(page), '/sign-in')
    await axe.check()
    await signIn(page, axe, passphrase)
    assert.equal(pathOf(page), '/today')
    axe.assertAllScanned()
    elsewhereAxe.assertAllScanned()
  })
})

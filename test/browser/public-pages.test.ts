// The service's public face in a real browser, with axe on every page: a parent finds their
// council's page from the footer, reads it and starts a request by keyboard, and reads the privacy
// notice, the accessibility statement and the cookies page, all without JavaScript too; an
// administrator changes the cookies page's wording.
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

describe('in a browser: the public pages', () => {
  let t: BrowserTest
  before(async () => {
    t = await startBrowserTest()
    await createStaff(t.database, 'ada@example.com', ['administrator'], 'Ada Admin')
  })
  after(() => t.close())

  test("a parent finds their council's page from the footer and starts a request by keyboard", async () => {
    const page = await t.newPage()
    const axe = axeTracker(page)
    await page.goto('/')
    await axe.check()
    await andWaitForPage(page, () =>
      page.locator('#footer-links').getByRole('link', { name: "Find your council's service" }).click(),
    )
    assert.equal(pathOf(page), '/services')
    await axe.check()
    await andWaitForPage(page, () => page.getByRole('link', { name: 'Warrington Borough Council' }).click())
    assert.equal(pathOf(page), '/services/warrington')
    await axe.check()
    assert.match(await page.locator('main').innerText(), /It is free if you live in Warrington/)
    await tabTo(page, '#start')
    await andWaitForPage(page, () => page.keyboard.press('Enter'))
    assert.equal(pathOf(page), '/request')
    assert.equal((await page.locator('h1').innerText()).trim(), 'Who is asking for help?')
    await axe.check()

    for (const [name, path, heading] of [
      ['Privacy', '/privacy', 'Privacy notice'],
      ['Accessibility', '/accessibility', 'Accessibility statement'],
      ['Cookies', '/cookies', 'Cookies'],
    ] as const) {
      await andWaitForPage(page, () => page.locator('#footer-links').getByRole('link', { name, exact: true }).click())
      assert.equal(pathOf(page), path)
      assert.equal((await page.locator('h1').innerText()).trim(), heading)
      await axe.check()
    }
    axe.assertAllScanned()
  })

  test('without JavaScript, the pages work the same', async () => {
    const page = await t.newPage({ javaScript: false })
    await page.goto('/services/warrington')
    assert.match(await page.locator('main').innerText(), /What we do not do/)
    await andWaitForPage(page, () => page.locator('#start').click())
    assert.equal(pathOf(page), '/request')
    await page.goto('/privacy')
    assert.match(await page.locator('main').innerText(), /What you can ask us to do/)
  })

  test("an administrator changes the cookies page's wording", async () => {
    const page = await t.newPage()
    const axe = axeTracker(page)
    await page.goto('/sign-in')
    await axe.check()
    await page.fill('#email', 'ada@example.com')
    await page.fill('#password', testPassword)
    await andWaitForPage(page, () => page.getByRole('button', { name: 'Sign in' }).click())
    await passSecondStep(page, 'ada@example.com', axe)
    await axe.check()
    await page.goto('/admin/public-pages')
    await axe.check()
    await andWaitForPage(page, () => page.getByRole('link', { name: 'Change the wording of the cookies' }).click())
    await axe.check()
    await page.fill('#wording', 'We use 1 cookie, ((session-cookie)), so that forms work.')
    await andWaitForPage(page, () => page.getByRole('button', { name: 'Save', exact: true }).click())
    assert.equal(pathOf(page), '/admin/public-pages')
    await axe.check()
    await page.goto('/cookies')
    assert.match(await page.locator('main').innerText(), /We use 1 cookie, parley\.sid, so that forms work\./)
    await axe.check()
    axe.assertAllScanned()
  })
})

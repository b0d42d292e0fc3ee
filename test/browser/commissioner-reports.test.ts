// A council's commissioner in a real browser: signs in, lands on their council's reports, chooses
// last quarter, reads a chart and its table, and downloads the table as CSV; axe on every page on
// the way. Once with the mouse, once by keyboard alone. And a manager's pages: a choice with a
// problem, a long report asked for in the background, its progress, and the report kept.
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { after, before, describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import { createStaff, testPassword } from '../helpers/app.ts'
import { appCode, forgetLastCode } from '../helpers/second-factor.ts'
import {
  andWaitForPage,
  axeTracker,
  passSecondStep,
  startBrowserTest,
  tabTo,
  type BrowserTest,
} from '../helpers/browser.ts'
import { runDueReports } from '../../src/features/reports/index.ts'
import { knownCases } from '../../src/features/reports/testing.ts'

const pathOf = (page: Page) => new URL(page.url()).pathname
const squash = (s: string) => s.replace(/\s+/g, ' ').trim()

describe("in a browser: a commissioner reads their council's quarter", () => {
  let t: BrowserTest
  before(async () => {
    t = await startBrowserTest()
    const { councilA, councilB } = await knownCases(t)
    await createStaff(t.database, 'cam@example.com', ['commissioner'], 'Cam Commissioner', [councilA])
    await createStaff(t.database, 'mo@example.com', ['manager'], 'Mo Manager', [councilA, councilB])
  })
  after(() => t.close())

  /** The report's chart and table of how enquiries came, as they read. */
  async function readEnquiries(page: Page) {
    const title = await page.locator('#chart-enquiries-channel-title').textContent()
    assert.equal(title, 'Chart: How enquiries came')
    const svg = page.locator('svg[aria-labelledby="chart-enquiries-channel-title"]')
    assert.equal(await svg.getAttribute('role'), 'img')
    assert.match(
      squash(await page.locator('#chart-enquiries-channel-words').innerText()),
      /^Bar chart of how enquiries came\. Online \(the web form\): 12\. Phone: 6\. Email: fewer than 5\. Referral: .+: not shown\. Total: 26\.$/,
    )
    const rows = await page.locator('#table-enquiries-channel tbody tr').allInnerTexts()
    assert.deepEqual(rows.map(squash), [
      'Online (the web form) 12',
      'Phone 6',
      'Email fewer than 5',
      "Referral: a professional asking with the family's permission not shown",
      'Total 26',
    ])
  }

  async function checkCsv(download: import('playwright-core').Download) {
    assert.equal(download.suggestedFilename(), 'warrington-2026-07-01-to-2026-09-30-enquiries-channel.csv')
    const csv = await readFile((await download.path())!, 'utf8')
    assert.match(csv, /Online \(the web form\),12\r\nPhone,6\r\nEmail,fewer than 5\r\nReferral: .+,not shown\r\n/)
  }

  test('sign in, choose last quarter, read a chart and its table, download the CSV', async () => {
    const page = await t.newPage()
    const axe = axeTracker(page)
    await page.goto('/sign-in')
    await axe.check()
    await page.fill('#email', 'cam@example.com')
    await page.fill('#password', testPassword)
    await andWaitForPage(page, () => page.getByRole('button', { name: 'Sign in' }).click())
    await passSecondStep(page, 'cam@example.com', axe)
    assert.equal(pathOf(page), '/reports')
    await axe.check()
    assert.equal(await page.getByRole('link', { name: 'Cases' }).count(), 0, 'no case pages in the menu')

    await page.getByRole('radio', { name: 'A quarter' }).check()
    await page.selectOption('#quarter', { label: 'July to September 2026' })
    await andWaitForPage(page, () => page.getByRole('button', { name: 'Show the report' }).click())
    assert.equal(pathOf(page), '/reports/report')
    await axe.check()
    assert.match(await page.locator('#report-period').innerText(), /^July to September 2026/)
    await readEnquiries(page)

    // The link's words for a screen reader name the table (GOV.UK's hidden text is spaced around).
    const link = page.getByRole('link', { name: /^Download this table \(CSV\)\s*:\s*How enquiries came$/ })
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
    await checkCsv(download)
    axe.assertAllScanned()
  })

  test('the same by keyboard alone', async () => {
    const page = await t.newPage()
    const axe = axeTracker(page)
    await page.goto('/sign-in')
    await axe.check()
    await tabTo(page, '#email')
    await page.keyboard.type('cam@example.com')
    await page.keyboard.press('Tab')
    await page.keyboard.type(testPassword)
    await andWaitForPage(page, () => page.keyboard.press('Enter'))
    // Then the code from the authenticator app, typed into its field.
    assert.equal(pathOf(page), '/sign-in/second-factor')
    await axe.check()
    await forgetLastCode(t.database, 'cam@example.com')
    await tabTo(page, '#code')
    await page.keyboard.type(appCode(t.clock.now()))
    await andWaitForPage(page, () => page.keyboard.press('Enter'))
    assert.equal(pathOf(page), '/reports')
    await axe.check()

    // Last quarter is chosen already; the quarter's list is reached and kept as it is.
    await tabTo(page, '#period-2')
    assert.equal(await page.locator('#period-2').isChecked(), true)
    await tabTo(page, '#quarter')
    assert.equal(await page.locator('#quarter option:checked').innerText(), 'July to September 2026')
    await tabTo(page, 'button.govuk-button')
    await andWaitForPage(page, () => page.keyboard.press('Enter'))
    assert.equal(pathOf(page), '/reports/report')
    await axe.check()
    await readEnquiries(page)

    await tabTo(page, 'a[href^="/reports/report/csv/enquiries-channel"]', 120)
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Enter')])
    await checkCsv(download)
    axe.assertAllScanned()
  })

  test("a manager's pages: a choice with a problem, a long report in the background, its progress and the report kept", async () => {
    const page = await t.newPage()
    const axe = axeTracker(page)
    await page.goto('/sign-in')
    await axe.check()
    await page.fill('#email', 'mo@example.com')
    await page.fill('#password', testPassword)
    await andWaitForPage(page, () => page.getByRole('button', { name: 'Sign in' }).click())
    await passSecondStep(page, 'mo@example.com', axe)
    assert.equal(pathOf(page), '/today')
    await axe.check()
    await andWaitForPage(page, () => page.getByRole('link', { name: 'Reports' }).click())
    assert.equal(pathOf(page), '/reports')
    await axe.check()

    await page.selectOption('#council', { label: 'Warrington Borough Council' })
    await page.getByRole('radio', { name: 'Dates I choose' }).check()
    await page.fill('#from-day', '1')
    await page.fill('#from-month', '6')
    await page.fill('#from-year', '2025')
    await andWaitForPage(page, () => page.getByRole('button', { name: 'Show the report' }).click())
    assert.match(await page.title(), /^Error: /)
    await axe.check()
    await page.fill('#to-day', '30')
    await page.fill('#to-month', '9')
    await page.fill('#to-year', '2026')
    await andWaitForPage(page, () => page.getByRole('button', { name: 'Show the report' }).click())
    assert.equal(pathOf(page), '/reports/report')
    await axe.check()
    await andWaitForPage(page, () => page.getByRole('button', { name: 'Work out the report' }).click())
    assert.match(pathOf(page), /^\/reports\/runs\//)
    assert.equal(squash(await page.locator('#run-status').innerText()), 'Waiting to start')
    await axe.check()

    await runDueReports({ db: t.database.db, clock: t.clock })
    await andWaitForPage(page, () =>
      page.getByRole('link', { name: 'Refresh this page to see how far it has got' }).click(),
    )
    assert.match(squash(await page.locator('#table-enquiries-channel tbody tr:last-child').innerText()), /^Total 27$/)
    assert.match(await page.locator('#section-comments').innerText(), /for staff only/)
    await axe.check()
    await andWaitForPage(page, () => page.getByRole('link', { name: 'Reports', exact: true }).click())
    assert.match(await page.locator('table[aria-labelledby="kept-reports"]').innerText(), /Ready/)
    await axe.check()
    axe.assertAllScanned()
  })
})

// Information sessions in a real browser, with axe on every page: a coordinator adds a session
// (its errors linked to their fields) and sees it; a parent books a place with the mouse through
// "Check your answers" to the confirmation; another books the last place by keyboard alone with
// JavaScript off; the first cancels from the link in their email. The clock reads Friday 27
// November 2026.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { eq } from 'drizzle-orm'
import type { Locator, Page } from 'playwright-core'
import { infoSessionBookings, infoSessions, messages } from '../../src/db/schema/index.ts'
import { firstCouncilId } from '../../src/features/cases/testing.ts'
import { sessionVenue } from '../../src/features/sessions/testing.ts'
import { createStaff, testPassword } from '../helpers/app.ts'
import {
  andWaitForPage,
  axeTracker,
  passSecondStep,
  startBrowserTest,
  tabTo,
  type BrowserTest,
} from '../helpers/browser.ts'

const email = 'cora@example.com'
const pathOf = (page: Page) => new URL(page.url()).pathname
const textOf = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim()
const clickAndWait = (page: Page, target: Locator) => andWaitForPage(page, () => target.click())

describe('in a browser: a coordinator adds an information session and people book it', () => {
  let t: BrowserTest
  let sessionPath: string

  before(async () => {
    t = await startBrowserTest()
    await firstCouncilId(t.database)
    await createStaff(t.database, email, ['coordinator'], 'Cora Ordinator')
    await sessionVenue(t)
  })
  after(() => t.close())

  test('a coordinator adds a session from the Sessions page', async () => {
    const page = await t.newPage()
    const axe = axeTracker(page)
    await page.goto('/sign-in')
    await axe.check()
    await page.fill('#email', email)
    await page.fill('#password', testPassword)
    await clickAndWait(page, page.getByRole('button', { name: 'Sign in' }))
    await passSecondStep(page, email, axe)
    await axe.check()
    await clickAndWait(page, page.getByRole('link', { name: 'Sessions', exact: true }))
    assert.equal(pathOf(page), '/sessions')
    await axe.check()
    await clickAndWait(page, page.getByRole('button', { name: 'Add a session' }))
    await axe.check()
    await clickAndWait(page, page.getByRole('button', { name: 'Add the session' }))
    assert.match(await page.title(), /^Error: /)
    await axe.check()
    await page.locator('.govuk-error-summary').getByRole('link', { name: 'Enter the title of the session' }).click()
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'title')
    await page.fill('#title', 'Getting ready for mediation')
    await page.fill('#description', 'What happens at a mediation meeting, and how to get ready for it.')
    await page.check('input[name=audience][value=parents]')
    await page.fill('#sessionDate-day', '9')
    await page.fill('#sessionDate-month', '12')
    await page.fill('#sessionDate-year', '2026')
    await page.fill('#startTime', '10am')
    await page.fill('#endTime', '12pm')
    await page.check('input[name=mode][value="in-person"]')
    await page.selectOption('#venueId', { label: 'Warrington Library' })
    await page.fill('#capacity', '2')
    await page.fill('#closesDate-day', '8')
    await page.fill('#closesDate-month', '12')
    await page.fill('#closesDate-year', '2026')
    await page.fill('#closesTime', '5pm')
    await clickAndWait(page, page.getByRole('button', { name: 'Add the session' }))
    assert.match(pathOf(page), /^\/sessions\/[0-9a-f-]{36}$/)
    await axe.check()
    assert.match(await textOf(page.locator('#session-details')), /Wednesday 9 December 2026, 10am to 12pm/)
    sessionPath = await page.locator('#session-details a').innerText()
    for (const name of ['Change or move the session', 'Message everyone booked', 'Cancel the session']) {
      await clickAndWait(page, page.getByRole('button', { name }))
      await axe.check()
      await page.goBack()
    }
    axe.assertAllScanned()
  })

  test('a parent books with the mouse; another the last place by keyboard without JavaScript; the first cancels', async () => {
    const page = await t.newPage()
    const axe = axeTracker(page)
    await page.goto('/services/warrington/sessions')
    await axe.check()
    await clickAndWait(page, page.getByRole('link', { name: 'Getting ready for mediation' }))
    assert.equal(pathOf(page), sessionPath)
    await axe.check()
    await clickAndWait(page, page.getByRole('button', { name: 'Book a place' }))
    await axe.check()
    await clickAndWait(page, page.getByRole('button', { name: 'Continue' }))
    assert.match(await page.title(), /^Error: /)
    await axe.check()
    await page.locator('.govuk-error-summary').getByRole('link', { name: 'Enter your name' }).click()
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'name')
    await page.fill('#name', 'Pat Example')
    await page.check('input[name=channel][value=email]')
    await page.fill('#email', 'pat@example.com')
    await page.fill('#adjustments', 'Step-free access, please')
    await clickAndWait(page, page.getByRole('button', { name: 'Continue' }))
    assert.equal(await textOf(page.locator('h1')), 'Check your answers before booking')
    await axe.check()
    await clickAndWait(page, page.getByRole('button', { name: 'Book my place' }))
    assert.equal(await textOf(page.locator('.govuk-panel__title')), 'Your place is booked')
    await axe.check()

    // By keyboard alone, with JavaScript off: the last place (the same pages, scanned above).
    const plain = await t.newPage({ javaScript: false })
    await plain.goto(sessionPath)
    await tabTo(plain, 'a.govuk-button--start')
    await andWaitForPage(plain, () => plain.keyboard.press('Enter'))
    await tabTo(plain, '#name')
    await plain.keyboard.type('Sam Example')
    // Tab reaches the group's first radio; the arrow key moves to (and chooses) the next.
    await tabTo(plain, 'input[name=channel][value=email]')
    await plain.keyboard.press('ArrowDown')
    assert.ok(await plain.isChecked('input[name=channel][value=text]'))
    await tabTo(plain, '#phone')
    await plain.keyboard.type('07700 900 982')
    await tabTo(plain, 'button.govuk-button')
    await andWaitForPage(plain, () => plain.keyboard.press('Enter'))
    await tabTo(plain, 'button.govuk-button')
    await andWaitForPage(plain, () => plain.keyboard.press('Enter'))
    assert.equal(await textOf(plain.locator('.govuk-panel__title')), 'Your place is booked')
    await plain.goto(sessionPath)
    assert.match(await textOf(plain.locator('#booking-state')), /This session is full. You can join the waiting list/)

    // Pat cancels from the link in the email.
    const [mail] = await t.database.db.select().from(messages).where(eq(messages.recipientAddress, 'pat@example.com'))
    const link = /(\/services\/warrington\/sessions\/bookings\/[\w-]+)/.exec(mail!.body)![1]!
    await page.goto(link)
    await axe.check()
    await clickAndWait(page, page.getByRole('button', { name: 'Cancel my place' }))
    assert.match(await textOf(page.locator('#cancelled')), /You cancelled this booking/)
    await axe.check()
    axe.assertAllScanned()
    const [session] = await t.database.db.select().from(infoSessions)
    const rows = await t.database.db
      .select()
      .from(infoSessionBookings)
      .where(eq(infoSessionBookings.sessionId, session!.id))
    assert.deepEqual(rows.map((r) => `${r.name}: ${r.status}`).sort(), [
      'Pat Example: cancelled',
      'Sam Example: booked',
    ])
  })
})

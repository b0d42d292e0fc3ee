// The parties' portal in a real browser: a parent asks for a sign-in link, the email is delivered
// through a real SMTP conversation (the outbox's own delivery job), they open the link from the
// email, say when they can come to a meeting and send their summary. With the mouse (axe on every
// page), then the same journey by keyboard alone. The test clock reads Friday 27 November 2026.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { and, eq } from 'drizzle-orm'
import type { Locator, Page } from 'playwright-core'
import {
  andWaitForPage,
  axeTracker,
  passSecondStep,
  startBrowserTest,
  tabTo,
  type BrowserTest,
} from '../helpers/browser.ts'
import { startSmtpServer, type TestSmtp } from '../helpers/smtp.ts'
import { caseParties, partyAvailability, summaries } from '../../src/db/schema/index.ts'
import { makeCase } from '../../src/features/cases/testing.ts'
import { createStaff, testPassword } from '../helpers/app.ts'
import { createTransports, deliverDueMessages } from '../../src/features/messages/index.ts'
import { currentCalendar } from '../../src/features/settings/index.ts'
import { emails, linkFor, portalCases } from '../../src/features/portal/testing.ts'

const pathOf = (page: Page) => new URL(page.url()).pathname
const textOf = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim()

async function clickAndWait(page: Page, target: Locator) {
  await andWaitForPage(page, () => target.click())
}

/** Keyboard only: Tab to the element and press Enter, waiting for the page it leads to. */
async function enterOn(page: Page, selector: string) {
  await tabTo(page, selector, 150)
  await andWaitForPage(page, () => page.keyboard.press('Enter'))
}

describe('in a browser: a parent uses the portal', () => {
  let t: BrowserTest
  let smtp: TestSmtp
  let f: Awaited<ReturnType<typeof portalCases>>
  let days: string[]

  before(async () => {
    t = await startBrowserTest()
    smtp = await startSmtpServer()
    f = await portalCases(t)
    const calendar = await currentCalendar(t.database.db)
    days = [calendar.addWorkingDays(t.clock.today(), 1), calendar.addWorkingDays(t.clock.today(), 2)]
  })
  after(async () => {
    await smtp.close()
    await t.close()
  })

  /** Moves the test clock on, so that what is sent next is the latest. */
  const laterBy = (minutes: number) => t.clock.set(new Date(t.clock.now().getTime() + minutes * 60_000))

  /** Delivers what the outbox holds through the SMTP server; returns the sign-in link's path from the newest email. */
  async function linkFromEmail(count: number): Promise<string> {
    const transports = createTransports({
      SMTP_URL: smtp.url,
      MAIL_FROM: 'Parley <no-reply@example.org>',
      SMS_PROVIDER_URL: undefined,
      SMS_PROVIDER_TOKEN: undefined,
    })
    await deliverDueMessages({ db: t.database.db, clock: t.clock, transports })
    const mails = await smtp.waitFor(count)
    const mail = mails[count - 1]!
    assert.equal(mail.to && 'value' in mail.to ? mail.to.value[0]?.address : undefined, emails.parent)
    assert.equal(mail.subject, 'Your link to see your case')
    const link = /https?:\/\/\S+\/portal\/sign-in\/[A-Za-z0-9_-]{43}/.exec(mail.text ?? '')?.[0]
    assert.ok(link, 'the email has a sign-in link')
    return new URL(link).pathname
  }

  test('signing in from the emailed link, giving availability and sending a summary: axe on every page', async () => {
    const page = await t.newPage()
    const axe = axeTracker(page)
    await page.goto('/portal/sign-in')
    assert.equal(await textOf(page.locator('h1')), 'Sign in to see your case')
    await axe.check()

    // Nothing typed: the error summary links to the field.
    await clickAndWait(page, page.getByRole('button', { name: 'Send me a link or code' }))
    assert.match(await page.title(), /^Error: /)
    await axe.check()
    await page
      .locator('.govuk-error-summary')
      .getByRole('link', { name: 'Enter your email address or mobile phone number' })
      .click()
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'contact')

    await page.fill('#contact', emails.parent)
    await clickAndWait(page, page.getByRole('button', { name: 'Send me a link or code' }))
    assert.equal(pathOf(page), '/portal/sign-in/sent')
    assert.match(await textOf(page.locator('main')), /If we have your details, we have sent you a link/)
    await axe.check()

    const link = await linkFromEmail(1)
    await page.goto(link)
    assert.equal(await textOf(page.locator('h1')), 'Continue to your case')
    await axe.check()
    await clickAndWait(page, page.getByRole('button', { name: 'Continue to your case' }))
    assert.equal(pathOf(page), '/portal')
    assert.match(await textOf(page.locator('main')), /Last day to appeal to the SEND Tribunal Monday 21 December 2026/)
    await axe.check()

    await clickAndWait(page, page.getByRole('link', { name: 'When you can come to a meeting' }))
    assert.equal(pathOf(page), '/portal/availability')
    await axe.check()
    await page.check(`input[name="day-${days[0]}"][value="all-day"]`)
    await page.check(`input[name="day-${days[1]}"][value="morning"]`)
    await clickAndWait(page, page.getByRole('button', { name: 'Save when I can come' }))
    assert.equal(pathOf(page), '/portal')
    assert.match(await textOf(page.locator('.govuk-notification-banner--success')), /We have saved when you can come/)
    await axe.check()

    await clickAndWait(page, page.getByRole('link', { name: 'Your summary' }))
    assert.equal(pathOf(page), '/portal/summary')
    await axe.check()
    await page.fill('#summaryText', 'We want the plan to say how many hours of speech therapy Amelia gets.')
    await clickAndWait(page, page.getByRole('button', { name: 'Send my summary' }))
    assert.equal(pathOf(page), '/portal/summary')
    assert.match(await textOf(page.locator('#own-summary')), /hours of speech therapy/)
    await axe.check()
    axe.assertAllScanned()

    const saved = await t.database.db.select().from(partyAvailability).where(eq(partyAvailability.partyId, f.parent.id))
    assert.deepEqual(saved.map((s) => [s.day, s.availability, s.source]).sort(), [
      [days[0], 'all-day', 'portal'],
      [days[1], 'morning', 'portal'],
    ])
    const sent = await t.database.db.select().from(summaries).where(eq(summaries.partyId, f.parent.id))
    assert.equal(sent.length, 1)
  })

  test('the same journey by keyboard alone', async () => {
    laterBy(1) // a summary sent later replaces the earlier one
    const page = await t.newPage()
    await page.goto('/portal/sign-in')
    await tabTo(page, '#contact')
    await page.keyboard.type(emails.parent)
    await enterOn(page, 'button.govuk-button')
    assert.equal(pathOf(page), '/portal/sign-in/sent')

    // Following the link in the email is opening it in the browser.
    await page.goto(await linkFromEmail(2))
    await enterOn(page, 'button.govuk-button')
    assert.equal(pathOf(page), '/portal')

    await enterOn(page, 'a[href="/portal/availability"]')
    assert.equal(pathOf(page), '/portal/availability')
    // The first day's question: Tab into it, arrow to "Afternoon only", and choose it.
    await tabTo(page, `input[name="day-${days[0]}"]`)
    for (
      let i = 0;
      i < 4 && !(await page.evaluate(() => (document.activeElement as HTMLInputElement).value === 'afternoon'));
      i++
    )
      await page.keyboard.press('ArrowRight')
    await page.keyboard.press('Space')
    assert.equal(await page.isChecked(`input[name="day-${days[0]}"][value="afternoon"]`), true)
    await enterOn(page, 'form button.govuk-button')
    assert.equal(pathOf(page), '/portal')
    assert.match(await textOf(page.locator('.govuk-notification-banner--success')), /We have saved when you can come/)

    await enterOn(page, 'a[href="/portal/summary"]')
    await tabTo(page, '#summaryText')
    await page.keyboard.type('A new summary, typed by keyboard.')
    await enterOn(page, 'form button.govuk-button')
    assert.equal(pathOf(page), '/portal/summary')
    assert.match(await textOf(page.locator('#own-summary')), /typed by keyboard/)

    const saved = await t.database.db.select().from(partyAvailability).where(eq(partyAvailability.partyId, f.parent.id))
    assert.equal(saved.find((s) => s.day === days[0])?.availability, 'afternoon')
  })

  test('every other portal page passes axe too', async () => {
    const page = await t.newPage()
    const axe = axeTracker(page)
    await page.goto('/portal/sign-in')
    await axe.check()
    await page.fill('#contact', emails.parent)
    await clickAndWait(page, page.getByRole('button', { name: 'Send me a link or code' }))
    await axe.check()
    const link = await linkFromEmail(3)
    await page.goto(link)
    await axe.check()
    await clickAndWait(page, page.getByRole('button', { name: 'Continue to your case' }))
    await axe.check()
    for (const path of [
      '/portal/contact',
      '/portal/attendees',
      '/portal/meeting',
      '/portal/agreement',
      '/portal/documents',
      '/portal/feedback',
      '/portal/complaint',
      '/portal/permissions',
    ]) {
      await page.goto(path)
      assert.equal(pathOf(page), path)
      await axe.check()
    }
    // A form with errors.
    await page.goto('/portal/contact')
    await page.uncheck('input[name="methods"][value="email"]')
    await clickAndWait(page, page.getByRole('button', { name: 'Save' }))
    assert.match(await page.title(), /^Error: /)
    await axe.check()
    await page.goto('/portal/complaint')
    await page.fill('#complaint', 'Nobody rang me back.')
    await clickAndWait(page, page.getByRole('button', { name: 'Send complaint' }))
    assert.equal(pathOf(page), '/portal/complaint/received')
    await axe.check()
    // A used link, then signing out.
    await page.goto(link)
    assert.equal(await textOf(page.locator('h1')), 'This link has stopped working')
    await axe.check()
    // An old bookmark of /portal/sign-out shows a button (a GET signs nobody out).
    await page.goto('/portal/sign-out')
    assert.equal(pathOf(page), '/portal/sign-out')
    await axe.check()
    await page.goto('/portal')
    await axe.check()
    await clickAndWait(page, page.getByRole('button', { name: 'Sign out', exact: true }))
    assert.equal(pathOf(page), '/portal/signed-out')
    await axe.check()
    axe.assertAllScanned()
  })

  test('with JavaScript switched off, a party signs in, gives availability and sends a summary', async () => {
    laterBy(2)
    const page = await t.newPage({ javaScript: false })
    await page.goto(await linkFor(t, f.parent.id))
    await clickAndWait(page, page.getByRole('button', { name: 'Continue to your case' }))
    assert.equal(pathOf(page), '/portal')
    await page.goto('/portal/availability')
    await page.check(`input[name="day-${days[1]}"][value="unavailable"]`)
    await clickAndWait(page, page.getByRole('button', { name: 'Save when I can come' }))
    assert.match(await textOf(page.locator('.govuk-notification-banner--success')), /We have saved when you can come/)
    await page.goto('/portal/summary')
    await page.fill('#summaryText', 'Written with JavaScript off.')
    await clickAndWait(page, page.getByRole('button', { name: 'Send my summary' }))
    assert.match(await textOf(page.locator('#own-summary')), /JavaScript off/)
  })

  test('5 minutes before signing out, the page warns, and "Stay signed in" keeps the session', async () => {
    const page = await t.newPage()
    const axe = axeTracker(page)
    await page.clock.install()
    await page.goto(await linkFor(t, f.parent.id))
    await axe.check()
    await clickAndWait(page, page.getByRole('button', { name: 'Continue to your case' }))
    await axe.check()
    assert.match(await textOf(page.locator('#idle-notice')), /we will sign you out at 10:\d\d(am)? if you do nothing/)
    await page.clock.fastForward('25:01')
    const warning = page.locator('#idle-warning .govuk-notification-banner')
    assert.match(await textOf(warning), /You will be signed out in 5 minutes/)
    await axe.check()
    await warning.getByRole('link', { name: 'Stay signed in' }).click()
    await page.waitForFunction(() => document.querySelector('#idle-warning')?.children.length === 0)
    assert.match(await textOf(page.locator('#idle-notice')), /You are still signed in/)
    assert.equal(pathOf(page), '/portal')
    axe.assertAllScanned()
  })

  test('the code page, choosing between cases, and the staff page for the portal pass axe', async () => {
    const page = await t.newPage()
    const axe = axeTracker(page)
    await page.goto('/portal/sign-in')
    await axe.check()
    await page.fill('#contact', '07700 900 123') // the school's mobile
    await clickAndWait(page, page.getByRole('button', { name: 'Send me a link or code' }))
    assert.equal(pathOf(page), '/portal/sign-in/code')
    await axe.check()
    await page.fill('#code', '12')
    await clickAndWait(page, page.getByRole('button', { name: 'Continue' }))
    assert.match(await page.title(), /^Error: /)
    await axe.check()

    const second = await makeCase(t.database, t.clock, { childName: 'Ben Hartley' })
    await t.database.db
      .update(caseParties)
      .set({ email: emails.parent })
      .where(and(eq(caseParties.caseId, second.id), eq(caseParties.role, 'parent')))
    await page.goto(await linkFor(t, f.parent.id))
    await axe.check()
    await clickAndWait(page, page.getByRole('button', { name: 'Continue to your case' }))
    assert.equal(pathOf(page), '/portal/cases')
    await axe.check()
    await clickAndWait(page, page.getByRole('button', { name: 'See this case about Ben Hartley' }))
    assert.match(await textOf(page.locator('main')), /Ben Hartley/)
    await axe.check()

    await createStaff(t.database, 'cora@example.com', ['coordinator'], 'Cora Ordinator')
    await page.goto('/sign-in')
    await axe.check()
    await page.fill('#email', 'cora@example.com')
    await page.fill('#password', testPassword)
    await clickAndWait(page, page.getByRole('button', { name: 'Sign in' }))
    await passSecondStep(page, 'cora@example.com', axe)
    await axe.check()
    await page.goto(`/cases/${f.id}/portal`)
    assert.equal(await textOf(page.locator('h1')), `${f.reference} The parties' portal`)
    await axe.check()
    axe.assertAllScanned()
  })
})

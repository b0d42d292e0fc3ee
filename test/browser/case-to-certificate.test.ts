// A coordinator works one case from the first phone call to the mediation certificate, in a real
// browser, with axe on every page: the worked example in rules.md. The council's letter (not to
// change the EHC plan) is dated Monday 19 October 2026; the parent phones on Friday 18 December
// 2026 and declines mediation, so the certificate is due on Wednesday 23 December 2026; issued
// that day, the appeal deadline is Monday 25 January 2027.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { eq } from 'drizzle-orm'
import type { Locator, Page } from 'playwright-core'
import {
  andWaitForPage,
  axeTracker,
  passSecondStep,
  startBrowserTest,
  tabTo,
  type BrowserTest,
} from '../helpers/browser.ts'
import { createStaff, testPassword } from '../helpers/app.ts'
import { caseEvents, cases, certificates } from '../../src/db/schema/index.ts'

const email = 'dana@example.com'
const caseIdPattern = /^\/cases\/([0-9a-f-]{36})$/

const pathOf = (page: Page) => new URL(page.url()).pathname

async function headingOf(page: Page) {
  return (await page.locator('h1').innerText()).replace(/\s+/g, ' ').trim()
}

/** Clicks, and waits for the page it leads to. */
async function clickAndWait(page: Page, target: Locator) {
  await andWaitForPage(page, () => target.click())
}

/** The case's sub navigation ("Overview", "Progress and deadlines", "Timeline", "Certificates"). */
const tab = (page: Page, name: string) => page.locator('.moj-sub-navigation').getByRole('link', { name, exact: true })

async function signIn(page: Page) {
  await page.fill('#email', email)
  await page.fill('#password', testPassword)
  await clickAndWait(page, page.getByRole('button', { name: 'Sign in' }))
  await passSecondStep(page, email)
}

/** Keyboard only: Tab to a field, select what is in it, and type over it. */
async function typeInto(page: Page, selector: string, text: string) {
  await tabTo(page, selector)
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type(text)
  assert.equal(await page.inputValue(selector), text, `${selector} holds what was typed`)
}

/** Keyboard only: Tab to the form's main button and press Enter, waiting for the page it leads to. */
async function submitByKeyboard(page: Page, buttonName: string) {
  await tabTo(page, 'main button.govuk-button')
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.trim()), buttonName)
  await andWaitForPage(page, () => page.keyboard.press('Enter'))
}

describe('in a browser: a coordinator takes a case from enquiry to certificate', () => {
  let t: BrowserTest
  before(async () => {
    t = await startBrowserTest({ now: '2026-12-18T10:00:00Z' })
    await createStaff(t.database, email, ['coordinator'], 'Dana Whitfield')
  })
  after(() => t.close())

  test('logs the call, takes the case, records the refusal and issues the certificate on time', async () => {
    const page = await t.newPage()
    const axe = axeTracker(page)

    // Sign in: Today first.
    await page.goto('/sign-in')
    await axe.check()
    await signIn(page)
    assert.equal(pathOf(page), '/today')
    await axe.check()
    assert.match(await headingOf(page), /^Friday 18 December 2026 Today$/)

    // Log an enquiry: saving it empty says what is missing, each message linked to its field.
    await clickAndWait(page, page.getByRole('link', { name: 'Log an enquiry', exact: true }))
    assert.equal(pathOf(page), '/enquiries/new')
    await axe.check()
    await clickAndWait(page, page.getByRole('button', { name: 'Save enquiry' }))
    assert.equal(pathOf(page), '/enquiries/new')
    assert.match(await page.title(), /^Error: /)
    await axe.check()
    const summary = page.locator('.govuk-error-summary')
    await summary.getByRole('link', { name: 'Select who is getting in touch' }).click()
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'requesterRole')
    await summary.getByRole('link', { name: 'Enter the reason they got in touch' }).click()
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'reasonForContact')

    // A parent phoned today: the council will not change the EHC plan after the annual review.
    await page.check('input[name=channel][value=phone]')
    await page.fill('#contactedOn-day', '18')
    await page.fill('#contactedOn-month', '12')
    await page.fill('#contactedOn-year', '2026')
    await page.check('input[name=requesterRole][value=parent]')
    await page.fill('#requesterName', 'Sarah Hartley')
    await page.fill('#childName', 'Amelia Hartley')
    await page.fill('#childDateOfBirth-day', '14')
    await page.fill('#childDateOfBirth-month', '3')
    await page.fill('#childDateOfBirth-year', '2015')
    await page.fill('#childSetting', 'Penketh Primary School')
    await page.fill('#childPostcode', 'WA5 2AB')
    await page.check('input[name=ehcStatus][value=has-plan]')
    // Ticking "A decision about an EHC ..." by keyboard reveals which decision, and the letter's date.
    await page.focus('input[name=areas][value=provision]')
    await tabTo(page, 'input[name=areas][value=ehc-decision]')
    await page.keyboard.press('Space')
    assert.equal(await page.isChecked('input[name=areas][value=ehc-decision]'), true)
    await page.locator('input[name=decision][value=refuse-amend]').check()
    await page.fill('#decisionLetterDate-day', '19')
    await page.fill('#decisionLetterDate-month', '10')
    await page.fill('#decisionLetterDate-year', '2026')
    await page.check('input[name=otherParties][value=local-authority]')
    await page.fill('#otherPartyName-local-authority', 'Warrington Borough Council')
    await page.fill(
      '#whatHappened',
      'After the annual review the council wrote to say it will not change Amelia’s EHC plan.',
    )
    await page.check('input[name=contactMethods][value=phone]')
    await page.fill('#contactPhone', '07700 900 982')
    await page.fill('#reasonForContact', 'Wants to appeal to the SEND Tribunal and needs a mediation certificate.')
    await page.check('input[name=differenceExplained][value=yes]')
    await page.check('input[name=understandingChecked][value=yes]')
    await page.check('input[name=preferencesAsked][value=yes]')
    await page.fill('#signposting', 'SENDIASS')
    await clickAndWait(page, page.getByRole('button', { name: 'Save enquiry' }))

    // The new case.
    const caseId = caseIdPattern.exec(pathOf(page))?.[1]
    assert.ok(caseId, `on the new case's page, not ${page.url()}`)
    await axe.check()
    const reference = (await page.locator('.moj-identity-bar .govuk-\\!-font-weight-bold').innerText()).trim()
    assert.match(reference, /^MED-\d{4}-\d{6}$/)
    assert.match(await page.locator('.moj-identity-bar').innerText(), /Amelia Hartley/)

    // Progress: nobody has it yet; take it, by keyboard.
    await clickAndWait(page, tab(page, 'Progress and deadlines'))
    assert.equal(pathOf(page), `/cases/${caseId}/progress`)
    await axe.check()
    assert.equal((await page.locator('#assigned-to').innerText()).trim(), 'Not assigned')
    await tabTo(page, '#take-case')
    await andWaitForPage(page, () => page.keyboard.press('Enter'))
    assert.equal(pathOf(page), `/cases/${caseId}/progress`)
    await axe.check()
    assert.match(
      await page.locator('.govuk-notification-banner--success').innerText(),
      /You are now looking after this case/,
    )
    assert.equal((await page.locator('#assigned-to').innerText()).trim(), 'Dana Whitfield')
    assert.equal(await page.locator('#take-case').count(), 0, 'no button to take a case already mine')

    // The scope: SEN mediation.
    await clickAndWait(page, page.getByRole('button', { name: 'Decide the scope' }))
    assert.equal(pathOf(page), `/cases/${caseId}/scope`)
    await axe.check()
    await page.getByLabel('SEN mediation', { exact: true }).check()
    await page.fill('#reason', 'The council will not amend the EHC plan after a review: an appealable decision.')
    await clickAndWait(page, page.getByRole('button', { name: 'Save decision' }))
    assert.equal(pathOf(page), `/cases/${caseId}`)
    await axe.check()
    assert.match(await page.locator('.govuk-notification-banner--success').innerText(), /Scope decided: SEN mediation/)

    // The parent declines mediation. A date that does not exist first, then today, by keyboard.
    await clickAndWait(page, tab(page, 'Progress and deadlines'))
    await axe.check()
    await clickAndWait(page, page.getByRole('button', { name: 'Record that mediation is declined' }))
    assert.equal(pathOf(page), `/cases/${caseId}/actions/decline-mediation`)
    await axe.check()
    assert.equal(await headingOf(page), `${reference} Record that mediation is declined`)
    assert.equal(await page.inputValue('#occurredOn-day'), '18', 'today by default')
    await page.fill('#occurredOn-day', '32')
    await clickAndWait(page, page.getByRole('button', { name: 'Record that mediation is declined' }))
    assert.equal(pathOf(page), `/cases/${caseId}/actions/decline-mediation`)
    assert.match(await page.title(), /^Error: /)
    await axe.check()
    const dateError = page.locator('.govuk-error-summary').getByRole('link')
    assert.equal(await dateError.count(), 1)
    assert.equal(await dateError.getAttribute('href'), '#occurredOn-day')
    assert.equal(await page.inputValue('#occurredOn-day'), '32', 'what was typed is kept')
    await dateError.click()
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'occurredOn-day')
    await page.keyboard.press('ControlOrMeta+A')
    await page.keyboard.type('18')
    await typeInto(page, '#occurredOn-month', '12')
    await typeInto(page, '#occurredOn-year', '2026')
    await submitByKeyboard(page, 'Record that mediation is declined')

    // The certificate is due in 3 working days: Wednesday 23 December 2026.
    assert.equal(pathOf(page), `/cases/${caseId}/progress`)
    await axe.check()
    assert.match(
      await page.locator('.govuk-notification-banner--success').innerText(),
      /Recorded: mediation declined\. The certificate is now due\./,
    )
    const certificateDeadline = page.locator('#deadline-certificate')
    assert.equal((await certificateDeadline.locator('.app-due-date').innerText()).trim(), 'Wednesday 23 December 2026')
    assert.match(await certificateDeadline.innerText(), /3 working days left/)

    // Wednesday 23 December 2026, 11:00: the session has been idle for days, so sign in again if asked.
    t.clock.set('2026-12-23T11:00:00Z')
    await page.goto(`/cases/${caseId}/progress`)
    if (pathOf(page) === '/sign-in') {
      await axe.check()
      await signIn(page)
    }
    assert.equal(pathOf(page), `/cases/${caseId}/progress`)
    await axe.check()
    assert.equal((await certificateDeadline.locator('.app-due-date').innerText()).trim(), 'Wednesday 23 December 2026')
    assert.match(await certificateDeadline.innerText(), /due today/)

    // Issue the certificate: the "declined" kind is chosen already, dated today; by keyboard.
    await clickAndWait(page, page.getByRole('button', { name: 'Issue the mediation certificate' }))
    assert.equal(pathOf(page), `/cases/${caseId}/actions/issue-certificate`)
    await axe.check()
    assert.equal(await page.isChecked('input[name=kind][value=declined]'), true, 'the certificate due is chosen')
    assert.equal(await page.inputValue('#occurredOn-day'), '23')
    assert.equal(await page.inputValue('#occurredOn-month'), '12')
    assert.equal(await page.inputValue('#occurredOn-year'), '2026')
    await page.focus('input[name=kind][value=declined]')
    await submitByKeyboard(page, 'Issue the certificate')
    assert.equal(pathOf(page), `/cases/${caseId}/progress`)
    await axe.check()
    assert.match(await page.locator('.govuk-notification-banner--success').innerText(), /Mediation certificate issued/)
    assert.match(await certificateDeadline.innerText(), /Status\s+Met on Wednesday 23 December 2026/)

    // The Certificates tab lists it.
    await clickAndWait(page, tab(page, 'Certificates'))
    assert.equal(pathOf(page), `/cases/${caseId}/certificates`)
    await axe.check()
    assert.equal(await page.locator('#certificate-due').count(), 0, 'nothing is due any more')
    const rows = page.locator('table.govuk-table tbody tr')
    assert.equal(await rows.count(), 1)
    const cells = (await rows.first().locator('td').allInnerTexts()).map((c) => c.trim())
    assert.match(cells[0]!, new RegExp(`^${reference}-C\\d+$`))
    assert.equal(cells[1], 'Mediation declined')
    assert.equal(cells[2], 'Wednesday 23 December 2026')
    const number = cells[0]!

    // The certificate as a page, with the appeal deadline.
    await clickAndWait(page, rows.first().getByRole('link', { name: number, exact: true }))
    assert.match(pathOf(page), new RegExp(`^/cases/${caseId}/certificates/[0-9a-f-]{36}$`))
    await axe.check()
    assert.match(await page.locator('main').innerText(), /Monday 25 January 2027/)

    // And as a PDF.
    const pdfLink = page.locator('#downloads').getByRole('link', { name: 'PDF', exact: true })
    const href = await pdfLink.getAttribute('href')
    assert.equal(href, `${pathOf(page)}.pdf`)
    const [download] = await Promise.all([page.waitForEvent('download'), pdfLink.click()])
    assert.equal(download.suggestedFilename(), `${number}.pdf`)
    assert.equal(await download.failure(), null)
    const response = await page.request.get(href!)
    assert.equal(response.status(), 200)
    assert.equal(response.headers()['content-type'], 'application/pdf')
    assert.equal((await response.body()).subarray(0, 5).toString('latin1'), '%PDF-')

    // Back to Today: the case no longer owes a certificate.
    await clickAndWait(page, page.getByRole('link', { name: 'Today', exact: true }))
    assert.equal(pathOf(page), '/today')
    await axe.check()
    assert.match(await headingOf(page), /^Wednesday 23 December 2026 Today$/)
    assert.doesNotMatch(await page.locator('main').innerText(), /certificate/i)
    axe.assertAllScanned()

    // What was saved.
    const [row] = await t.database.db.select().from(cases).where(eq(cases.id, caseId))
    assert.equal(row?.status, 'certificate-issued')
    const issued = await t.database.db.select().from(certificates).where(eq(certificates.caseId, caseId))
    assert.deepEqual(
      issued.map((c) => c.kind),
      ['declined'],
    )
    const types = (await t.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, caseId))).map(
      (e) => e.type,
    )
    assert.ok(types.includes('mediation-declined'), `events: ${types.join(', ')}`)
    assert.ok(types.includes('certificate-issued'), `events: ${types.join(', ')}`)
  })
})

// The complaints register in a real browser: a coordinator records a complaint made by phone,
// acknowledges it and sends our answer, with axe on every page; the same again by keyboard alone;
// and the register's other pages and the feedback results, axe clean.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import { eq } from 'drizzle-orm'
import {
  andWaitForPage,
  axeTracker,
  passSecondStep,
  startBrowserTest,
  tabTo,
  type BrowserTest,
} from '../helpers/browser.ts'
import { testPassword } from '../helpers/app.ts'
import { appCode, forgetLastCode } from '../helpers/second-factor.ts'
import { messages } from '../../src/db/schema/index.ts'
import { councilIds, panelMediator, staffOf } from '../../src/features/complaints/testing.ts'

const pathOf = (page: Page) => new URL(page.url()).pathname
const complaintPath = /^\/complaints\/[0-9a-f-]{36}$/

async function clickAndWait(page: Page, target: ReturnType<Page['locator']>) {
  await andWaitForPage(page, () => target.click())
}

async function signIn(page: Page, axe: ReturnType<typeof axeTracker>, email: string) {
  await page.goto('/sign-in')
  await axe.check()
  await page.fill('#email', email)
  await page.fill('#password', testPassword)
  await clickAndWait(page, page.getByRole('button', { name: 'Sign in' }))
  await passSecondStep(page, email, axe)
}

/** Keyboard only: Tab to a field, select what is in it, and type over it. */
async function typeInto(page: Page, selector: string, text: string) {
  await tabTo(page, selector, 150)
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type(text)
  assert.equal(await page.inputValue(selector), text, `${selector} holds what was typed`)
}

/** Keyboard only: Tab into a radio group, arrow to the option, and make sure it is chosen. */
async function chooseRadio(page: Page, name: string, value: string) {
  await tabTo(page, `input[type=radio][name="${name}"]`, 150)
  for (let i = 0; i < 12; i++) {
    if (await page.evaluate((v) => (document.activeElement as HTMLInputElement | null)?.value === v, value)) {
      await page.keyboard.press('Space')
      assert.equal(await page.isChecked(`input[name="${name}"][value="${value}"]`), true, `${name}=${value}`)
      return
    }
    await page.keyboard.press('ArrowDown')
  }
  assert.fail(`could not reach ${name}=${value} with the arrow keys`)
}

/** Keyboard only: Tab to a link or button and press Enter, waiting for the page it leads to. */
async function pressByKeyboard(page: Page, selector: string, name: string) {
  await tabTo(page, selector, 150)
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.replace(/\s+/g, ' ').trim()), name)
  await andWaitForPage(page, () => page.keyboard.press('Enter'))
}

describe('in a browser: a complaint made by phone, recorded and answered', () => {
  let t: BrowserTest
  before(async () => {
    // Thursday 24 December 2026: the deadlines run past Christmas and New Year.
    t = await startBrowserTest({ now: '2026-12-24T10:00:00Z' })
    const councils = await councilIds(t)
    await staffOf(t, 'dana@example.com', ['coordinator'], [councils.a], 'Dana Whitfield')
    await staffOf(t, 'kit@example.com', ['coordinator'], [councils.a], 'Kit Marlow')
    const maya = await staffOf(t, 'maya@example.com', ['mediator'], [], 'Maya Brennan')
    await panelMediator(t, 'Maya Brennan', maya.user.id)
  })
  after(() => t.close())

  test('records the call, acknowledges it and sends the answer, with axe on every page', async () => {
    const page = await t.newPage()
    const axe = axeTracker(page)
    await signIn(page, axe, 'dana@example.com')
    await axe.check()

    await clickAndWait(page, page.getByRole('link', { name: 'Complaints', exact: true }))
    assert.equal(pathOf(page), '/complaints')
    await axe.check()
    await clickAndWait(page, page.getByRole('button', { name: 'Record a complaint' }))
    assert.equal(pathOf(page), '/complaints/new')
    await axe.check()

    // Sent empty: each problem links to its field.
    await clickAndWait(page, page.getByRole('button', { name: 'Record the complaint' }))
    assert.match(await page.title(), /^Error: /)
    await axe.check()
    await page
      .locator('.govuk-error-summary')
      .getByRole('link', { name: 'Enter the name of the person who complained' })
      .click()
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'otherName')

    await page.fill('#otherName', 'Grace Okafor')
    await page.fill('#otherRelationship', "The child's grandmother")
    await page.fill('#otherEmail', 'grace@example.com')
    await page.check('input[name=prefers][value=email]')
    await page.check('input[name=receivedVia][value=phone]')
    await page.check('input[name=about][value=service]')
    await page.fill('#whatHappened', 'Nobody rang back after three messages.')
    await page.fill('#happenedOn-day', '10')
    await page.fill('#happenedOn-month', '12')
    await page.fill('#happenedOn-year', '2026')
    await page.fill('#wantedOutcome', 'A call back.')
    await clickAndWait(page, page.getByRole('button', { name: 'Record the complaint' }))
    assert.match(pathOf(page), complaintPath)
    await axe.check()
    assert.match(await page.locator('.govuk-notification-banner--success').innerText(), /Complaint recorded/)
    const informal = page.locator('#stage-informal')
    assert.match(await informal.innerText(), /By Thursday 31 December 2026/)
    assert.match(await informal.innerText(), /By Tuesday 26 January 2027/)

    // Today shows the acknowledgement due, and leads to it.
    await clickAndWait(page, page.getByRole('link', { name: 'Today', exact: true }))
    await axe.check()
    const due = page.locator('#complaints-due')
    assert.match(await due.innerText(), /Grace Okafor\s+Acknowledge the complaint: informal resolution/)
    assert.match(await due.innerText(), /Thursday 31 December 2026\s+Due soon/)
    await clickAndWait(page, due.getByRole('link', { name: /Acknowledge the complaint/ }))
    await axe.check()
    await clickAndWait(page, page.getByRole('button', { name: 'Acknowledge it' }))
    assert.match(pathOf(page), complaintPath)
    await axe.check()
    assert.match(await informal.innerText(), /Acknowledged on Thursday 24 December 2026/)

    await clickAndWait(page, page.getByRole('button', { name: 'Record our answer' }))
    await axe.check()
    await page.check('input[name=outcome][value=upheld]')
    await page.fill('#findings', 'Three messages were not passed on.')
    await page.fill('#changes', 'Messages now go to a shared inbox.')
    await clickAndWait(page, page.getByRole('button', { name: 'Record and send our answer' }))
    assert.match(pathOf(page), complaintPath)
    await axe.check()
    assert.match(await informal.innerText(), /Answered on Thursday 24 December 2026\s+In time/)
    assert.match(await page.locator('#next-step').innerText(), /formal investigation/)
    await page.getByText('Read our answer as sent').click()
    assert.match(await informal.innerText(), /your complaint is upheld/)
    await axe.check()

    const [letter] = await t.database.db.select().from(messages).where(eq(messages.templateKey, 'complaint-response'))
    assert.equal(letter!.recipientAddress, 'grace@example.com')
    axe.assertAllScanned()
  })

  test('the same by keyboard alone', async () => {
    const page = await t.newPage()
    const axe = axeTracker(page)
    await page.goto('/sign-in')
    await axe.check()
    await typeInto(page, '#email', 'kit@example.com')
    await typeInto(page, '#password', testPassword)
    await pressByKeyboard(page, 'main button.govuk-button', 'Sign in')
    await axe.check()
    await forgetLastCode(t.database, 'kit@example.com')
    await typeInto(page, '#code', appCode(t.clock.now()))
    await pressByKeyboard(page, 'main button.govuk-button', 'Continue')
    await axe.check()

    await pressByKeyboard(page, 'a[href="/complaints"]', 'Complaints')
    await axe.check()
    await pressByKeyboard(page, 'a[href="/complaints/new"]', 'Record a complaint')
    await axe.check()
    await typeInto(page, '#otherName', 'Omar Haddad')
    await typeInto(page, '#otherAddress', '7 Birch Close\nWarrington\nWA2 7AA')
    await chooseRadio(page, 'prefers', 'post')
    await chooseRadio(page, 'receivedVia', 'phone')
    await chooseRadio(page, 'about', 'mediator')
    // Which mediator: chosen from the panel's list with the arrow keys.
    await tabTo(page, '#aboutMediator')
    await page.keyboard.press('ArrowDown')
    assert.equal(await page.locator('#aboutMediator option:checked').innerText(), 'Maya Brennan')
    await typeInto(page, '#whatHappened', 'The mediator arrived late.')
    await typeInto(page, '#happenedOn-day', '22')
    await typeInto(page, '#happenedOn-month', '12')
    await typeInto(page, '#happenedOn-year', '2026')
    await pressByKeyboard(page, 'form[method=post] button.govuk-button', 'Record the complaint')
    assert.match(pathOf(page), complaintPath)
    await axe.check()

    await pressByKeyboard(page, '#complaint-actions a[href$="/acknowledge"]', 'Acknowledge it')
    await axe.check()
    await pressByKeyboard(page, 'main form button.govuk-button', 'Acknowledge it')
    await axe.check()
    await pressByKeyboard(page, '#complaint-actions a[href$="/respond"]', 'Record our answer')
    await axe.check()
    await chooseRadio(page, 'outcome', 'partly-upheld')
    await typeInto(page, '#findings', 'The mediator was 20 minutes late.')
    await pressByKeyboard(page, 'main form button.govuk-button', 'Record and send our answer')
    assert.match(pathOf(page), complaintPath)
    await axe.check()
    assert.match(await page.locator('#stage-informal').innerText(), /Answered on Thursday 24 December 2026/)
    const [letter] = await t.database.db.select().from(messages).where(eq(messages.recipientName, 'Omar Haddad'))
    assert.ok(letter, 'letters to Omar Haddad')
    const sent = await t.database.db.select().from(messages).where(eq(messages.recipientName, 'Omar Haddad'))
    assert.ok(
      sent.every((m) => m.channel === 'letter'),
      'by post, as he asked',
    )
    axe.assertAllScanned()
  })

  test('the other pages of the register, the panel record and the feedback results are axe clean', async () => {
    const page = await t.newPage()
    const axe = axeTracker(page)
    await signIn(page, axe, 'dana@example.com')
    await axe.check()
    await page.goto('/complaints')
    await axe.check()
    await clickAndWait(page, page.locator('#complaints-list a').first())
    await axe.check()
    await clickAndWait(page, page.getByRole('button', { name: /Take it to the next stage/ }))
    await axe.check()
    await page.goBack()
    await clickAndWait(page, page.getByRole('link', { name: /Change what it is about/ }))
    await axe.check()
    await clickAndWait(page, page.getByRole('button', { name: 'Save the changes' }))
    await axe.check()
    await page.goto('/mediators')
    await axe.check()
    await clickAndWait(page, page.getByRole('link', { name: 'Maya Brennan' }))
    await axe.check()
    assert.match(await page.locator('#complaints-list').innerText(), /CMP-2026-/)
    await page.goto('/feedback')
    await axe.check()
    await page.goto('/feedback?from=31/2/2027')
    await axe.check()
    axe.assertAllScanned()

    const mediator = await t.newPage()
    const its = axeTracker(mediator)
    await signIn(mediator, its, 'maya@example.com')
    await its.check()
    await clickAndWait(mediator, mediator.getByRole('link', { name: 'Feedback', exact: true }))
    assert.equal(pathOf(mediator), '/feedback')
    await its.check()
    its.assertAllScanned()
  })
})

// Finding a date and a venue, in a real browser with axe on every page: a coordinator adds a
// venue and its room, enters each party's availability, sees the date that suits everyone, books
// the meeting there, then moves it. The test clock reads Friday 27 November 2026; the case (SEN
// mediation, a mediator allocated, every party contacted) is set up in the database.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { eq } from 'drizzle-orm'
import type { Locator, Page } from 'playwright-core'
import { andWaitForPage, axeTracker, passSecondStep, startBrowserTest, type BrowserTest } from '../helpers/browser.ts'
import { createStaff, testPassword } from '../helpers/app.ts'
import { meetings, messages } from '../../src/db/schema/index.ts'
import { meetingCase } from '../../src/features/meetings/testing.ts'

const email = 'cora@example.com'
const pathOf = (page: Page) => new URL(page.url()).pathname
const textOf = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim()
const clickAndWait = (page: Page, target: Locator) => andWaitForPage(page, () => target.click())
const flashOf = (page: Page) => textOf(page.locator('.govuk-notification-banner--success'))

describe('in a browser: a coordinator finds a date and a venue, books the meeting and moves it', () => {
  let t: BrowserTest
  let made: Awaited<ReturnType<typeof meetingCase>>

  before(async () => {
    t = await startBrowserTest()
    await createStaff(t.database, email, ['coordinator'], 'Cora Ordinator')
    made = await meetingCase(t)
  })
  after(() => t.close())

  test('adds a venue, enters availability, sees the suitable date, books and moves the meeting', async () => {
    const page = await t.newPage()
    const axe = axeTracker(page)
    const meetingUrl = `/cases/${made.id}/meeting`

    await page.goto('/sign-in')
    await axe.check()
    await page.fill('#email', email)
    await page.fill('#password', testPassword)
    await clickAndWait(page, page.getByRole('button', { name: 'Sign in' }))
    await passSecondStep(page, email, axe)
    await axe.check()

    // A venue, with a room.
    await clickAndWait(page, page.getByRole('link', { name: 'Venues', exact: true }))
    assert.equal(pathOf(page), '/venues')
    await axe.check()
    await clickAndWait(page, page.getByRole('button', { name: 'Add a venue' }))
    await axe.check()
    await clickAndWait(page, page.getByRole('button', { name: 'Add venue' }))
    assert.match(await page.title(), /^Error: /)
    await axe.check()
    await page.locator('.govuk-error-summary').getByRole('link', { name: 'Enter the name of the venue' }).click()
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'name')
    await page.fill('#name', 'Warrington Library')
    await page.check('input[name=kind][value="in-person"]')
    await page.fill('#address', 'Museum Street, Warrington')
    await page.fill('#postcode', 'WA1 1JS')
    await page.check('input[name=access][value=stepFree]')
    await page.check('input[name=access][value=hearingLoop]')
    await page.fill('#cost', '0')
    await clickAndWait(page, page.getByRole('button', { name: 'Add venue' }))
    assert.match(pathOf(page), /^\/venues\/[0-9a-f-]{36}$/)
    await axe.check()
    assert.match(await flashOf(page), /Warrington Library added/)
    await page.fill('#roomName', 'Reading room')
    await page.fill('#capacity', '10')
    await page.check('input[name=isBreakout][value=no]')
    await clickAndWait(page, page.getByRole('button', { name: 'Add room' }))
    await axe.check()
    assert.match(await textOf(page.locator('#room-list')), /Reading room 10 people Meeting room/)

    // The Meeting tab: nobody has given their availability yet.
    await page.goto(meetingUrl)
    await axe.check()
    assert.match(await textOf(page.locator('#suitable-dates')), /No date over the next 4 weeks suits every party yet/)
    for (const [party, answers] of [
      [made.parent, { '2026-12-09': 'all-day', '2026-12-10': 'morning' }],
      [made.council, { '2026-12-09': 'afternoon', '2026-12-10': 'unavailable' }],
      [made.school, { '2026-12-09': 'all-day', '2026-12-10': 'all-day' }],
    ] as const) {
      await clickAndWait(page, page.locator(`a[href="${meetingUrl}/availability/${party.id}"]`))
      await axe.check()
      for (const [day, value] of Object.entries(answers)) await page.selectOption(`#day-${day}`, value)
      await clickAndWait(page, page.getByRole('button', { name: 'Save availability' }))
      assert.equal(pathOf(page), meetingUrl)
      await axe.check()
      assert.match(await flashOf(page), /Availability saved/)
    }
    assert.equal(await textOf(page.locator('#suitable-dates')), 'Wednesday 9 December 2026: afternoon')
    assert.equal(
      await textOf(page.locator('#availability tr[data-day="2026-12-10"]')),
      'Thursday 10 December 2026 Morning only Not available Available all day No',
    )

    // Book it for that afternoon.
    await clickAndWait(page, page.getByRole('button', { name: 'Book the meeting' }))
    assert.equal(pathOf(page), `${meetingUrl}/book`)
    await axe.check()
    assert.match(await textOf(page.locator('#held-deadline')), /The mediation must be held by Sunday 27 December 2026/)
    await page.fill('#meetingDate-day', '9')
    await page.fill('#meetingDate-month', '12')
    await page.fill('#meetingDate-year', '2026')
    await page.fill('#startTime', '1:30pm')
    await page.fill('#endTime', '4pm')
    await page.selectOption('#place', { label: 'Warrington Library: Reading room (holds 10)' })
    await clickAndWait(page, page.locator('main form button.govuk-button'))
    assert.equal(pathOf(page), meetingUrl)
    await axe.check()
    assert.match(await flashOf(page), /Meeting booked/)
    const details = await textOf(page.locator('#meeting-details'))
    assert.match(
      details,
      /Date Wednesday 9 December 2026 Time 1:30pm to 4pm Where Reading room, Warrington Library, Museum Street, Warrington, WA1 1JS/,
    )
    assert.match(details, /Version 1 \(the first\)/)

    // Move it to the next morning: still more than 5 working days away, so no agreement is needed.
    await clickAndWait(page, page.getByRole('button', { name: 'Move the meeting' }))
    assert.equal(pathOf(page), `${meetingUrl}/move`)
    await axe.check()
    await page.fill('#meetingDate-day', '10')
    await page.fill('#startTime', '9:30am')
    await page.fill('#endTime', '12pm')
    await clickAndWait(page, page.locator('main form button.govuk-button'))
    assert.equal(pathOf(page), meetingUrl)
    await axe.check()
    assert.match(await flashOf(page), /Meeting moved/)
    assert.match(
      await textOf(page.locator('#meeting-details')),
      /Date Thursday 10 December 2026 Time 9:30am to 12pm .* Version 2 \(moved since it was first sent\)/,
    )
    axe.assertAllScanned()

    const rows = await t.database.db.select().from(meetings).where(eq(meetings.caseId, made.id))
    assert.equal(rows.length, 1)
    assert.equal(rows[0]!.icsSequence, 1)
    const sent = (await t.database.db.select().from(messages).where(eq(messages.caseId, made.id))).map(
      (m) => m.templateKey,
    )
    assert.equal(sent.filter((k) => k === 'meeting-invitation').length, 3)
    assert.equal(sent.filter((k) => k === 'meeting-update').length, 3)
  })
})

// Retention in a real browser, with axe on every page: an administrator reaches it from the
// administration menu, changes a council's schedule, sees what the next run will anonymise, places
// a legal hold by keyboard (a missing answer first: the error link moves focus to the field), lifts
// it, and reads the log of runs.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { sql } from 'drizzle-orm'
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
import { runTask } from '../helpers/tasks.ts'
import { makeCase } from '../../src/features/cases/testing.ts'

const pathOf = (page: Page) => new URL(page.url()).pathname
const clickAndWait = (page: Page, target: Locator) => andWaitForPage(page, () => target.click())

describe('in a browser: retention', () => {
  let t: BrowserTest
  let reference: string
  before(async () => {
    t = await startBrowserTest({ now: '2026-11-27T10:00:00Z' })
    await createStaff(t.database, 'ada@example.com', ['administrator'], 'Ada Admin')
    const ended = await makeCase(t.database, t.clock)
    reference = ended.reference
    await t.database.db.execute(sql`update cases set status = 'closed' where id = ${ended.id}`)
    // Time passes: the enquiry's year is over.
    t.clock.set('2028-01-05T10:00:00Z')
    await runTask(t, 'retention')
    await makeCase(t.database, t.clock).then(async (c) => {
      reference = c.reference
      await t.database.db.execute(sql`update cases set status = 'closed' where id = ${c.id}`)
    })
    t.clock.set('2029-02-01T10:00:00Z')
  })
  after(() => t.close())

  test('an administrator changes a schedule, sees what is due, and places and lifts a legal hold', async () => {
    const page = await t.newPage()
    const axe = axeTracker(page)
    await page.goto('/sign-in')
    await axe.check()
    await page.fill('#email', 'ada@example.com')
    await page.fill('#password', testPassword)
    await clickAndWait(page, page.getByRole('button', { name: 'Sign in' }))
    await passSecondStep(page, 'ada@example.com', axe)
    await axe.check()

    await page.goto('/admin/users')
    await axe.check()
    await clickAndWait(page, page.getByRole('link', { name: 'Retention' }))
    assert.equal(pathOf(page), '/admin/retention')
    await axe.check()
    await clickAndWait(page, page.getByRole('link', { name: 'Change Warrington Borough Council' }))
    await axe.check()
    await page.fill('#caseMonths', 'six years')
    await clickAndWait(page, page.getByRole('button', { name: 'Save the schedule' }))
    assert.match(await page.title(), /^Error: /)
    await axe.check()
    await page.locator('.govuk-error-summary a').first().click()
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'caseMonths')
    await page.fill('#caseMonths', '84')
    await clickAndWait(page, page.getByRole('button', { name: 'Save the schedule' }))
    assert.match(await page.locator('tbody').innerText(), /7 years/)

    await clickAndWait(page, page.getByRole('link', { name: 'What the next run will anonymise' }))
    await axe.check()
    assert.match(await page.locator('tbody').innerText(), new RegExp(reference))

    await page.goto('/admin/retention/holds')
    await axe.check()
    await clickAndWait(page, page.getByRole('button', { name: 'Place a legal hold' }))
    await axe.check()
    // By keyboard: the reference, then submitted with a missing answer.
    await tabTo(page, '#reference')
    await page.keyboard.type(reference)
    await tabTo(page, 'button.govuk-button')
    await andWaitForPage(page, () => page.keyboard.press('Enter'))
    assert.match(await page.title(), /^Error: /)
    await axe.check()
    assert.equal(await page.inputValue('#reference'), reference, 'what was typed is kept')
    await page.locator('.govuk-error-summary a[href="#reason"]').click()
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'reason')
    await page.keyboard.press('ArrowDown') // the second reason: a tribunal appeal
    await page.fill('#note', 'Appeal to the SEND Tribunal, lodged 20 January 2029')
    await clickAndWait(page, page.getByRole('button', { name: 'Place the hold' }))
    assert.equal(pathOf(page), '/admin/retention/holds')
    assert.match(
      await page.locator('tbody').innerText(),
      new RegExp(`${reference}[\\s\\S]*An appeal to the SEND Tribunal is open`),
    )
    await axe.check()

    await clickAndWait(page, page.getByRole('link', { name: `Lift the hold on ${reference}` }))
    await axe.check()
    await page.fill('#note', 'The appeal was decided')
    await clickAndWait(page, page.getByRole('button', { name: 'Lift the hold' }))
    assert.match(await page.locator('main').innerText(), /No case is under a legal hold/)
    await axe.check()

    await page.goto('/admin/retention/runs')
    assert.match(await page.locator('tbody').innerText(), /Warrington Borough Council: 1 enquiry, 0 cases/)
    await axe.check()
    axe.assertAllScanned()
  })
})

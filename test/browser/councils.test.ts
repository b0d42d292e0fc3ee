// Councils in a real browser, with axe on every page: an administrator adds a council and changes
// its settings, and gives a coordinator the councils they work for; a parent whose postcode is in
// none of the councils' areas chooses theirs; the coordinator logs an enquiry under a council.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { eq } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { andWaitForPage, axeTracker, passSecondStep, startBrowserTest, type BrowserTest } from '../helpers/browser.ts'
import { createStaff, testPassword } from '../helpers/app.ts'
import { localAuthorities, userCouncils, users } from '../../src/db/schema/index.ts'

const pathOf = (page: Page) => new URL(page.url()).pathname

async function signIn(page: Page, email: string, axe: ReturnType<typeof axeTracker>) {
  await page.goto('/sign-in')
  await axe.check()
  await page.fill('#email', email)
  await page.fill('#password', testPassword)
  await andWaitForPage(page, () => page.getByRole('button', { name: 'Sign in' }).click())
  await passSecondStep(page, email, axe)
  await axe.check()
}

/** Continue, and the next page scanned. */
async function next(page: Page, axe: ReturnType<typeof axeTracker>) {
  await andWaitForPage(page, () => page.getByRole('button', { name: 'Continue' }).click())
  await axe.check()
}

describe('in a browser: councils', () => {
  let t: BrowserTest
  before(async () => {
    t = await startBrowserTest()
    await createStaff(t.database, 'ada@example.com', ['administrator'], 'Ada Admin')
    await createStaff(t.database, 'cora@example.com', ['coordinator'], 'Cora Ordinator')
  })
  after(() => t.close())

  test('an administrator adds a council, changes it, and gives a coordinator its cases', async () => {
    const page = await t.newPage()
    const axe = axeTracker(page)
    await signIn(page, 'ada@example.com', axe)
    await page.goto('/admin/councils')
    await axe.check()
    await andWaitForPage(page, () => page.getByRole('button', { name: 'Add a council' }).click())
    assert.equal(pathOf(page), '/admin/councils/new')
    await axe.check()

    // A mistake first: the errors, then put right.
    await page.fill('#name', 'Halton Borough Council')
    await page.fill('#code', 'Halton!')
    await andWaitForPage(page, () => page.getByRole('button', { name: 'Add council' }).click())
    await axe.check()
    assert.match(await page.locator('.govuk-error-summary').innerText(), /The code must be lower-case letters/)
    await page.fill('#code', 'halton')
    await page.fill('#postcodeDistricts', 'WA7, WA8')
    await page.fill('#serviceName', 'Halton SEN Mediation')
    await page.fill('#phone', '01632 960 701')
    await page.fill('#address', '1 Example Road, Widnes')
    await page.fill('#openingHours', 'Monday to Thursday, 10am to 4pm')
    await page.getByLabel('SENDIASS (SEND Information, Advice and Support Service)').check()
    await andWaitForPage(page, () => page.getByRole('button', { name: 'Add council' }).click())
    assert.match(pathOf(page), /^\/admin\/councils\/[0-9a-f-]{36}$/)
    await axe.check()
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /Halton Borough Council added/)

    // Changed by keyboard: the letter heading, then saved.
    await page.locator('#letterHeading').focus()
    await page.keyboard.type('SEN mediation for Halton Borough Council')
    await andWaitForPage(page, () => page.getByRole('button', { name: 'Save council' }).click())
    await axe.check()
    const [halton] = await t.database.db.select().from(localAuthorities).where(eq(localAuthorities.code, 'halton'))
    assert.equal(halton!.letterHeading, 'SEN mediation for Halton Borough Council')

    // The coordinator works for Halton too.
    const [cora] = await t.database.db.select().from(users).where(eq(users.email, 'cora@example.com'))
    await page.goto(`/admin/users/${cora!.id}`)
    await axe.check()
    await page.getByLabel('Halton Borough Council').check()
    await andWaitForPage(page, () => page.getByRole('button', { name: 'Save roles and councils' }).click())
    await axe.check()
    assert.match(await page.locator('.govuk-notification-banner').innerText(), /Roles and councils changed/)
    const theirs = await t.database.db.select().from(userCouncils).where(eq(userCouncils.userId, cora!.id))
    assert.equal(theirs.length, 2)
    axe.assertAllScanned()
  })

  test('a parent whose postcode is in none of the areas chooses their council', async () => {
    const page = await t.newPage()
    const axe = axeTracker(page)
    await page.goto('/request')
    await axe.check()
    await page.check('#role') // a parent or carer
    await next(page, axe)
    await page.fill('#name', 'Pat Example')
    await next(page, axe)
    await page.fill('#childName', 'Sam Example')
    await page.fill('#dateOfBirth-day', '3')
    await page.fill('#dateOfBirth-month', '5')
    await page.fill('#dateOfBirth-year', '2015')
    await page.fill('#setting', 'Oak Tree Primary School')
    await next(page, axe)
    await page.fill('#postcode', 'M1 1AE')
    await next(page, axe)
    assert.equal(pathOf(page), '/request/council')
    // Nothing chosen: the error, linked to the question, then a choice by keyboard.
    await next(page, axe)
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Select the council whose area/)
    await page.locator('.govuk-error-summary').getByRole('link').first().click()
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'council')
    await page.getByLabel('None of these').check()
    await next(page, axe)
    assert.equal(pathOf(page), '/request/ehc-plan')
    axe.assertAllScanned()
  })

  test('the coordinator logs an enquiry under the council the postcode is in', async () => {
    const page = await t.newPage()
    const axe = axeTracker(page)
    await signIn(page, 'cora@example.com', axe)
    await page.goto('/enquiries/new')
    await axe.check()
    assert.deepEqual(await page.locator('#council option').allInnerTexts(), [
      'The council for the postcode',
      'Halton Borough Council',
      'Warrington Borough Council',
    ])
    await page.selectOption('#council', { label: 'Halton Borough Council' })
    assert.equal(await page.locator('#council').inputValue(), (await halton()).id)
    axe.assertAllScanned()
  })

  const halton = async () =>
    (await t.database.db.select().from(localAuthorities).where(eq(localAuthorities.code, 'halton')))[0]!
})

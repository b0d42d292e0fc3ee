// The audit trail in a real browser, with axe on every page: an administrator reaches it from the
// administration menu, searches by kind and by a date that cannot be read (the error link moves focus
// to the field), and sees the entries; a manager reaches it beside Sent messages.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Locator, Page } from 'playwright-core'
import { andWaitForPage, axeTracker, passSecondStep, startBrowserTest, type BrowserTest } from '../helpers/browser.ts'
import { createStaff, testPassword } from '../helpers/app.ts'
import { makeCase } from '../../src/features/cases/testing.ts'

const pathOf = (page: Page) => new URL(page.url()).pathname
const clickAndWait = (page: Page, target: Locator) => andWaitForPage(page, () => target.click())

async function signIn(page: Page, email: string, axe: ReturnType<typeof axeTracker>) {
  await page.goto('/sign-in')
  await page.fill('#email', email)
  await page.fill('#password', testPassword)
  await clickAndWait(page, page.getByRole('button', { name: 'Sign in' }))
  await passSecondStep(page, email, axe)
}

describe('in a browser: the audit trail', () => {
  let t: BrowserTest
  let reference: string
  before(async () => {
    t = await startBrowserTest()
    await createStaff(t.database, 'ada@example.com', ['administrator'], 'Ada Admin')
    await createStaff(t.database, 'mo@example.com', ['manager'], 'Mo Manager')
    reference = (await makeCase(t.database, t.clock)).reference
  })
  after(() => t.close())

  test('an administrator searches it, and a manager finds it beside Sent messages', async () => {
    const admin = await t.newPage()
    const axe = axeTracker(admin)
    await signIn(admin, 'ada@example.com', axe)
    await admin.goto('/admin/users')
    await clickAndWait(admin, admin.getByRole('link', { name: 'Audit trail' }))
    assert.equal(pathOf(admin), '/admin/audit')
    await axe.check()
    assert.match(await admin.locator('#audit-entries').innerText(), /sign-in\.succeeded/)

    await admin.selectOption('#kind', 'case')
    await admin.fill('#from', '31/2/2026')
    await clickAndWait(admin, admin.getByRole('button', { name: 'Search' }))
    assert.match(await admin.title(), /^Error: /)
    await axe.check()
    await admin.locator('.govuk-error-summary a').first().click()
    assert.equal(await admin.evaluate(() => document.activeElement?.id), 'from')

    await admin.fill('#from', '27/11/2026')
    await clickAndWait(admin, admin.getByRole('button', { name: 'Search' }))
    const entries = await admin.locator('#audit-entries').innerText()
    assert.match(entries, new RegExp(reference))
    assert.doesNotMatch(entries, /sign-in\./)
    await axe.check()

    const manager = await t.newPage()
    const managerAxe = axeTracker(manager)
    await signIn(manager, 'mo@example.com', managerAxe)
    await manager.goto('/admin/messages')
    await clickAndWait(manager, manager.getByRole('link', { name: 'Audit trail' }))
    assert.equal(pathOf(manager), '/admin/audit')
    assert.match(await manager.locator('#audit-entries').innerText(), new RegExp(reference))
    await managerAxe.check()
  })
})

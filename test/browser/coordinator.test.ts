// A coordinator in a real browser: signs in, finds a case by a misspelt name, reads it and its
// timeline, and decides its scope; axe on every page on the way.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Page } from 'playwright-core'
import { andWaitForPage, axeTracker, passSecondStep, startBrowserTest, type BrowserTest } from '../helpers/browser.ts'
import { createStaff, testPassword } from '../helpers/app.ts'
import { makeCase } from '../../src/features/cases/testing.ts'

const pathOf = (page: Page) => new URL(page.url()).pathname

async function headingOf(page: Page) {
  return (await page.locator('h1').innerText()).trim()
}

/** Clicks, and waits for the page it leads to. */
async function clickAndWait(page: Page, target: ReturnType<Page['locator']>) {
  await andWaitForPage(page, () => target.click())
}

describe('in a browser: a coordinator finds a case and decides its scope', () => {
  let t: BrowserTest
  let amelia: { id: string; reference: string }
  let other: { id: string; reference: string }
  before(async () => {
    t = await startBrowserTest()
    await createStaff(t.database, 'dana@example.com', ['coordinator'], 'Dana Whitfield')
    amelia = await makeCase(t.database, t.clock, { childName: 'Amelia Hartley', parentName: 'Sarah Hartley' })
    other = await makeCase(t.database, t.clock, { childName: 'Oliver Bennett', parentName: 'Priya Bennett' })
  })
  after(() => t.close())

  test('search with a misspelt name, open the case and its timeline, decide the scope', async () => {
    const page = await t.newPage()
    const axe = axeTracker(page)

    // Sign in through the sign-in page.
    await page.goto('/sign-in')
    await axe.check()
    await page.fill('#email', 'dana@example.com')
    await page.fill('#password', testPassword)
    await clickAndWait(page, page.getByRole('button', { name: 'Sign in' }))
    await passSecondStep(page, 'dana@example.com', axe)
    assert.equal(pathOf(page), '/today')
    await axe.check()
    await clickAndWait(page, page.getByRole('link', { name: 'Cases', exact: true }))
    assert.equal(pathOf(page), '/cases')
    await axe.check()

    // The name spelt wrongly still finds the case, and not the other one.
    await page.fill('#q', 'Amelia Hartly')
    await clickAndWait(page, page.getByRole('button', { name: 'Search' }))
    assert.equal(pathOf(page), '/cases')
    assert.equal(new URL(page.url()).searchParams.get('q'), 'Amelia Hartly')
    await axe.check()
    const results = page.locator('table.govuk-table tbody tr')
    assert.equal(await results.count(), 1, 'one case matches')
    assert.match(await results.first().innerText(), /Amelia Hartley/)
    assert.equal(await page.getByRole('link', { name: other.reference }).count(), 0, 'the other case is not listed')
    assert.match(await page.locator('#results-count').innerText(), /Showing 1 to 1 of 1 case, best match first/)

    // The case page.
    await clickAndWait(page, page.getByRole('link', { name: amelia.reference }))
    assert.equal(pathOf(page), `/cases/${amelia.id}`)
    assert.match(await headingOf(page), new RegExp(`^${amelia.reference}\\s+Overview$`))
    assert.match(await page.locator('main').innerText(), /The scope has not been decided yet\./)
    await axe.check()

    // Its timeline.
    await clickAndWait(page, page.locator('.moj-sub-navigation').getByRole('link', { name: 'Timeline' }))
    assert.equal(pathOf(page), `/cases/${amelia.id}/timeline`)
    await axe.check()
    assert.match(await page.locator('.moj-timeline').innerText(), /Request for help received/)

    // Back to the case, and on to deciding the scope.
    await clickAndWait(page, page.locator('.moj-sub-navigation').getByRole('link', { name: 'Overview' }))
    await axe.check()
    await clickAndWait(page, page.getByRole('button', { name: 'Decide the scope' }))
    assert.equal(pathOf(page), `/cases/${amelia.id}/scope`)
    await axe.check()

    // Saving without choosing: the errors, each linked to its field.
    await clickAndWait(page, page.getByRole('button', { name: 'Save decision' }))
    assert.equal(pathOf(page), `/cases/${amelia.id}/scope`)
    assert.match(await page.title(), /^Error: /)
    await axe.check()
    const summary = page.locator('.govuk-error-summary')
    assert.deepEqual(await summary.getByRole('link').allInnerTexts(), [
      'Select which service the case is for, or out of scope',
      'Enter the reason for the decision',
    ])
    await summary.getByRole('link', { name: 'Select which service the case is for, or out of scope' }).click()
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'scope')
    await summary.getByRole('link', { name: 'Enter the reason for the decision' }).click()
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'reason')

    await page.getByLabel('SEN mediation', { exact: true }).check()
    await page.fill(
      '#reason',
      'The council refused to change the plan after the annual review: an appealable decision.',
    )
    await clickAndWait(page, page.getByRole('button', { name: 'Save decision' }))

    // The case page, with the decision and the success message.
    assert.equal(pathOf(page), `/cases/${amelia.id}`)
    assert.match(await page.locator('.govuk-notification-banner--success').innerText(), /Scope decided: SEN mediation/)
    const decision = page.locator('#scope-decision')
    assert.match(await decision.innerText(), /Decision\s+SEN mediation/)
    assert.equal(
      await page.locator('#scope-reason').innerText(),
      'The council refused to change the plan after the annual review: an appealable decision.',
    )
    assert.match(await decision.innerText(), /Decided by\s+Dana Whitfield/)
    assert.match(await page.locator('.moj-identity-bar').innerText(), /Type: SEN mediation/)
    await axe.check()
    axe.assertAllScanned()
  })
})

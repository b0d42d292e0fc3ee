// People's rights in a real browser: a manager records a subject access
// request (a mistake first, kept as typed), finds the person, ticks her, exports her data and
// downloads the zip; the list and Today show the request; axe on every page.
import assert from 'node:assert/strict'
import { readFile } from 'node:fs/promises'
import { after, before, describe, test } from 'node:test'
import { unzipSync } from 'fflate'
import type { Page } from 'playwright-core'
import { createStaff, testPassword } from '../helpers/app.ts'
import { andWaitForPage, axeTracker, passSecondStep, startBrowserTest, type BrowserTest } from '../helpers/browser.ts'
import { familyCase, twoCouncils } from '../../src/features/rights/testing.ts'

describe('in a browser: a subject access request, from recording to the zip', () => {
  let t: BrowserTest
  let reference: string
  before(async () => {
    t = await startBrowserTest({ now: '2026-12-07T10:00:00Z' })
    const { a } = await twoCouncils(t)
    await createStaff(t.database, 'mara@example.com', ['manager'], 'Mara Lind', [a])
    reference = (
      await familyCase(t, a, {
        child: 'Amelia Hartley',
        parent: 'Sarah Hartley',
        email: 'sarah.hartley@example.com',
        officer: 'Peter Grant',
        officerEmail: 'peter.grant@council.example',
      })
    ).reference
  })
  after(() => t.close())

  const click = (page: Page, name: string) =>
    andWaitForPage(page, () => page.getByRole('button', { name, exact: true }).click())

  test('records, finds, ticks and exports, with axe on every page', async () => {
    const page = await t.newPage()
    const axe = axeTracker(page)
    await page.goto('/sign-in')
    await axe.check()
    await page.fill('#email', 'mara@example.com')
    await page.fill('#password', testPassword)
    await click(page, 'Sign in')
    await passSecondStep(page, 'mara@example.com', axe)

    await andWaitForPage(page, () => page.getByRole('link', { name: 'Rights requests' }).first().click())
    await axe.check()
    await andWaitForPage(page, () => page.getByRole('button', { name: 'Record a request' }).click())
    await axe.check()
    await page.check('input[name=kind][value=access]')
    await page.fill('#subjectName', 'Sarah Hartley')
    await click(page, 'Record the request')
    assert.match(await page.title(), /^Error: /)
    await axe.check()
    assert.equal(await page.inputValue('#subjectName'), 'Sarah Hartley')
    await page.fill('#requesterName', 'Sarah Hartley')
    await page.fill('#subjectEmail', 'sarah.hartley@example.com')
    await click(page, 'Record the request')
    assert.match(new URL(page.url()).pathname, /^\/rights\/[0-9a-f-]{36}$/)
    await axe.check()

    await click(page, 'Search the cases')
    await axe.check()
    const box = page
      .locator('#match-list .app-candidate', { hasText: reference })
      .locator('input[type=checkbox]')
      .first()
    await box.check()
    await click(page, 'Save the matches')
    await axe.check()
    await click(page, 'Export their data')
    await axe.check()
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('#export-list a').click()])
    const files = unzipSync(new Uint8Array(await readFile((await download.path())!)))
    assert.ok(Object.keys(files).includes(`cases/${reference}/case.html`))

    await page.goto('/today')
    await axe.check()
    assert.match(await page.locator('#rights-due').innerText(), /Sarah Hartley[\s\S]*Thursday 7 January 2027/)
    axe.assertAllScanned()
  })
})

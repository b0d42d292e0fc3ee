// Importing cases in a real browser, with axe on every page: an administrator uploads a file,
// chooses its columns, reads the dry run, starts the import, follows its progress with the page's
// refresh link (the pages need no JavaScript: their route tests post the forms as a browser without
// it would), and undoes it.
import assert from 'node:assert/strict'
import { mkdtemp, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { after, before, describe, test } from 'node:test'
import { createStaff, testPassword } from '../helpers/app.ts'
import { andWaitForPage, axeTracker, passSecondStep, startBrowserTest, type BrowserTest } from '../helpers/browser.ts'
import { runImports } from '../../src/features/imports/testing.ts'

const file = [
  'Reference,Council,Date received,Child,Date of birth,Parent',
  'R-1,Warrington Borough Council,19/10/2026,Amelia Hartley,14/03/2015,Sarah Hartley',
  'R-2,Nowhere Council,19 October 2026,Ben Hartley,2016-06-01,Tom Hartley',
].join('\r\n')

describe('in a browser: importing cases', () => {
  let t: BrowserTest
  before(async () => {
    t = await startBrowserTest()
    await createStaff(t.database, 'ada@example.com', ['administrator'], 'Ada Admin')
  })
  after(() => t.close())

  test('upload, columns, dry run, progress and undo', { timeout: 120_000 }, async () => {
    const page = await t.newPage()
    const axe = axeTracker(page)
    await page.goto('/sign-in')
    await axe.check()
    await page.fill('#email', 'ada@example.com')
    await page.fill('#password', testPassword)
    await andWaitForPage(page, () => page.getByRole('button', { name: 'Sign in' }).click())
    await passSecondStep(page, 'ada@example.com', axe)
    await axe.check()

    await page.goto('/admin/imports')
    await axe.check()
    // Nothing chosen: the error, linked to the field.
    await andWaitForPage(page, () => page.getByRole('button', { name: 'Upload and choose columns' }).click())
    await axe.check()
    assert.match(await page.locator('.govuk-error-summary').innerText(), /Select a CSV file or an Excel workbook/)

    const folder = await mkdtemp(path.join(tmpdir(), 'parley-import-'))
    await writeFile(path.join(folder, 'cases.csv'), file)
    await page.setInputFiles('#file', path.join(folder, 'cases.csv'))
    await andWaitForPage(page, () => page.getByRole('button', { name: 'Upload and choose columns' }).click())
    assert.match(page.url(), /\/admin\/imports\/[0-9a-f-]{36}\/columns$/)
    await axe.check()
    assert.equal(await page.locator('#childName').inputValue(), 'Child')

    await andWaitForPage(page, () => page.getByRole('button', { name: 'Check what would be imported' }).click())
    await axe.check()
    assert.match(await page.locator('#dry-run-counts').innerText(), /1 case would be made\. 1 row cannot be imported/)
    assert.match(
      await page.locator('tbody').innerText(),
      /3\s+Ben Hartley\s+Parley does not know the council "Nowhere Council"/,
    )
    await andWaitForPage(page, () => page.getByRole('link', { name: /Cases that would be made/ }).click())
    await axe.check()

    await andWaitForPage(page, () => page.getByRole('button', { name: 'Import 1 case' }).click())
    await axe.check()
    assert.equal(await page.locator('#progress-status').innerText(), 'Waiting to start')
    await runImports(t)
    await andWaitForPage(page, () =>
      page.getByRole('link', { name: 'Refresh this page to see how far it has got' }).click(),
    )
    await axe.check()
    assert.equal(await page.locator('#progress-status').innerText(), 'Imported')

    await andWaitForPage(page, () => page.getByRole('link', { name: 'Undo this import' }).click())
    await axe.check()
    await andWaitForPage(page, () => page.getByRole('button', { name: 'Undo this import' }).click())
    await axe.check()
    assert.equal(await page.locator('#progress-status').innerText(), 'Waiting to be undone')
    axe.assertAllScanned()
  })
})

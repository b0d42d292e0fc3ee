// Messages in a real browser, with axe on every page: an administrator changes the wording of the
// regular update (previewing it first), then a coordinator sends the updates owed on a case from
// Today in one step, and the administrator finds the messages on "Sent messages" (kept there: no
// SMTP is set up) and reads one. The case was received at the start of November, so by the test
// clock's Friday 27 November 2026 every update is owed.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Locator, Page } from 'playwright-core'
import { eq } from 'drizzle-orm'
import { andWaitForPage, axeTracker, passSecondStep, startBrowserTest, type BrowserTest } from '../helpers/browser.ts'
import { createStaff, testPassword } from '../helpers/app.ts'
import { messages } from '../../src/db/schema/index.ts'
import { deliverDueMessages } from '../../src/features/messages/index.ts'
import { messagesCase } from '../../src/features/messages/testing.ts'

const pathOf = (page: Page) => new URL(page.url()).pathname
const clickAndWait = (page: Page, target: Locator) => andWaitForPage(page, () => target.click())

async function signIn(page: Page, email: string, axe: ReturnType<typeof axeTracker>) {
  await page.goto('/sign-in')
  await axe.check()
  await page.fill('#email', email)
  await page.fill('#password', testPassword)
  await clickAndWait(page, page.getByRole('button', { name: 'Sign in' }))
  await passSecondStep(page, email, axe)
}

describe('in a browser: message wording, the updates owed sent in one step, and Sent messages', () => {
  let t: BrowserTest
  let c: Awaited<ReturnType<typeof messagesCase>>
  before(async () => {
    t = await startBrowserTest()
    await createStaff(t.database, 'ada@example.com', ['administrator'], 'Ada Admin')
    await createStaff(t.database, 'cora@example.com', ['coordinator'], 'Cora Ordinator')
    t.clock.set('2026-11-02T10:00:00Z')
    c = await messagesCase(t.database, t.clock)
    t.clock.set('2026-11-27T10:00:00Z')
  })
  after(() => t.close())

  test('an administrator changes the wording with a preview; a coordinator sends the updates owed; the administrator reads one', async () => {
    const admin = await t.newPage()
    const axe = axeTracker(admin)
    await signIn(admin, 'ada@example.com', axe)
    await axe.check()
    await admin.goto('/admin/templates')
    await axe.check()
    await clickAndWait(admin, admin.getByRole('link', { name: 'Regular update about a case' }))
    assert.equal(pathOf(admin), '/admin/templates/case-update')
    await axe.check()

    // An unknown placeholder is refused, named, and the error link moves focus to the field.
    await admin.fill('#subject', 'News about ((child)) for ((nickname))')
    await clickAndWait(admin, admin.getByRole('button', { name: 'Save' }))
    assert.match(await admin.title(), /^Error: /)
    assert.match(
      await admin.locator('.govuk-error-summary').innerText(),
      /\(\(nickname\)\), which this message does not have/,
    )
    await axe.check()
    await admin.locator('.govuk-error-summary a').first().click()
    assert.equal(await admin.evaluate(() => document.activeElement?.id), 'subject')

    await admin.fill('#subject', 'News about ((child)): ((reference))')
    await clickAndWait(admin, admin.getByRole('button', { name: 'Preview' }))
    assert.equal(await admin.locator('#preview-subject').innerText(), 'News about Amelia Hartley: MED-2026-000042')
    await axe.check()
    await clickAndWait(admin, admin.getByRole('button', { name: 'Save' }))
    assert.equal(pathOf(admin), '/admin/templates')
    assert.match(await admin.locator('#templates').innerText(), /Regular update about a case\s*Changed/)
    await axe.check()

    // The coordinator, from Today's updates owed.
    const cora = await t.newPage()
    const coraAxe = axeTracker(cora)
    await signIn(cora, 'cora@example.com', coraAxe)
    assert.equal(pathOf(cora), '/today')
    await coraAxe.check()
    await clickAndWait(cora, cora.locator(`a.app-send-update[href$="party=${c.parent.id}"]`))
    assert.equal(pathOf(cora), `/cases/${c.id}/messages/update`)
    await coraAxe.check()
    // Only that person is chosen; choose the others owed an update too.
    assert.equal(await cora.isChecked(`input[name="parties"][value="${c.parent.id}"]`), true)
    await cora.check(`input[name="parties"][value="${c.carer.id}"]`)
    await cora.fill('#update', 'We have written to the council and are waiting for their answer.')
    await cora.fill('#nextStep', 'We will call you by Friday 4 December.')
    await clickAndWait(cora, cora.getByRole('button', { name: 'Preview' }))
    const previews = cora.locator('.app-preview')
    assert.equal(await previews.count(), 2)
    assert.match(await previews.first().innerText(), /News about Amelia Hartley/)
    await coraAxe.check()
    await clickAndWait(cora, cora.getByRole('button', { name: 'Send the update' }))
    assert.equal(pathOf(cora), `/cases/${c.id}/messages`)
    assert.match(await cora.locator('.govuk-notification-banner').innerText(), /Update sent to 2 people/)
    assert.match(await cora.locator('#case-messages').innerText(), /Joan Hartley[\s\S]*Letter \(large print\)/)
    await coraAxe.check()
    // The letter, to print: its page offers the PDF and "Mark as posted".
    await clickAndWait(cora, cora.locator('#case-messages tr', { hasText: 'Joan Hartley' }).getByRole('link'))
    assert.match(await cora.locator('h1').innerText(), /Letter \(large print\) to Joan Hartley/)
    assert.equal(await cora.getByRole('link', { name: /Download the letter to print \(PDF, large print\)/ }).count(), 1)
    await coraAxe.check()
    coraAxe.assertAllScanned()

    // The job runs (here by hand): with no SMTP the email is kept, the letter waits to be posted.
    await deliverDueMessages({ db: t.database.db, clock: t.clock, transports: {} })
    await clickAndWait(admin, admin.getByRole('link', { name: 'Sent messages' }))
    assert.equal(pathOf(admin), '/admin/messages')
    assert.match(await admin.locator('#kept-notice').innerText(), /Email is not set up/)
    await axe.check()
    const [email] = await t.database.db.select().from(messages).where(eq(messages.recipientName, 'Sarah Hartley'))
    await clickAndWait(admin, admin.locator(`a[href="/admin/messages/${email!.id}"]`))
    assert.match(await admin.locator('#message-body').innerText(), /We will call you by Friday 4 December\./)
    assert.match(await admin.locator('#message-summary').innerText(), /Kept, not sent/)
    await axe.check()
    axe.assertAllScanned()
  })
})

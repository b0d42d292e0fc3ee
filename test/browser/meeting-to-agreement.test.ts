// The meeting and the SMART agreement in a real browser, with axe on every page: the mediator
// records the ground rules and who came, writes the points in the parties' own words (seeing the
// SMART advice, which never blocks a save), lists what was not agreed, records each party's
// acceptance and makes the agreement final. The coordinator then sees a copy queued for every
// party on the case's Messages tab. The test clock reads Friday 27 November 2026, the day of the
// meeting; the case, its parties and the booked meeting are set up in the database.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { and, eq } from 'drizzle-orm'
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
import { agreements, cases, messages } from '../../src/db/schema/index.ts'
import { agreementCase } from '../../src/features/agreements/testing.ts'
import { insertMediator } from '../../src/features/mediators/testing.ts'

const pathOf = (page: Page) => new URL(page.url()).pathname
const textOf = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim()
const flashOf = (page: Page) => textOf(page.locator('.govuk-notification-banner--success'))
const clickAndWait = (page: Page, target: Locator) => andWaitForPage(page, () => target.click())

async function signIn(page: Page, email: string) {
  await page.fill('#email', email)
  await page.fill('#password', testPassword)
  await clickAndWait(page, page.getByRole('button', { name: 'Sign in' }))
  await passSecondStep(page, email)
}

describe('in a browser: a meeting, from the ground rules to the final agreement sent to every party', () => {
  let t: BrowserTest
  let c: Awaited<ReturnType<typeof agreementCase>>

  before(async () => {
    t = await startBrowserTest()
    const coordinator = await createStaff(t.database, 'cora@example.com', ['coordinator'], 'Cora Ordinator')
    const account = await createStaff(t.database, 'alice@example.com', ['mediator'], 'Alice Able')
    const mediator = await insertMediator(t.database, {
      name: 'Alice Able',
      email: 'alice.able@example.com',
      userId: account.id,
    })
    c = await agreementCase(t, { mediatorId: mediator.id, coordinatorId: coordinator.id })
  })
  after(() => t.close())

  test('the mediator records the meeting and the agreement; the coordinator sees a copy queued for each party', async () => {
    const page = await t.newPage()
    const axe = axeTracker(page)
    const base = `/cases/${c.id}/agreement`

    await page.goto('/sign-in')
    await axe.check()
    await signIn(page, 'alice@example.com')
    await axe.check()

    // The Agreement tab: the meeting is not recorded yet.
    await page.goto(`/cases/${c.id}`)
    await axe.check()
    await clickAndWait(page, page.locator('.moj-sub-navigation').getByRole('link', { name: 'Agreement', exact: true }))
    assert.equal(pathOf(page), base)
    await axe.check()
    assert.match(await textOf(page.locator('#meeting-record')), /has not been recorded yet/)

    // The ground rules first: one not confirmed is refused, and the error link moves focus to them.
    await clickAndWait(page, page.getByRole('link', { name: 'Record the meeting: who came and the ground rules' }))
    assert.equal(pathOf(page), `${base}/meeting-record`)
    await axe.check()
    for (const rule of ['confidentiality', 'respect', 'listening'])
      await page.check(`input[name=groundRules][value=${rule}]`)
    await page.fill('#startedAt', '10:00')
    await clickAndWait(page, page.getByRole('button', { name: 'Save the meeting record' }))
    assert.match(await page.title(), /^Error: /)
    await axe.check()
    await page
      .locator('.govuk-error-summary')
      .getByRole('link', { name: /Confirm that everyone agreed each ground rule/ })
      .click()
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'groundRules')
    assert.equal(await page.isChecked('input[name=groundRules][value=respect]'), true, 'what was ticked is kept')
    await tabTo(page, 'input[name=groundRules][value=impartiality]')
    await page.keyboard.press('Space')
    for (const a of c.attendees) await page.check(`input[name=attended][value="${a.id}"]`)
    await page.check(`input[name=authority][value="${c.attendees[1]!.id}"]`)
    await page.fill('#endedAt', '12:30')
    await page.fill('#privateSessions', '1')
    await page.check(`input[name="issue-${c.issues[0]!.id}"][value=resolved]`)
    await page.check(`input[name="issue-${c.issues[1]!.id}"][value=not-resolved]`)
    await clickAndWait(page, page.getByRole('button', { name: 'Save the meeting record' }))
    assert.equal(pathOf(page), base)
    await axe.check()
    assert.match(await flashOf(page), /The meeting is recorded as held/)

    // A vague point: saved, with the advice beside it.
    await clickAndWait(page, page.getByRole('link', { name: 'Add a point' }))
    assert.equal(pathOf(page), `${base}/points/new`)
    await axe.check()
    await page.check(`input[name=responsiblePartyId][value="${c.school.id}"]`)
    await page.fill('#what', 'The school will try to find a quiet room for Amelia as soon as possible.')
    await page.check('input[name=appealableKind][value=none]')
    await clickAndWait(page, page.getByRole('button', { name: 'Save point' }))
    assert.equal(pathOf(page), base)
    await axe.check()
    assert.match(await flashOf(page), /See the advice beside it/)
    const advice = await textOf(page.locator('#agreement-draft .app-smart-advice').first())
    assert.match(advice, /"try to" can be read in different ways/)
    assert.match(advice, /"as soon as possible" can be read in different ways\. Give a date instead/)
    assert.match(advice, /There is no date/)

    // The parties make it specific, in their own words.
    await clickAndWait(
      page,
      page
        .locator('#agreement-draft .govuk-summary-card')
        .first()
        .getByRole('link', { name: /Change/ }),
    )
    await axe.check()
    assert.match(await textOf(page.locator('#smart-advice')), /Say how everyone will know/)
    await page.fill('#what', 'Tom Reed will set up the quiet room next to the library for Amelia to use at lunchtime.')
    await page.fill('#byWhen-day', '4')
    await page.fill('#byWhen-month', '12')
    await page.fill('#byWhen-year', '2026')
    await page.fill('#howKnown', 'Tom emails Sarah a photo of the room when it is ready.')
    await page.fill('#responsibleName', 'Tom Reed, SENCO')
    await clickAndWait(page, page.getByRole('button', { name: 'Save point' }))
    await axe.check()
    assert.match(
      await textOf(page.locator('#agreement-draft .govuk-summary-card').first()),
      /This point says who, what, by when and how everyone will know\./,
    )

    // An appealable point: the law's date is shown.
    await clickAndWait(page, page.getByRole('link', { name: 'Add a point' }))
    await axe.check()
    await page.check(`input[name=responsiblePartyId][value="${c.council.id}"]`)
    await page.fill('#responsibleName', 'Priya Shah, SEN officer')
    await page.fill(
      '#what',
      'Send Sarah the draft amended EHC plan with 15 hours a week of teaching assistant support in section F.',
    )
    await page.fill('#howKnown', 'Priya emails a copy to Sarah and the school.')
    await page.check('input[name=appealableKind][value=draft-plan]')
    await clickAndWait(page, page.getByRole('button', { name: 'Save point' }))
    await axe.check()
    assert.match(
      await textOf(page.locator('#agreement-draft .govuk-summary-card').nth(1)),
      /Due date if made final today Friday 1 January 2027/,
    )

    // What was not agreed, and check-ins.
    await clickAndWait(page, page.getByRole('link', { name: 'Change what was not agreed, and check-ins' }))
    await axe.check()
    assert.equal(await page.inputValue('#notAgreed'), 'Transport to school.')
    await page.check('input[name=checkIns][value=yes]')
    await clickAndWait(page, page.getByRole('button', { name: 'Save' }))
    await axe.check()

    // Everyone reviews it and accepts it at the meeting.
    await clickAndWait(page, page.getByRole('link', { name: 'Review the whole draft and record who accepted it' }))
    assert.equal(pathOf(page), `${base}/review`)
    await axe.check()
    for (const party of [c.parent, c.council, c.school]) await page.check(`input[name=parties][value="${party.id}"]`)
    await clickAndWait(page, page.getByRole('button', { name: 'Record acceptance' }))
    await axe.check()
    assert.doesNotMatch(await textOf(page.locator('#acceptances')), /Not yet/)

    // Final.
    await clickAndWait(page, page.getByRole('button', { name: 'Make the agreement final' }))
    assert.equal(pathOf(page), `${base}/finalise`)
    await axe.check()
    assert.match(
      await textOf(page.locator('#finalise-summary')),
      /It will be recorded as: Everyone agreed on some issues, but not all\./,
    )
    await clickAndWait(page, page.getByRole('button', { name: 'Make final and send copies' }))
    assert.equal(pathOf(page), `${base}/final`)
    await axe.check()
    assert.match(await flashOf(page), /A copy is queued for 3 parties/)
    assert.match(await textOf(page.locator('#agreement')), /Tom Reed will set up the quiet room next to the library/)
    axe.assertAllScanned()

    // The coordinator sees the copies on the case's Messages tab.
    const other = await t.newPage()
    const coordinatorAxe = axeTracker(other)
    await other.goto('/sign-in')
    await coordinatorAxe.check()
    await signIn(other, 'cora@example.com')
    await coordinatorAxe.check()
    await other.goto(`/cases/${c.id}/messages`)
    await coordinatorAxe.check()
    const rows = other.locator('#case-messages tbody tr', { hasText: 'Your copy of the mediation agreement' })
    assert.equal(await rows.count(), 3)
    for (const name of ['Sarah Hartley', 'Warrington Borough Council', 'Brookfield Primary School']) {
      assert.equal(
        await other
          .locator('#case-messages tbody tr', { hasText: name })
          .filter({ hasText: 'Your copy of the mediation agreement' })
          .count(),
        1,
        name,
      )
    }
    coordinatorAxe.assertAllScanned()

    const [agreement] = await t.database.db.select().from(agreements).where(eq(agreements.caseId, c.id))
    assert.equal(agreement!.status, 'final')
    assert.equal(agreement!.checkInsAgreed, true)
    const copies = await t.database.db
      .select()
      .from(messages)
      .where(and(eq(messages.caseId, c.id), eq(messages.templateKey, 'agreement-copy')))
    assert.ok(copies.every((m) => (m.attachments as { contentType: string }[])[0]?.contentType === 'application/pdf'))
    assert.equal((await t.database.db.select().from(cases).where(eq(cases.id, c.id)))[0]!.status, 'partial-agreement')
  })
})

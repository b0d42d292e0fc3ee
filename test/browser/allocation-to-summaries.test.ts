// Issue 4 in a real browser, with axe on every page: a coordinator looks at the panel, allocates
// the best-ranked mediator to a SEN mediation case (the lapsed and the conflicted mediators cannot
// be chosen), tells every party, then prepares the case: a contact with every party, an issue in a
// party's own words, the child's views, who attends (someone who can agree for the council), a
// typed summary and an uploaded PDF, a renamed executable refused, and the summaries released.
// Then the mediator signs in and sees only their own case. The test clock reads Friday 27 November
// 2026; the case, its parties and the panel are set up in the database, not through pages.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { and, eq, isNull } from 'drizzle-orm'
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
import {
  allocations,
  caseEvents,
  cases,
  mediatorConflicts,
  partyContacts,
  summaries,
} from '../../src/db/schema/index.ts'
import { createWorkflowService } from '../../src/features/cases/index.ts'
import { insertMediator } from '../../src/features/mediators/testing.ts'
import { exeBytes, pdfBytes, preparationCase } from '../../src/features/preparation/testing.ts'

const coordinatorEmail = 'cora@example.com'
const mediatorEmail = 'alice@example.com'

const pathOf = (page: Page) => new URL(page.url()).pathname
const textOf = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim()
const headingOf = (page: Page) => textOf(page.locator('h1'))
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id)

/** Clicks, and waits for the page it leads to. */
async function clickAndWait(page: Page, target: Locator) {
  await andWaitForPage(page, () => target.click())
}

/** The case's sub navigation ("Overview", ..., "Mediator", "Preparation", ...). */
const tab = (page: Page, name: string) => page.locator('.moj-sub-navigation').getByRole('link', { name, exact: true })

async function signIn(page: Page, email: string) {
  await page.fill('#email', email)
  await page.fill('#password', testPassword)
  await clickAndWait(page, page.getByRole('button', { name: 'Sign in' }))
  await passSecondStep(page, email)
}

/** Keyboard only: Tab to a field and type into it. */
async function typeInto(page: Page, selector: string, text: string) {
  await tabTo(page, selector, 120)
  await page.keyboard.press('ControlOrMeta+A')
  await page.keyboard.type(text)
  assert.equal(await page.inputValue(selector), text, `${selector} holds what was typed`)
}

/** Keyboard only: Tab into a radio group, then arrow down to the option and make sure it is chosen. */
async function chooseRadio(page: Page, name: string, value: string) {
  await tabTo(page, `input[type=radio][name="${name}"]`, 120)
  for (let i = 0; i < 12; i++) {
    if (await page.evaluate((v) => (document.activeElement as HTMLInputElement | null)?.value === v, value)) {
      await page.keyboard.press('Space')
      assert.equal(await page.isChecked(`input[name="${name}"][value="${value}"]`), true, `${name}=${value} is chosen`)
      return
    }
    await page.keyboard.press('ArrowDown')
  }
  assert.fail(`could not reach ${name}=${value} with the arrow keys`)
}

/** Keyboard only: Tab to a checkbox and tick it. */
async function tick(page: Page, selector: string) {
  await tabTo(page, selector, 120)
  await page.keyboard.press('Space')
  assert.equal(await page.isChecked(selector), true, `${selector} is ticked`)
}

/** Keyboard only: Tab to a button (or a link) and press Enter, waiting for the page it leads to. */
async function pressByKeyboard(page: Page, selector: string, name: string) {
  await tabTo(page, selector, 150)
  assert.equal(await page.evaluate(() => document.activeElement?.textContent?.replace(/\s+/g, ' ').trim()), name)
  await andWaitForPage(page, () => page.keyboard.press('Enter'))
}

const flashOf = (page: Page) => textOf(page.locator('.govuk-notification-banner--success'))

describe('in a browser: a coordinator allocates a mediator and prepares every party, up to the release of the summaries', () => {
  let t: BrowserTest
  let made: Awaited<ReturnType<typeof preparationCase>>
  let other: Awaited<ReturnType<typeof preparationCase>>
  const m = { alice: '', bob: '', cara: '' }

  before(async () => {
    t = await startBrowserTest()
    await createStaff(t.database, coordinatorEmail, ['coordinator'], 'Cora Ordinator')
    const account = await createStaff(t.database, mediatorEmail, ['mediator'], 'Alice Able')
    m.alice = (
      await insertMediator(t.database, { name: 'Alice Able', email: 'alice.able@example.com', userId: account.id })
    ).id
    m.bob = (
      await insertMediator(t.database, {
        name: 'Bob Lapsed',
        email: 'bob@example.com',
        dbsCheckedOn: '2023-10-01',
        dbsRenewalDue: '2026-10-01',
      })
    ).id
    m.cara = (await insertMediator(t.database, { name: 'Cara Conflict', email: 'cara@example.com' })).id
    await t.database.db.insert(mediatorConflicts).values({
      mediatorId: m.cara,
      organisationKind: 'local-authority',
      organisationName: 'Warrington Borough Council',
      link: 'employment',
      declaredOn: '2025-01-01',
    })
    // Sarah Hartley (parent), Warrington Borough Council and Brookfield Primary School: SEN
    // mediation chosen, the other parties being asked, so a mediator can be allocated.
    const workflow = createWorkflowService({ db: t.database.db, clock: t.clock })
    const ready = async (childName: string) => {
      const c = await preparationCase(t)
      await t.database.db.update(cases).set({ childName }).where(eq(cases.id, c.id))
      const r = await workflow.apply(
        c.id,
        [
          {
            type: 'decide-scope',
            scope: 'sen-mediation',
            reason: 'The council will not amend the EHC plan after a review.',
          },
          { type: 'choose-mediation' },
        ],
        { actor: { label: 'Set up by the test' } },
      )
      assert.ok(r.ok, r.ok ? '' : r.reason)
      return c
    }
    made = await ready('Amelia Hartley')
    other = await ready('Bethany Beyond')
  })
  after(() => t.close())

  test('allocates the best-ranked mediator, prepares every party and releases the summaries; the mediator sees only that case', async () => {
    const page = await t.newPage()
    const axe = axeTracker(page)
    const caseBase = `/cases/${made.id}`

    // Sign in.
    await page.goto('/sign-in')
    await axe.check()
    await signIn(page, coordinatorEmail)
    assert.equal(pathOf(page), '/today')
    await axe.check()

    // The panel: the lapsed and the conflicted mediators are on it; the lapsed one cannot be allocated.
    await clickAndWait(page, page.getByRole('link', { name: 'Panel', exact: true }))
    assert.equal(pathOf(page), '/mediators')
    await axe.check()
    assert.equal(await headingOf(page), 'Mediator panel')
    assert.match(await textOf(page.locator('#panel-count')), /^3 mediators: 2 can be allocated, 1 cannot\.$/)
    assert.match(
      await textOf(page.locator(`tr[data-mediator="${m.bob}"]`)),
      /DBS check lapsed on Thursday 1 October 2026\./,
    )
    // Cara's profile shows her declared link to the council.
    await clickAndWait(
      page,
      page.locator(`tr[data-mediator="${m.cara}"]`).getByRole('link', { name: 'Cara Conflict', exact: true }),
    )
    assert.equal(pathOf(page), `/mediators/${m.cara}`)
    await axe.check()
    assert.match(await page.locator('main').innerText(), /Warrington Borough Council/)

    // The case's Mediator tab: the panel ranked for this case, best first, with reasons.
    await page.goto(caseBase)
    await axe.check()
    await clickAndWait(page, tab(page, 'Mediator'))
    assert.equal(pathOf(page), `${caseBase}/mediator`)
    await axe.check()
    assert.equal(await textOf(page.locator('#no-mediator')), 'No mediator is allocated to this case.')
    const ranked = page.locator('#ranked-mediators > li')
    assert.equal(await ranked.count(), 3)
    assert.equal(await textOf(ranked.nth(0).locator('h3')), '1. Alice Able Can be allocated')
    const aliceReasons = await textOf(page.locator(`#reasons-${m.alice}`))
    assert.match(aliceReasons, /No declared link to anyone in this case/)
    assert.match(aliceReasons, /Accreditation, insurance and DBS check in date/)
    assert.match(aliceReasons, /Works in the Warrington Borough Council area/)
    assert.match(await textOf(page.locator(`li[data-mediator="${m.bob}"] h3`)), /^\d\. Bob Lapsed Cannot be allocated$/)
    assert.match(await textOf(page.locator(`#reasons-${m.bob}`)), /DBS check lapsed on Thursday 1 October 2026\./)
    assert.match(
      await textOf(page.locator(`li[data-mediator="${m.cara}"] h3`)),
      /^\d\. Cara Conflict Cannot be allocated$/,
    )
    assert.match(
      await textOf(page.locator(`#reasons-${m.cara}`)),
      /Declared an employment link to Warrington Borough Council/,
    )
    assert.equal(
      await page.locator(`a[href$="/mediator/allocate/${m.bob}"]`).count(),
      0,
      'no Allocate for the lapsed mediator',
    )
    assert.equal(
      await page.locator(`a[href$="/mediator/allocate/${m.cara}"]`).count(),
      0,
      'no Allocate for the conflicted mediator',
    )

    // Allocate Alice, by keyboard: saying nothing about why is refused first.
    await pressByKeyboard(page, `a[href="${caseBase}/mediator/allocate/${m.alice}"]`, 'Allocate Alice Able')
    assert.equal(pathOf(page), `${caseBase}/mediator/allocate/${m.alice}`)
    await axe.check()
    assert.equal(await headingOf(page), `${made.reference} Allocate Alice Able`)
    await pressByKeyboard(page, 'main button.govuk-button', 'Allocate Alice Able')
    assert.match(await page.title(), /^Error: /)
    await axe.check()
    await page.locator('.govuk-error-summary').getByRole('link', { name: 'Enter why you chose this mediator' }).click()
    assert.equal(await focusedId(page), 'note')
    await page.keyboard.type('First on the list; no link to the council or the school.')
    await pressByKeyboard(page, 'main button.govuk-button', 'Allocate Alice Able')
    assert.equal(pathOf(page), `${caseBase}/mediator`)
    await axe.check()
    assert.match(await flashOf(page), /Alice Able allocated/)
    assert.equal(await textOf(page.locator('#mediator-name')), 'Alice Able')
    assert.equal(
      await textOf(page.locator('#allocation-note')),
      'First on the list; no link to the council or the school.',
    )
    assert.equal(await page.locator('#ranked-mediators').count(), 0)

    // Tell each party who the mediator is.
    const parties = [made.parent, made.council, made.school]
    for (const [i, party] of parties.entries()) {
      const name = party.name || party.organisation!
      const record = page.locator(`tr[data-party="${party.id}"] a[href="${caseBase}/mediator/told/${party.id}"]`)
      assert.equal((await record.textContent())?.trim(), `Record that they were told (${name})`)
      await clickAndWait(page, record)
      assert.equal(pathOf(page), `${caseBase}/mediator/told/${party.id}`)
      await axe.check()
      await chooseRadio(page, 'channel', i === 0 ? 'phone' : 'email')
      await pressByKeyboard(page, 'main button.govuk-button', 'Record that they were told')
      assert.equal(pathOf(page), `${caseBase}/mediator`)
      await axe.check()
      assert.match(await textOf(page.locator(`tr[data-party="${party.id}"]`)), /Told/)
    }
    assert.doesNotMatch(await textOf(page.locator('#parties-told')), /Not yet/)

    // Preparation: nobody contacted yet.
    await clickAndWait(page, tab(page, 'Preparation'))
    assert.equal(pathOf(page), `${caseBase}/preparation`)
    await axe.check()
    assert.match(
      await page.locator('main').innerText(),
      /Not contacted yet: Sarah Hartley, the council \(Warrington Borough Council\), the school \(Brookfield Primary School\)/,
    )

    // A contact with every party.
    await clickAndWait(
      page,
      page.locator('#preparation-summary').getByRole('link', { name: 'Contacts with each party' }),
    )
    assert.equal(pathOf(page), `${caseBase}/preparation/contacts`)
    await axe.check()
    for (const party of parties) {
      await chooseRadio(page, 'party', party.id)
      assert.equal(await page.inputValue('#contactedOn-day'), '27', 'today by default')
      await chooseRadio(page, 'method', 'phone')
      await typeInto(page, '#note', `Explained how the meeting works to ${party.name}.`)
      await pressByKeyboard(page, 'main button.govuk-button', 'Save contact')
      assert.equal(pathOf(page), `${caseBase}/preparation/contacts`)
      await axe.check()
      assert.match(await flashOf(page), /Contact recorded/)
      assert.match(await textOf(page.locator(`#party-${party.id}`)), /Contacted$/)
    }

    // An issue, in the parent's own words.
    await clickAndWait(page, page.getByRole('link', { name: 'Back to preparation' }))
    await axe.check()
    assert.doesNotMatch(await page.locator('main').innerText(), /Not contacted yet:/)
    assert.match(await textOf(page.locator('#preparation-summary')), /3 of 3 parties contacted/)
    await clickAndWait(page, page.locator('#preparation-summary').getByRole('link', { name: 'Issues and agenda' }))
    assert.equal(pathOf(page), `${caseBase}/preparation/issues`)
    await axe.check()
    await chooseRadio(page, 'party', made.parent.id)
    const issue = 'Amelia needs a teaching assistant all day, not just in the mornings.'
    await typeInto(page, '#issueText', issue)
    await chooseRadio(page, 'area', 'education')
    await pressByKeyboard(page, 'main form[action$="/issues"] button', 'Add issue')
    assert.equal(pathOf(page), `${caseBase}/preparation/issues`)
    await axe.check()
    assert.match(await textOf(page.locator('#agenda')), new RegExp(`${issue} Sarah Hartley Education`))

    // The voice of the child.
    await page.goto(`${caseBase}/preparation`)
    await axe.check()
    await clickAndWait(page, page.locator('#preparation-summary').getByRole('link', { name: 'Voice of the child' }))
    assert.equal(pathOf(page), `${caseBase}/preparation/child`)
    await axe.check()
    await typeInto(page, '#views', 'I like my teacher. I want help in the afternoons too.')
    await chooseRadio(page, 'gatheredBy', 'drawing')
    await typeInto(page, '#gatheredOn-day', '20')
    await typeInto(page, '#gatheredOn-month', '11')
    await typeInto(page, '#gatheredOn-year', '2026')
    await chooseRadio(page, 'consentToShare', 'yes')
    await tick(page, 'input[name=shareWith][value=parent]')
    await tick(page, 'input[name=shareWith][value=local-authority]')
    await pressByKeyboard(page, 'main button.govuk-button', 'Save their views')
    assert.equal(pathOf(page), `${caseBase}/preparation/child`)
    await axe.check()
    const views = await textOf(page.locator('#child-views-1'))
    assert.match(views, /I like my teacher\. I want help in the afternoons too\./)
    assert.match(views, /A drawing/)
    assert.match(views, /Yes, with: The parent or carer, The council/)

    // Who attends: the council's SEN officer can agree for it; a supporter for the parent.
    await clickAndWait(page, page.getByRole('link', { name: 'Back to preparation' }))
    await axe.check()
    await clickAndWait(
      page,
      page.locator('#preparation-summary').getByRole('link', { name: 'Attendees for each party' }),
    )
    assert.equal(pathOf(page), `${caseBase}/preparation/attendees`)
    await axe.check()
    assert.match(
      await textOf(page.locator('#authority-warnings')),
      /No one with authority to agree named for the council/,
    )
    await chooseRadio(page, 'party', made.council.id)
    await typeInto(page, '#name', 'Priya Shah')
    await typeInto(page, '#role', 'SEN officer')
    await tick(page, 'input[name=about][value=authority]')
    await pressByKeyboard(page, 'main button.govuk-button', 'Add attendee')
    assert.equal(pathOf(page), `${caseBase}/preparation/attendees`)
    await axe.check()
    assert.match(await flashOf(page), /Priya Shah added/)
    assert.equal(await textOf(page.locator('#authority-warnings')), '', 'someone can agree for the council now')
    await chooseRadio(page, 'party', made.parent.id)
    await typeInto(page, '#name', 'Jo Advocate')
    await typeInto(page, '#role', 'Advocate')
    await tick(page, 'input[name=about][value=supporter]')
    await pressByKeyboard(page, 'main button.govuk-button', 'Add attendee')
    await axe.check()
    assert.match(await textOf(page.locator('#case-now')), /Priya Shah SEN officer Yes No/)
    assert.match(await textOf(page.locator('#case-now')), /Jo Advocate Advocate No Yes/)

    // Summaries: typed for the parent.
    await clickAndWait(page, page.getByRole('link', { name: 'Back to preparation' }))
    await axe.check()
    await clickAndWait(
      page,
      page.locator('#preparation-summary').getByRole('link', { name: 'Summaries of each party' }),
    )
    assert.equal(pathOf(page), `${caseBase}/preparation/summaries`)
    await axe.check()
    assert.match(await textOf(page.locator('#release-state')), /^Not released yet/)
    await chooseRadio(page, 'party', made.parent.id)
    await typeInto(page, '#summaryText', 'We want Amelia to have help all day. The school agrees she needs it.')
    await pressByKeyboard(page, 'main form[action$="/summaries"] button', 'Save summary')
    assert.equal(pathOf(page), `${caseBase}/preparation/summaries`)
    await axe.check()
    assert.match(await flashOf(page), /Summary saved/)

    // Uploaded as a PDF for the council.
    await chooseRadio(page, 'party', made.council.id)
    await page.setInputFiles('#document', {
      name: 'council-summary.pdf',
      mimeType: 'application/pdf',
      buffer: pdfBytes(),
    })
    assert.equal(pdfBytes().subarray(0, 8).toString('latin1'), '%PDF-1.4')
    await pressByKeyboard(page, 'main form[action$="/summaries"] button', 'Save summary')
    assert.equal(pathOf(page), `${caseBase}/preparation/summaries`)
    await axe.check()
    assert.match(await flashOf(page), /Summary saved/)
    assert.match(
      await textOf(page.locator('#case-now')),
      /Download the summary from the council \(Warrington Borough Council\) \(PDF, \d+KB\)/,
    )

    // A renamed program for the school is refused, by what it is, not by its name.
    await chooseRadio(page, 'party', made.school.id)
    await page.setInputFiles('#document', { name: 'summary.pdf', mimeType: 'application/pdf', buffer: exeBytes() })
    await pressByKeyboard(page, 'main form[action$="/summaries"] button', 'Save summary')
    assert.equal(pathOf(page), `${caseBase}/preparation/summaries`)
    assert.match(await page.title(), /^Error: /)
    await axe.check()
    const fileError = page
      .locator('.govuk-error-summary')
      .getByRole('link', { name: 'The selected file must be a PDF or Word document' })
    assert.equal(await fileError.getAttribute('href'), '#document')
    assert.match(await textOf(page.locator('#document-error')), /The selected file must be a PDF or Word document/)
    assert.equal(await page.isChecked(`input[name=party][value="${made.school.id}"]`), true, 'the party chosen is kept')
    await fileError.click()
    assert.equal(await focusedId(page), 'document')
    assert.match(await textOf(page.locator(`#summary-${made.school.id}`)), /Not submitted yet/)

    // Release them all, by keyboard.
    await pressByKeyboard(page, 'main form[action$="/summaries/release"] button', 'Release summaries to all parties')
    assert.equal(pathOf(page), `${caseBase}/preparation/summaries`)
    await axe.check()
    assert.match(await flashOf(page), /Summaries released to all parties/)
    assert.match(await textOf(page.locator('#release-state')), /^Released to every party on Friday 27 November 2026/)
    assert.equal(await page.locator('form[action$="/summaries/release"]').count(), 0, 'nothing left to release')
    assert.equal(
      await page.locator('form[action$="/summaries"]').count(),
      0,
      'no summary can be added after the release',
    )
    axe.assertAllScanned()

    // The mediator, in a browser of their own: only their case.
    const mine = await t.newPage()
    const mediatorAxe = axeTracker(mine)
    await mine.goto('/sign-in')
    await mediatorAxe.check()
    await signIn(mine, mediatorEmail)
    await mediatorAxe.check()
    await clickAndWait(mine, mine.getByRole('link', { name: 'Cases', exact: true }))
    assert.equal(pathOf(mine), '/cases')
    await mediatorAxe.check()
    const rows = mine.locator('table.govuk-table tbody tr')
    assert.equal(await rows.count(), 1, 'only the case they mediate')
    assert.match(await textOf(rows.first()), new RegExp(`^${made.reference} Amelia Hartley`))
    assert.doesNotMatch(await mine.locator('main').innerText(), /Bethany Beyond/)
    await clickAndWait(mine, rows.first().getByRole('link', { name: made.reference, exact: true }))
    assert.equal(pathOf(mine), caseBase)
    await mediatorAxe.check()
    await clickAndWait(mine, tab(mine, 'Preparation'))
    assert.equal(pathOf(mine), `${caseBase}/preparation`)
    await mediatorAxe.check()
    assert.match(await textOf(mine.locator('#preparation-summary')), /3 of 3 parties contacted/)
    assert.match(await textOf(mine.locator('#release-state')), /^Released to every party/)
    // Another case: not found, whichever page.
    for (const path of [
      `/cases/${other.id}`,
      `/cases/${other.id}/preparation`,
      `/cases/${other.id}/preparation/summaries`,
    ]) {
      const response = await mine.goto(path)
      assert.equal(response?.status(), 404, path)
      await mediatorAxe.check()
      assert.equal(await headingOf(mine), 'Case not found')
      assert.doesNotMatch(await mine.locator('body').innerText(), /Bethany Beyond/)
    }
    mediatorAxe.assertAllScanned()

    // What was saved.
    const db = t.database.db
    const current = await db
      .select()
      .from(allocations)
      .where(and(eq(allocations.caseId, made.id), isNull(allocations.endedAt)))
    assert.deepEqual(
      current.map((a) => a.mediatorId),
      [m.alice],
    )
    assert.equal((await db.select().from(allocations).where(eq(allocations.caseId, other.id))).length, 0)
    const contacted = new Set(
      (await db.select().from(partyContacts).where(eq(partyContacts.caseId, made.id))).map((c) => c.partyId),
    )
    assert.deepEqual([...contacted].sort(), parties.map((p) => p.id).sort())
    const saved = await db.select().from(summaries).where(eq(summaries.caseId, made.id))
    assert.equal(saved.length, 2)
    assert.deepEqual(saved.map((s) => s.partyId).sort(), [made.parent.id, made.council.id].sort())
    const [row] = await db.select().from(cases).where(eq(cases.id, made.id))
    assert.ok(row?.summariesReleasedAt, 'the release is recorded on the case')
    const types = (await db.select().from(caseEvents).where(eq(caseEvents.caseId, made.id))).map((e) => e.type)
    assert.ok(types.includes('mediator-allocated'), `events: ${types.join(', ')}`)
    assert.ok(types.includes('summaries-released'), `events: ${types.join(', ')}`)
  })
})

// The public "ask for help" journey in a real browser: a parent answers every question, checks
// their answers and sends the request; with the mouse (axe on every page), by keyboard alone,
// and with JavaScript switched off. The test clock is Friday 27 November 2026, so the reply-by
// date (one working day later) is Monday 30 November 2026.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { eq } from 'drizzle-orm'
import type { Page } from 'playwright-core'
import { andWaitForPage, axeTracker, startBrowserTest, tabTo, type BrowserTest } from '../helpers/browser.ts'
import { cases } from '../../src/db/schema/index.ts'

const referencePattern = /MED-\d{4}-\d{6}/
const replyBy = 'Monday 30 November 2026'

interface JourneyPage {
  path: string
  heading: string | RegExp
  /** Answers the page with the mouse (click, fill). */
  answer(page: Page): Promise<unknown>
}

/** A parent asking about what their child's EHC plan says, page by page, in the order the journey asks. */
const parentJourney: JourneyPage[] = [
  { path: '/request', heading: 'Who is asking for help?', answer: (p) => p.check('#role') },
  { path: '/request/your-name', heading: 'What is your name?', answer: (p) => p.fill('#name', 'Pat Example') },
  {
    path: '/request/child',
    heading: 'About the child or young person',
    async answer(p) {
      await p.fill('#childName', 'Sam Example')
      await p.fill('#dateOfBirth-day', '3')
      await p.fill('#dateOfBirth-month', '5')
      await p.fill('#dateOfBirth-year', '2015')
      await p.fill('#setting', 'Oak Tree Primary School')
    },
  },
  {
    path: '/request/postcode',
    heading: "What is the child's home postcode?",
    answer: (p) => p.fill('#postcode', 'WA1 1AB'),
  },
  // Tells them which council area the postcode is in; nothing to answer.
  {
    path: '/request/council',
    heading: /^(This postcode is in the .+ area|Our service may not be free for this postcode)$/,
    answer: async () => {},
  },
  {
    path: '/request/ehc-plan',
    heading: 'Does the child or young person have an EHC plan?',
    answer: (p) => p.check('input[name=ehcStatus][value=has-plan]'),
  },
  {
    path: '/request/about',
    heading: 'What is the disagreement about?',
    async answer(p) {
      await p.check('input[name=areas][value=provision]')
      await p.check('input[name=areas][value=ehc-decision]')
    },
  },
  // Asked only because they chose "A decision about an EHC needs assessment or an EHC plan".
  {
    path: '/request/decision',
    heading: 'Which decision did the council make?',
    async answer(p) {
      await p.check('input[name=decision][value=plan-contents]')
      await p.fill('#letterDate-day', '2')
      await p.fill('#letterDate-month', '11')
      await p.fill('#letterDate-year', '2026')
    },
  },
  {
    path: '/request/with',
    heading: 'Who is the disagreement with?',
    async answer(p) {
      await p.check('input[name=parties][value=local-authority]')
      await p.check('input[name=partyCouncil][value=warrington]')
    },
  },
  {
    path: '/request/what-happened',
    heading: 'What has happened?',
    answer: (p) =>
      p.fill('#whatHappened', 'The plan does not say how many hours of speech therapy Sam gets.\nWe have asked twice.'),
  },
  {
    path: '/request/contact',
    heading: 'How should we contact you?',
    async answer(p) {
      await p.check('input[name=methods][value=email]')
      await p.fill('#email', 'pat@example.com')
      await p.check('input[name=methods][value=phone]')
      await p.fill('#phone', '07700 900 982')
    },
  },
  {
    path: '/request/adjustments',
    heading: 'Do you need anything to help you take part?',
    async answer(p) {
      await p.check('input[name=adjustments][value=interpreter]')
      await p.selectOption('#language', 'Polish')
    },
  },
  {
    path: '/request/supporter',
    heading: 'Will someone support you?',
    answer: (p) => p.check('input[name=hasSupporter][value=no]'),
  },
]

const pathOf = (page: Page) => new URL(page.url()).pathname

async function headingOf(page: Page) {
  return (await page.locator('h1').innerText()).trim()
}

/** Asserts the browser is on `path` with the page heading expected there. */
async function assertOnPage(page: Page, path: string, heading: string | RegExp) {
  assert.equal(pathOf(page), path)
  const h1 = await headingOf(page)
  if (typeof heading === 'string') assert.equal(h1, heading, `heading on ${path}`)
  else assert.match(h1, heading, `heading on ${path}`)
}

/** Presses the page's main button (Continue, or Send request) with the mouse, and waits for the next page. */
async function clickButton(page: Page, name: string) {
  await andWaitForPage(page, () => page.getByRole('button', { name, exact: true }).click())
}

/** What the confirmation page shows: the reference (asserted to be well formed) and the reply-by date. */
async function readConfirmation(page: Page) {
  await assertOnPage(page, '/request/confirmation', 'Request sent')
  const reference = (await page.locator('.app-reference').innerText()).trim()
  assert.match(reference, new RegExp(`^${referencePattern.source}$`))
  assert.match(await page.locator('main').innerText(), new RegExp(`will contact you by ${replyBy}`))
  return reference
}

/** Keyboard only: Tab to the element, then type into it. */
async function typeInto(page: Page, selector: string, text: string) {
  await tabTo(page, selector)
  await page.keyboard.type(text)
}

/** Keyboard only: Tab to a checkbox (or the first radio of a group) and tick it with Space. */
async function tick(page: Page, selector: string) {
  await tabTo(page, selector)
  await page.keyboard.press('Space')
  assert.ok(
    await page.evaluate((s) => document.querySelector<HTMLInputElement>(s)?.checked, selector),
    `${selector} is not ticked`,
  )
}

/** Keyboard only: Tab to the page's button (or button-styled link) and press Enter. */
async function continueByKeyboard(page: Page) {
  await tabTo(page, '.govuk-button')
  await andWaitForPage(page, () => page.keyboard.press('Enter'))
}

describe('in a browser: a parent asks for help', () => {
  let t: BrowserTest
  before(async () => {
    t = await startBrowserTest()
  })
  after(() => t.close())

  test('every page of the journey passes axe, errors are linked to their fields, and sending makes one case', async () => {
    const page = await t.newPage()
    const axe = axeTracker(page)
    await page.goto('/request')
    await assertOnPage(page, '/request', 'Who is asking for help?')
    await axe.check()

    // Continue without choosing: the page again, with the error summary linked to the question.
    await clickButton(page, 'Continue')
    await assertOnPage(page, '/request', 'Who is asking for help?')
    assert.match(await page.title(), /^Error: /)
    await axe.check()
    const summary = page.locator('.govuk-error-summary')
    assert.equal((await summary.getByRole('link').allInnerTexts()).join('|'), 'Select who is asking for help')
    assert.match(await page.locator('#role-error').innerText(), /Select who is asking for help/)
    await summary.getByRole('link', { name: 'Select who is asking for help' }).click()
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'role')

    for (const step of parentJourney) {
      if (step.path !== '/request') {
        await assertOnPage(page, step.path, step.heading)
        await axe.check()
      }
      await step.answer(page)
      await clickButton(page, 'Continue')
    }

    await assertOnPage(page, '/request/check', 'Check your answers before sending your request')
    await axe.check()
    const answers = await page.locator('main').innerText()
    for (const shown of ['Pat Example', 'Sam Example', 'Oak Tree Primary School', 'pat@example.com', 'Polish']) {
      assert.ok(answers.includes(shown), `Check your answers does not show ${shown}`)
    }
    await clickButton(page, 'Send request')
    const reference = await readConfirmation(page)
    await axe.check()
    axe.assertAllScanned()

    const made = await t.database.db.select().from(cases).where(eq(cases.reference, reference))
    assert.equal(made.length, 1, `one case with reference ${reference}`)
    assert.equal(made[0]!.childName, 'Sam Example')
  })

  test('the whole journey works by keyboard alone', async () => {
    const page = await t.newPage()
    await page.goto('/request')

    // Continue without choosing, then follow the error summary's link to the question.
    await continueByKeyboard(page)
    assert.match(await page.title(), /^Error: /)
    assert.ok(
      await page.evaluate(() => document.activeElement?.closest('.govuk-error-summary') !== null),
      'the error summary has focus',
    )
    await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'role')
    await page.keyboard.press('Space') // "Parent or carer", the first choice
    await andWaitForPage(page, () => page.keyboard.press('Enter')) // Enter on a radio submits its form

    await assertOnPage(page, '/request/your-name', 'What is your name?')
    await typeInto(page, '#name', 'Robin Keys')
    await andWaitForPage(page, () => page.keyboard.press('Enter'))

    await assertOnPage(page, '/request/child', 'About the child or young person')
    await typeInto(page, '#childName', 'Alex Keys')
    await typeInto(page, '#dateOfBirth-day', '14')
    await page.keyboard.press('Tab')
    await page.keyboard.type('2')
    await page.keyboard.press('Tab')
    await page.keyboard.type('2014')
    await typeInto(page, '#setting', 'Riverside Academy')
    await continueByKeyboard(page)

    await assertOnPage(page, '/request/postcode', "What is the child's home postcode?")
    await typeInto(page, '#postcode', 'WA2 7AA')
    await continueByKeyboard(page)

    assert.equal(pathOf(page), '/request/council')
    await continueByKeyboard(page) // the Continue link

    await assertOnPage(page, '/request/ehc-plan', 'Does the child or young person have an EHC plan?')
    await tick(page, '#ehcStatus') // "Has an EHC plan", the first choice
    await continueByKeyboard(page)

    await assertOnPage(page, '/request/about', 'What is the disagreement about?')
    await tick(page, 'input[name=areas][value=provision]')
    await tick(page, 'input[name=areas][value=ehc-decision]')
    await continueByKeyboard(page)

    await assertOnPage(page, '/request/decision', 'Which decision did the council make?')
    await tabTo(page, '#decision') // into the group, on its first choice
    await page.keyboard.press('ArrowDown')
    await page.keyboard.press('ArrowDown') // arrows move through the group and choose
    assert.equal(
      await page.evaluate(() => document.querySelector<HTMLInputElement>('input[name=decision]:checked')?.value),
      'plan-contents',
    )
    await typeInto(page, '#letterDate-day', '2')
    await typeInto(page, '#letterDate-month', '11')
    await typeInto(page, '#letterDate-year', '2026')
    await continueByKeyboard(page)

    await assertOnPage(page, '/request/with', 'Who is the disagreement with?')
    await tick(page, 'input[name=parties][value=local-authority]')
    await tick(page, 'input[name=partyCouncil][value=warrington]') // revealed by the tick
    await continueByKeyboard(page)

    await assertOnPage(page, '/request/what-happened', 'What has happened?')
    await typeInto(page, '#whatHappened', 'The school has cut the support in the plan.')
    await page.keyboard.press('Enter') // a new line in the box, not a submission
    await page.keyboard.type('We want it back.')
    await continueByKeyboard(page)

    await assertOnPage(page, '/request/contact', 'How should we contact you?')
    await tick(page, 'input[name=methods][value=email]')
    await typeInto(page, '#email', 'robin@example.com')
    await continueByKeyboard(page)

    await assertOnPage(page, '/request/adjustments', 'Do you need anything to help you take part?')
    await tick(page, 'input[name=adjustments][value=none]')
    await continueByKeyboard(page)

    await assertOnPage(page, '/request/supporter', 'Will someone support you?')
    await tabTo(page, '#hasSupporter') // "Yes", the first choice
    await page.keyboard.press('ArrowDown') // "No, or not yet"
    assert.equal(
      await page.evaluate(() => document.querySelector<HTMLInputElement>('input[name=hasSupporter]:checked')?.value),
      'no',
    )
    await continueByKeyboard(page)

    await assertOnPage(page, '/request/check', 'Check your answers before sending your request')
    assert.ok((await page.locator('main').innerText()).includes('Alex Keys'))
    await continueByKeyboard(page) // Send request
    const reference = await readConfirmation(page)
    const made = await t.database.db.select().from(cases).where(eq(cases.reference, reference))
    assert.equal(made.length, 1, `one case with reference ${reference}`)
    assert.equal(made[0]!.childName, 'Alex Keys')
  })

  test('the journey works with JavaScript switched off, conditional questions included', async () => {
    const page = await t.newPage({ javaScript: false })
    await page.goto('/request')
    const stopAt = '/request/adjustments'
    for (const step of parentJourney) {
      if (step.path === stopAt) break
      await assertOnPage(page, step.path, step.heading)
      if (step.path === '/request/with') {
        // Without JavaScript the name boxes that the ticks would reveal are shown from the start.
        assert.ok(
          await page.locator('#partyName-school').isVisible(),
          'the school name box is shown without JavaScript',
        )
      }
      if (step.path === '/request/contact') {
        assert.ok(await page.locator('#address').isVisible(), 'the address box is shown without JavaScript')
        // A ticked box whose revealed question is left empty is still checked on the server.
        await page.check('input[name=methods][value=email]')
        await clickButton(page, 'Continue')
        await assertOnPage(page, '/request/contact', 'How should we contact you?')
        assert.match(await page.locator('.govuk-error-summary').innerText(), /Enter your email address/)
        assert.ok(await page.locator('input[name=methods][value=email]').isChecked(), 'the tick is kept')
      }
      await step.answer(page)
      await clickButton(page, 'Continue')
    }
    await assertOnPage(page, stopAt, 'Do you need anything to help you take part?')
  })
})

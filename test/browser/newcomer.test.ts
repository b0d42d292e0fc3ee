// A newcomer's first day, in a browser, from `npm run seed:demo`. A parent sends the request form;
// the demo coordinator signs in for the first time (one-time password, authenticator app, own
// password), finds the request on Today and takes it on; the demo mediator prepares each party;
// the coordinator books the meeting (the booking page says the council must be asked first, and
// links to where); the mediator records the meeting and makes the agreement final; the coordinator
// issues the certificate, which is sent to the parent, and follows the agreement up. Each step is
// one the page points to (a link or button on the page before); the person opens Parley again at
// their home page when days pass. axe on every distinct page. Also: no request of a page ends in
// "not found" (the icon included), and a case reference and a status tag stay on one line.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import type { Locator, Page } from 'playwright-core'
import { and, eq } from 'drizzle-orm'
import { seedDemo } from '../../src/db/demo-seed.ts'
import { messages } from '../../src/db/schema/index.ts'
import { andWaitForPage, axeTracker, passSecondStep, startBrowserTest, type BrowserTest } from '../helpers/browser.ts'
import { appCode, forgetLastCode, setupKeyOf } from '../helpers/second-factor.ts'

const pathOf = (page: Page) => new URL(page.url()).pathname
const textOf = async (locator: Locator) => (await locator.innerText()).replace(/\s+/g, ' ').trim()
const clickAndWait = (page: Page, target: Locator) => andWaitForPage(page, () => target.click())
const button = (page: Page, name: string | RegExp) =>
  page.getByRole('button', { name, exact: typeof name === 'string' })
const link = (page: Page, name: string | RegExp) =>
  page
    .locator('main')
    .getByRole('link', { name, exact: typeof name === 'string' })
    .first()
const tab = (page: Page, name: string) => page.locator('.moj-sub-navigation').getByRole('link', { name, exact: true })
/** The success banner; when there is none, fails with what the page says instead. */
async function flashOf(page: Page) {
  const banner = page.locator('.govuk-notification-banner--success')
  if (await banner.count()) return textOf(banner)
  return assert.fail(`no success banner on ${page.url()}: ${await textOf(page.locator('main'))}`)
}

describe('in a browser: what a newcomer meets, from the demo', () => {
  let t: BrowserTest
  let passwords: Record<string, string>
  const keys: Record<string, string> = {}
  before(async () => {
    t = await startBrowserTest({ now: '2026-11-27T10:00:00Z' })
    const printed = await seedDemo(t.database.db, t.clock)
    passwords = Object.fromEntries(
      [...printed.matchAll(/ (\S+@example\.com): one-time password (\S+)/g)].map((m) => [m[1]!, m[2]!]),
    )
  })
  after(() => t.close())

  /** A first sign-in: the one-time password, an authenticator app, then a password of their own. */
  async function firstSignIn(page: Page, axe: ReturnType<typeof axeTracker>, email: string) {
    await page.goto('/sign-in')
    await axe.check()
    await page.fill('#email', email)
    await page.fill('#password', passwords[email]!)
    await clickAndWait(page, button(page, 'Sign in'))
    // The authenticator app's setup key, as the person's phone keeps it.
    keys[email] = setupKeyOf((await page.locator('main code').first().textContent()) ?? '')
    await passSecondStep(page, email)
    if (pathOf(page) === '/account/password') {
      await axe.check()
      await page.fill('#password', 'copper kettle under the willow')
      await page.fill('#confirm', 'copper kettle under the willow')
      await clickAndWait(page, button(page, 'Save password'))
    }
    assert.equal(pathOf(page), '/today')
    await axe.check()
  }

  /** Days later the person opens Parley again (their home page), signing in if the session ended, and goes on. */
  async function againIfAsked(
    page: Page,
    axe: ReturnType<typeof axeTracker>,
    email: string,
    go: () => Promise<unknown>,
  ) {
    await page.goto('/today')
    if (pathOf(page) === '/sign-in') {
      await axe.check()
      await page.fill('#email', email)
      await page.fill('#password', 'copper kettle under the willow')
      await clickAndWait(page, button(page, 'Sign in'))
      assert.equal(pathOf(page), '/sign-in/second-factor')
      await axe.check()
      await forgetLastCode(t.database, email)
      await page.fill('#code', appCode(t.clock.now(), keys[email]))
      await clickAndWait(page, button(page, 'Continue'))
    }
    assert.equal(pathOf(page), '/today')
    await axe.check()
    await go()
  }

  test('from the request form to the final agreement, certificate and follow-up', async () => {
    // The parent asks for help.
    const parent = await t.newPage()
    const parentAxe = axeTracker(parent)
    await parent.goto('/request')
    const answers: [string, (p: Page) => Promise<unknown>][] = [
      ['/request', (p) => p.check('#role')],
      ['/request/your-name', (p) => p.fill('#name', 'Nadia Ferrow')],
      [
        '/request/child',
        async (p) => {
          await p.fill('#childName', 'Leo Ferrow')
          await p.fill('#dateOfBirth-day', '3')
          await p.fill('#dateOfBirth-month', '5')
          await p.fill('#dateOfBirth-year', '2016')
          await p.fill('#setting', 'Brookfield Primary School')
        },
      ],
      ['/request/postcode', (p) => p.fill('#postcode', 'WA1 1AB')],
      ['/request/council', async () => {}],
      ['/request/ehc-plan', (p) => p.check('input[name=ehcStatus][value=has-plan]')],
      ['/request/about', (p) => p.check('input[name=areas][value=ehc-decision]')],
      [
        '/request/decision',
        async (p) => {
          await p.check('input[name=decision][value=refuse-amend]')
          await p.fill('#letterDate-day', '16')
          await p.fill('#letterDate-month', '11')
          await p.fill('#letterDate-year', '2026')
        },
      ],
      [
        '/request/with',
        async (p) => {
          await p.check('input[name=parties][value=local-authority]')
          await p.check('input[name=partyCouncil][value=warrington]')
        },
      ],
      [
        '/request/what-happened',
        (p) => p.fill('#whatHappened', 'The council will not add speech therapy to the plan.'),
      ],
      [
        '/request/contact',
        async (p) => {
          await p.check('input[name=methods][value=email]')
          await p.fill('#email', 'nadia.ferrow@example.com')
        },
      ],
      ['/request/adjustments', (p) => p.check('input[name=adjustments][value=none]')],
      ['/request/supporter', (p) => p.check('input[name=hasSupporter][value=no]')],
    ]
    for (const [path, answer] of answers) {
      assert.equal(pathOf(parent), path)
      await parentAxe.check()
      await answer(parent)
      await clickAndWait(parent, button(parent, 'Continue'))
    }
    assert.equal(pathOf(parent), '/request/check')
    await parentAxe.check()
    await clickAndWait(parent, button(parent, /^Send/))
    assert.equal(pathOf(parent), '/request/confirmation')
    await parentAxe.check()
    const reference = (await parent.locator('.app-reference').innerText()).trim()
    parentAxe.assertAllScanned()

    // The coordinator's first day: the request is on Today.
    const page = await t.newPage()
    const axe = axeTracker(page)
    await firstSignIn(page, axe, 'coordinator.demo@example.com')
    const row = page.locator('#today-list tbody tr', { hasText: reference })
    assert.equal(await row.count(), 1, 'the new request is on Today')
    assert.match(await textOf(row), /Answer the new enquiry/)
    await clickAndWait(page, row.getByRole('link').first())
    await axe.check()
    const caseId = /\/cases\/([0-9a-f-]{36})/.exec(pathOf(page))![1]!
    const nextSteps = page.locator('#next-step-buttons, #waiting-for')
    const nextStep = (name: string | RegExp) =>
      nextSteps
        .getByRole(typeof name === 'string' ? 'button' : 'button', { name })
        .or(page.locator('#waiting-for').getByRole('link', { name }))
        .first()

    // Take it on, and decide the scope: SEN mediation, as the letter is about the EHC plan.
    await clickAndWait(page, button(page, 'Take this case'))
    await axe.check()
    // The council's SEN team has no email address yet: the page asks for it, so the council gets its invitations.
    await clickAndWait(page, link(page, 'Add the council’s SEN team contact details'))
    await axe.check()
    await page.fill('#email', 'sen.team@warrington.example')
    await clickAndWait(page, button(page, 'Save the contact details'))
    assert.equal(pathOf(page), `/cases/${caseId}/progress`)
    await clickAndWait(page, nextStep('Decide the scope'))
    assert.equal(pathOf(page), `/cases/${caseId}/scope`)
    await axe.check()
    await page.getByLabel('SEN mediation', { exact: true }).check()
    await page.fill('#reason', 'The council will not amend the EHC plan: an appealable decision.')
    await clickAndWait(page, button(page, 'Save decision'))
    await axe.check()
    console.log('AT', page.url(), await textOf(page.locator('main')))
    await clickAndWait(page, tab(page, 'Progress and deadlines'))
    await axe.check()

    // The parent wants mediation; the council is invited.
    await clickAndWait(page, nextStep('Record the choice to mediate'))
    await axe.check()
    await page.check('input[name=healthInIssue][value=no]')
    await page.check('input[name=healthOnly][value=no]')
    await clickAndWait(page, button(page, 'Record the choice'))
    assert.equal(pathOf(page), `/cases/${caseId}/progress`)
    await axe.check()

    // A mediator from the ranked panel: the demo mediator, Grace Adeyemi.
    await clickAndWait(page, nextStep('Allocate a mediator'))
    assert.equal(pathOf(page), `/cases/${caseId}/mediator`)
    await axe.check()
    // Ranked with their reasons: the lapsed insurance stops one; a near conflict is a note.
    assert.match(
      await textOf(page.locator('#ranked-mediators')),
      /Helen Marchetti Cannot be allocated .*insurance lapsed/,
    )
    await clickAndWait(page, page.locator('#ranked-mediators a', { hasText: 'Allocate Grace Adeyemi' }))
    await axe.check()
    await page.fill('#note', 'Free this month and no link to the council.')
    await clickAndWait(page, button(page, 'Allocate Grace Adeyemi'))
    assert.match(await flashOf(page), /Grace Adeyemi allocated/)
    await axe.check()
    await clickAndWait(page, tab(page, 'Progress and deadlines'))
    await axe.check()
    console.log('NEXT', await textOf(nextSteps))

    // The mediator's first day: the case is on Today; preparation, then the meeting.
    const mediator = await t.newPage()
    const mAxe = axeTracker(mediator)
    await firstSignIn(mediator, mAxe, 'mediator.demo@example.com')
    // Nothing of the new case is due yet, so it is found under Cases.
    await clickAndWait(
      mediator,
      mediator.locator('header, nav').getByRole('link', { name: 'Cases', exact: true }).first(),
    )
    await mAxe.check()
    await clickAndWait(mediator, mediator.locator('main').getByRole('link', { name: reference }).first())
    await mAxe.check()
    const mBase = `/cases/${caseId}`
    assert.match(pathOf(mediator), new RegExp(`^${mBase}`))

    // Preparation: a call with each party.
    await clickAndWait(mediator, tab(mediator, 'Preparation'))
    await mAxe.check()
    await clickAndWait(
      mediator,
      mediator.locator('#preparation-summary').getByRole('link', { name: 'Contacts with each party' }),
    )
    await mAxe.check()
    const partyIds = await mediator
      .locator('input[name=party]')
      .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).value))
    assert.ok(partyIds.length >= 2, 'the parent and the council')
    for (const id of partyIds) {
      await mediator.check(`input[name=party][value="${id}"]`)
      await mediator.check('input[name=method][value=phone]')
      await mediator.fill('#note', 'Talked through how the meeting works.')
      await clickAndWait(mediator, button(mediator, 'Save contact'))
      assert.match(await flashOf(mediator), /Contact recorded/)
      await mAxe.check()
    }

    // The coordinator books the meeting (the mediator's Meeting tab says a coordinator does), for
    // Monday 7 December 2026, more than 5 working days away, at a venue with rooms.
    await clickAndWait(mediator, tab(mediator, 'Meeting'))
    await mAxe.check()
    assert.match(await textOf(mediator.locator('#who-books')), /A coordinator books the meeting/)
    await clickAndWait(page, tab(page, 'Meeting'))
    await axe.check()
    await clickAndWait(page, page.getByRole('button', { name: 'Book the meeting' }))
    await axe.check()
    // Not yet: the page says the council must be asked first, and links to where that is recorded.
    await clickAndWait(page, link(page, 'Record the invitation to the council'))
    await axe.check()
    await page.check('input[name=party][value=local-authority]')
    await page.check('input[name=how][value=email]')
    await clickAndWait(page, button(page, 'Record the invitation'))
    await axe.check()
    await clickAndWait(page, tab(page, 'Meeting'))
    await axe.check()
    await clickAndWait(page, page.getByRole('button', { name: 'Book the meeting' }))
    await axe.check()
    await page.fill('#meetingDate-day', '7')
    await page.fill('#meetingDate-month', '12')
    await page.fill('#meetingDate-year', '2026')
    await page.fill('#startTime', '10am')
    await page.fill('#endTime', '12:30pm')
    const places = await page.locator('#place option').allInnerTexts()
    await page.selectOption('#place', { label: places.find((p) => p.startsWith('Kessington Library'))! })
    await clickAndWait(page, page.locator('main form button.govuk-button'))
    await axe.check()
    assert.match(await flashOf(page), /Meeting booked/)

    // Monday 7 December: the mediator records the meeting and the agreement made there.
    t.clock.set('2026-12-07T13:00:00Z')
    const openCase = async (p: Page) => {
      await clickAndWait(p, p.locator('header, nav').getByRole('link', { name: 'Cases', exact: true }).first())
      await (p === page ? axe : mAxe).check()
      const found = p.locator('main').getByRole('link', { name: reference })
      if (!(await found.count())) assert.fail(`${reference} is not on ${p.url()}: ${await textOf(p.locator('main'))}`)
      await clickAndWait(p, found.first())
    }
    await againIfAsked(mediator, mAxe, 'mediator.demo@example.com', () => openCase(mediator))
    await mAxe.check()
    await clickAndWait(mediator, tab(mediator, 'Agreement'))
    await mAxe.check()
    await clickAndWait(mediator, link(mediator, 'Record the meeting: who came and the ground rules'))
    await mAxe.check()
    for (const rule of ['confidentiality', 'respect', 'listening', 'impartiality'])
      await mediator.check(`input[name=groundRules][value=${rule}]`)
    for (const box of await mediator.locator('input[name=attended]').all()) await box.check()
    await mediator.fill('#others', 'Nadia Ferrow, parent\nJo Bright, SEN caseworker for the council')
    await mediator.fill('#startedAt', '10:00')
    await mediator.fill('#endedAt', '12:15')
    await mediator.fill('#privateSessions', '0')
    await clickAndWait(mediator, button(mediator, 'Save the meeting record'))
    assert.match(await flashOf(mediator), /The meeting is recorded as held/)
    await mAxe.check()
    await clickAndWait(mediator, link(mediator, 'Add a point'))
    await mAxe.check()
    await mediator.locator('input[name=responsiblePartyId]').last().check()
    await mediator.fill('#responsibleName', 'Jo Bright, SEN caseworker')
    await mediator.fill('#what', 'Send Nadia a letter saying whether the council will assess Leo for speech therapy.')
    await mediator.fill('#byWhen-day', '14')
    await mediator.fill('#byWhen-month', '12')
    await mediator.fill('#byWhen-year', '2026')
    await mediator.fill('#howKnown', 'Jo emails Nadia the letter.')
    await mediator.check('input[name=appealableKind][value=none]')
    await clickAndWait(mediator, button(mediator, 'Save point'))
    await mAxe.check()
    await clickAndWait(mediator, link(mediator, 'Review the whole draft and record who accepted it'))
    await mAxe.check()
    for (const box of await mediator.locator('input[name=parties]').all()) await box.check()
    await clickAndWait(mediator, button(mediator, 'Record acceptance'))
    await mAxe.check()
    await clickAndWait(mediator, button(mediator, 'Make the agreement final'))
    await mAxe.check()
    await clickAndWait(mediator, button(mediator, 'Make final and send copies'))
    await mAxe.check()
    // The council's SEN team's address was added when the case was taken on: both parties get a copy.
    assert.match(await flashOf(mediator), /Agreement made final\. A copy is queued for 2 parties\.$/)
    mAxe.assertAllScanned()

    // The coordinator issues the certificate, which is sent to Nadia.
    await againIfAsked(page, axe, 'coordinator.demo@example.com', () => openCase(page))
    await axe.check()
    await clickAndWait(page, tab(page, 'Progress and deadlines'))
    await axe.check()
    await clickAndWait(page, nextStep('Issue the mediation certificate'))
    await axe.check()
    await clickAndWait(page, button(page, 'Issue the certificate'))
    await axe.check()
    assert.match(await flashOf(page), /Mediation certificate issued\. A copy is being sent to Nadia Ferrow by email\./)

    // Monday 14 December: the point falls due, and Today asks whether it was kept.
    t.clock.set('2026-12-14T10:00:00Z')
    await againIfAsked(page, axe, 'coordinator.demo@example.com', async () => {})
    const due = page.locator('#agreement-points-list tbody tr', { hasText: reference })
    await clickAndWait(page, due.getByRole('link').last())
    await axe.check()
    await page.check('input[name=outcome][value=kept]')
    await clickAndWait(page, button(page, 'Save'))
    await axe.check()
    assert.match(await flashOf(page), /Point 1 recorded as kept/)
    axe.assertAllScanned()

    // What was saved: the certificate went to Nadia by email, with its PDF.
    const sent = await t.database.db
      .select()
      .from(messages)
      .where(and(eq(messages.caseId, caseId), eq(messages.templateKey, 'certificate-copy')))
    assert.deepEqual(
      sent.map((m) => [m.channel, m.recipientAddress]),
      [['email', 'nadia.ferrow@example.com']],
    )
  })

  test('every public page loads with nothing missing: the icon is ours, not a 404', async () => {
    const page = await t.newPage()
    const axe = axeTracker(page)
    const missing: string[] = []
    const asked: string[] = []
    page.on('response', (res) => {
      if (res.status() === 404) missing.push(res.url())
    })
    page.on('request', (req) => asked.push(new URL(req.url()).pathname))
    for (const path of ['/', '/request']) {
      await page.goto(path)
      await axe.check()
    }
    const icon = await page.evaluate(() =>
      [...document.querySelectorAll('link[rel="icon"]')].map((l) => l.getAttribute('href')),
    )
    assert.deepEqual(icon, ['/favicon.ico', '/assets/icons/favicon.svg'])
    const ico = await page.request.get('/favicon.ico')
    assert.equal(ico.status(), 200)
    assert.deepEqual(missing, [], 'nothing the pages asked for was missing')
    axe.assertAllScanned()
  })

  test('a case reference and a status tag stay on one line in a narrow column', async () => {
    const page = await t.newPage()
    await page.goto('/')
    // The real stylesheet, on the markup Today's table and the case header use.
    const heights = await page.evaluate(() => {
      const cell = (html: string) => {
        const box = document.createElement('div')
        box.style.width = '60px'
        box.innerHTML = html
        document.body.append(box)
        const inner = box.firstElementChild as HTMLElement
        const lineHeight = parseFloat(getComputedStyle(inner).lineHeight)
        return { height: inner.getBoundingClientRect().height, lineHeight }
      }
      return {
        reference: cell('<span class="govuk-body app-nowrap">MED-2026-000015</span>'),
        tag: cell(
          '<strong class="govuk-tag govuk-tag--grey app-tag--nowrap">Asking the other parties to take part</strong>',
        ),
      }
    })
    assert.ok(heights.reference.height < heights.reference.lineHeight * 1.5, JSON.stringify(heights.reference))
    assert.ok(heights.tag.height < heights.tag.lineHeight * 2, JSON.stringify(heights.tag))
  })
})

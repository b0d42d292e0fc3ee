import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html, titleOf } from '../../../../test/helpers/html.ts'
import { bankHolidayFiles, caseDeadlines, deadlineRecomputes } from '../../../db/schema/index.ts'
import { runTask } from '../../../../test/helpers/tasks.ts'
import { shippedBankHolidays, type BankHolidayEvent } from '../../../domain/calendar.ts'
import { createCase } from '../../cases/index.ts'
import { firstCouncilId, sampleFacts } from '../../cases/testing.ts'
import { currentCalendar } from '../../settings/index.ts'

const url = '/admin/bank-holidays'
const event = (title: string, date: string): BankHolidayEvent => ({ title, date, notes: '', bunting: true })

const year2029 = [
  event('New Year’s Day', '2029-01-01'),
  event('Good Friday', '2029-03-30'),
  event('Easter Monday', '2029-04-02'),
  event('Early May bank holiday', '2029-05-07'),
  event('Invented holiday', '2029-06-15'), // a Friday
  event('Spring bank holiday', '2029-05-28'),
  event('Summer bank holiday', '2029-08-27'),
  event('Christmas Day', '2029-12-25'),
  event('Boxing Day', '2029-12-26'),
]

/** GOV.UK's format: the shipped file plus 2029, and an invented holiday on Tue 1 Sep 2026. */
function newerFile(extra2026 = true) {
  const ew = shippedBankHolidays['england-and-wales']
  const events = [...ew.events, ...year2029, ...(extra2026 ? [event('Invented 2026 holiday', '2026-09-01')] : [])]
  return JSON.stringify({ ...shippedBankHolidays, 'england-and-wales': { ...ew, events } })
}

describe('/admin/bank-holidays', () => {
  let t: TestApp
  let adminId: string
  before(async () => {
    t = await createTestApp()
    adminId = (await createStaff(t.database, 'admin@example.com', ['administrator'], 'Ada Admin')).id
    await createStaff(t.database, 'coord@example.com', ['coordinator', 'manager'], 'Cora Coordinator')
  })
  after(() => t.close())

  const admin = () => new Agent(t.app).signIn('admin@example.com')
  const summary = (body: string) =>
    Object.fromEntries(
      html({ body } as never)
        .querySelectorAll('.govuk-summary-list__row')
        .map((row) => [row.querySelector('dt')?.text.trim(), row.querySelector('dd')?.text.trim()]),
    )

  it('shows the years the shipped calendar covers, with no warning while more than 12 months remain', async () => {
    const res = await (await admin()).get(url)
    assert.equal(res.statusCode, 200)
    assert.match(titleOf(res), /^Bank holidays - /)
    assert.deepEqual(summary(res.body), {
      'Years covered': '2014 to 2040',
      'Known until': 'Sunday 31 December 2028',
      'Provisional years': '2029 to 2040',
      'Where they came from': 'The file that came with Parley',
    })
    assert.equal(html(res).querySelector('.govuk-warning-text'), null)
    assert.ok(html(res).getElementById('bankHolidays'), 'a box to paste a newer file into')
    // Every year of the table, the provisional ones marked as such.
    const rows = html(res)
      .querySelectorAll('tbody tr')
      .map((tr) => tr.querySelectorAll('td, th').map((c) => c.text.trim()))
    assert.deepEqual(
      rows.map((r) => r[0]),
      Array.from({ length: 27 }, (_, i) => String(2014 + i)),
    )
    assert.deepEqual(
      rows.filter((r) => r[1] === 'Provisional').map((r) => r[0]),
      Array.from({ length: 12 }, (_, i) => String(2029 + i)),
    )
    assert.match(rows.find((r) => r[0] === '2035')![2]!, /Monday 7 May 2035: Early May bank holiday/)
  })

  it('warns when the calendar ends within the next 12 months', async () => {
    t.clock.set('2028-01-05T10:00:00Z')
    try {
      const res = await (await admin()).get(url)
      assert.match(html(res).querySelector('.govuk-warning-text')?.text ?? '', /end on Sunday 31 December 2028/)
    } finally {
      t.clock.set('2026-11-27T10:00:00Z')
    }
  })

  it('refuses nothing pasted, text that is not JSON, and a file without England and Wales, keeping what was pasted', async () => {
    const agent = await admin()
    await agent.get(url)
    assertFormErrors(await agent.post(url, { bankHolidays: '  ' }), ['bankHolidays'])

    const notJson = '{"england-and-wales": <script>alert(1)</script>'
    const res = await agent.post(url, { bankHolidays: notJson })
    assertFormErrors(res, ['bankHolidays'])
    assert.match(html(res).querySelector('.govuk-error-summary')?.text ?? '', /The file is not valid JSON/)
    assert.equal(html(res).getElementById('bankHolidays')?.text, notJson, 'what was pasted is kept')
    assert.ok(
      res.body.includes('&lt;script&gt;alert(1)&lt;/script&gt;') && !res.body.includes('<script>alert(1)'),
      'and escaped',
    )

    const scotlandOnly = JSON.stringify({ scotland: shippedBankHolidays['england-and-wales'] })
    const noDivision = await agent.post(url, { bankHolidays: scotlandOnly })
    assertFormErrors(noDivision, ['bankHolidays'])
    assert.match(html(noDivision).querySelector('.govuk-error-summary')?.text ?? '', /no "england-and-wales" section/)
    assert.equal(html(noDivision).getElementById('bankHolidays')?.text, scotlandOnly)
    assert.equal((await t.database.db.select().from(bankHolidayFiles)).length, 0)
  })

  it('refuses a file that would shorten the calendar', async () => {
    const ew = shippedBankHolidays['england-and-wales']
    const shorter = JSON.stringify({
      'england-and-wales': { ...ew, events: ew.events.filter((e) => e.date < '2028-01-01') },
    })
    const agent = await admin()
    await agent.get(url)
    const res = await agent.post(url, { bankHolidays: shorter })
    assertFormErrors(res, ['bankHolidays'])
    assert.match(
      html(res).querySelector('.govuk-error-summary')?.text ?? '',
      /bank holidays up to 2027, but the calendar Parley uses now goes up to 2028\. Using it would shorten the calendar/,
    )
    assert.equal(html(res).getElementById('bankHolidays')?.text, shorter)
    assert.equal((await t.database.db.select().from(bankHolidayFiles)).length, 0)
  })

  it('refuses a file too large to read, with a clear message', async () => {
    const agent = await admin()
    await agent.get(url)
    const res = await agent.post(url, { bankHolidays: 'x'.repeat(1_100_000) })
    assert.equal(res.statusCode, 413)
    assert.match(html(res).querySelector('main')?.text ?? '', /larger than 1 MB/)
  })

  it('leaves other failures, such as a form without its token, to the app’s own error page', async () => {
    const agent = await admin()
    await agent.get(url)
    const res = await agent.post(url, { _csrf: 'forged', bankHolidays: newerFile() })
    assert.equal(res.statusCode, 403)
    assert.match(html(res).querySelector('main')?.text ?? '', /This form has expired/)
    assert.equal((await t.database.db.select().from(bankHolidayFiles)).length, 0)
  })

  it('uses a newer file: the calendar goes further, its holidays count, and open cases’ deadlines move', async () => {
    // 2 months from 10 Jun 2026 is 10 Aug 2026, in August: the appeal deadline is the first working day of September.
    const facts = sampleFacts()
    const made = await createCase(t.database.db, t.clock, {
      localAuthorityId: await firstCouncilId(t.database),
      facts: { ...facts, decision: { kind: 'refuse-amend', letterDate: '2026-06-10' } },
      channel: 'online',
      actor: { label: 'The person asking for help' },
    })
    const appealDue = async () =>
      (
        await t.database.db
          .select()
          .from(caseDeadlines)
          .where(and(eq(caseDeadlines.caseId, made.id), eq(caseDeadlines.name, 'appeal')))
      )[0]?.dueDate
    assert.equal(await appealDue(), '2026-09-01')
    assert.equal((await currentCalendar(t.database.db)).isWorkingDay('2029-06-15'), true)

    const agent = await admin()
    await agent.get(url)
    assertRedirect(await agent.post(url, { bankHolidays: newerFile() }), url)

    const calendar = await currentCalendar(t.database.db)
    assert.equal(calendar.publishedUntilYear, 2029)
    assert.equal(calendar.coveredUntilYear, 2040)
    assert.equal(calendar.isWorkingDay('2029-06-15'), false)
    assert.equal(calendar.isWorkingDay('2026-09-01'), false)
    // The deadlines are worked out again by a job, which the upload asked for.
    assert.deepEqual(
      (await t.database.db.select().from(deadlineRecomputes)).map((r) => [r.reason, r.requestedBy, r.finishedAt]),
      [['bank-holidays', adminId, null]],
    )
    await runTask(t, 'recompute-deadlines')
    assert.equal(await appealDue(), '2026-09-02', 'the invented holiday on 1 Sep 2026 moves the deadline')
    const [row] = await t.database.db.select().from(bankHolidayFiles)
    assert.equal(row?.uploadedBy, adminId)
    assert.equal(row?.coveredUntilYear, '2029')

    const page = await agent.get(url)
    assert.match(
      html(page).querySelector('.govuk-notification-banner')?.text ?? '',
      /The calendar now has published bank holidays from 2014 to 2029, and provisional ones to 2040\./,
    )
    assert.match(
      html(page).getElementById('recompute-status')?.text ?? '',
      /last worked out again on .*new bank holidays/,
    )
    assert.deepEqual(summary(page.body), {
      'Years covered': '2014 to 2040',
      'Known until': 'Monday 31 December 2029',
      'Provisional years': '2030 to 2040',
      'Where they came from': 'Uploaded by Ada Admin on Friday 27 November 2026 at 10am',
    })
  })

  it('keeps the earlier years a newer GOV.UK file no longer lists, and the newest upload is the calendar', async () => {
    const ew = shippedBankHolidays['england-and-wales']
    const from2024 = JSON.stringify({
      'england-and-wales': { ...ew, events: [...ew.events, ...year2029].filter((e) => e.date >= '2024-01-01') },
    })
    const agent = await admin()
    await agent.get(url) // the same fixed time as the upload before: this one must still be the newer
    assertRedirect(await agent.post(url, { bankHolidays: from2024 }), url)
    const calendar = await currentCalendar(t.database.db)
    assert.equal(calendar.coveredFromYear, 2014)
    assert.equal(calendar.publishedUntilYear, 2029)
    assert.equal(
      calendar.isWorkingDay('2026-09-01'),
      true,
      'the invented 2026 holiday is gone: this file is the calendar now',
    )
    assert.equal(calendar.isWorkingDay('2019-12-26'), false, 'Boxing Day 2019 is kept from before')
    assert.match(
      html(await agent.get(url)).querySelector('.govuk-notification-banner')?.text ?? '',
      /2014 to 2023 kept from the previous calendar/,
    )
  })

  it('refuses a file that starts after the calendar ends, leaving a gap', async () => {
    const gap = JSON.stringify({
      'england-and-wales': { division: 'england-and-wales', events: [event('New Year’s Day', '2031-01-01')] },
    })
    const agent = await admin()
    await agent.get(url)
    const res = await agent.post(url, { bankHolidays: gap })
    assertFormErrors(res, ['bankHolidays'])
    assert.match(res.body, /the bank holidays for 2030 would be missing/)
  })

  it('refuses a coordinator', async () => {
    const agent = await new Agent(t.app).signIn('coord@example.com')
    assert.equal((await agent.get(url)).statusCode, 403)
    assert.equal((await agent.post(url, { bankHolidays: newerFile() })).statusCode, 403)
  })

  it('sends someone not signed in to sign in', async () => {
    assertRedirect(await new Agent(t.app).get(url), '/sign-in?next=%2Fadmin%2Fbank-holidays')
  })
})

import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { html } from '../../../../test/helpers/html.ts'
import { cases } from '../../../db/schema/index.ts'
import { firstCouncilId, sampleFacts } from '../testing.ts'

const referencesIn = (body: ReturnType<typeof html>) =>
  body.querySelectorAll('tbody tr td:first-child a').map((a) => a.text.trim())

describe('a long case list at /cases (more than 1,000 cases)', () => {
  let t: TestApp
  let coordinator: Agent
  /** The references, newest first, as the list shows them. */
  let newestFirst: string[]
  const total = 1060

  before(async () => {
    t = await createTestApp()
    await createStaff(t.database, 'coordinator@example.com', ['coordinator'])
    const council = await firstCouncilId(t.database)
    // Many cases at once, as an import would add them: 1,060 children called Robin Longlist (or a
    // near spelling), received over many days, several on each day.
    const rows = Array.from({ length: total }, (_, i) => {
      const n = i + 1
      const day = new Date(Date.UTC(2020, 0, 1 + Math.floor(i / 3))).toISOString().slice(0, 10)
      return {
        reference: `MED-2020-${String(n).padStart(6, '0')}`,
        localAuthorityId: council,
        status: n % 10 === 0 ? 'closed' : 'enquiry',
        channel: 'online',
        receivedOn: day,
        childName: n % 2 ? 'Robin Longlist' : 'Robyn Longlist',
        childDateOfBirth: '2015-03-14',
        childSetting: 'Oakwood Primary School',
        childPostcode: 'WA1 1AA',
        ehcStatus: 'has-plan',
        request: sampleFacts({ childName: 'Robin Longlist' }),
        createdAt: new Date(Date.UTC(2020, 0, 1, 0, 0, n)),
      }
    })
    await t.database.db.insert(cases).values(rows)
    newestFirst = rows
      .toSorted(
        (a, b) =>
          b.receivedOn.localeCompare(a.receivedOn) ||
          b.createdAt.getTime() - a.createdAt.getTime() ||
          b.reference.localeCompare(a.reference),
      )
      .map((r) => r.reference)
    coordinator = await new Agent(t.app).signIn('coordinator@example.com')
  })
  after(() => t.close())

  const page = async (url: string) => {
    const res = await coordinator.get(url)
    assert.equal(res.statusCode, 200, url)
    return html(res)
  }
  const hrefOf = (doc: ReturnType<typeof html>, selector: string) =>
    doc.querySelector(selector)?.getAttribute('href') ?? undefined

  it('counts up to 1,000 and says "more than 1,000" past it', async () => {
    const first = await page('/cases')
    assert.match(first.getElementById('results-count')!.text, /Showing 1 to 25 of more than 1,000 cases/)
    assert.deepEqual(referencesIn(first), newestFirst.slice(0, 25))
    // Filtered to fewer than 1,000: an exact count, numbered pages.
    const closed = await page('/cases?status=closed')
    assert.match(closed.getElementById('results-count')!.text, /Showing 1 to 25 of 106 cases/)
    assert.equal(closed.querySelectorAll('.govuk-pagination__item').at(-1)?.text.trim(), '5')
  })

  it('pages on after the last case of a page, and back before the first, with first, previous and next links', async () => {
    const first = await page('/cases')
    const next = hrefOf(first, '.govuk-pagination__next a')!
    assert.equal(next, `/cases?after=${newestFirst[24]}&page=2`)
    assert.equal(first.querySelector('.govuk-pagination__prev'), null)

    const second = await page(next)
    assert.deepEqual(referencesIn(second), newestFirst.slice(25, 50))
    assert.match(second.getElementById('results-count')!.text, /Showing 26 to 50 of more than 1,000 cases/)
    assert.equal(hrefOf(second, '.govuk-pagination__prev a'), '/cases', 'back to the first page')
    assert.equal(second.querySelector('.govuk-pagination__item--current')?.text.trim(), '2')

    const third = await page(hrefOf(second, '.govuk-pagination__next a')!)
    assert.deepEqual(referencesIn(third), newestFirst.slice(50, 75))
    const back = hrefOf(third, '.govuk-pagination__prev a')!
    assert.equal(back, `/cases?before=${newestFirst[50]}&page=2`)
    assert.deepEqual(referencesIn(await page(back)), newestFirst.slice(25, 50))
    const numbers = third.querySelectorAll('.govuk-pagination__item').map((li) => li.text.trim())
    assert.deepEqual(numbers, ['1', '2', '3', '4', '⋯'])
    assert.equal(third.querySelector('.govuk-pagination__item a')?.getAttribute('href'), '/cases')
  })

  it('reads a page deep in the list as quickly as the first: after a row, whatever the page', async () => {
    const deep = newestFirst[999]!
    const doc = await page(`/cases?after=${deep}&page=41`)
    assert.deepEqual(referencesIn(doc), newestFirst.slice(1000, 1025))
    assert.match(doc.getElementById('results-count')!.text, /Showing 1,001 to 1,025|Showing 1001 to 1025/)
    const last = await page(`/cases?after=${newestFirst[total - 3]}&page=43`)
    assert.deepEqual(referencesIn(last), newestFirst.slice(total - 2))
    assert.equal(last.querySelector('.govuk-pagination__next'), null, 'nothing after the last case')
  })

  it('keeps the filters and the sort in the page links, and pages a sorted list the same way', async () => {
    const byReference = await page('/cases?sort=reference&order=asc')
    const next = hrefOf(byReference, '.govuk-pagination__next a')!
    assert.equal(next, '/cases?sort=reference&order=asc&after=MED-2020-000025&page=2')
    assert.equal(referencesIn(await page(next))[0], 'MED-2020-000026')
    // Fewer than 1,000 open cases: pages by number, as a short list does.
    const open = await page('/cases?status=enquiry&sort=reference&order=desc')
    assert.equal(hrefOf(open, '.govuk-pagination__next a'), '/cases?status=enquiry&sort=reference&order=desc&page=2')
  })

  it('reads a page number past the numbered pages as the last of them, and ignores a cursor that is not a reference', async () => {
    const far = await page('/cases?page=500')
    assert.equal(referencesIn(far).length, 25)
    assert.match(far.getElementById('results-count')!.text, /Showing 1,001 to 1,025|Showing 1001 to 1025/)
    const odd = await page('/cases?after=not-a-reference')
    assert.deepEqual(referencesIn(odd), newestFirst.slice(0, 25))
  })

  it('finds a name more than 1,000 children share, best match first and newest first, in pages', async () => {
    const doc = await page('/cases?q=Robin+Longlist')
    assert.match(doc.getElementById('results-count')!.text, /of more than 1,000 cases, best match first/)
    const robins = newestFirst.filter((ref) => Number(ref.slice(-6)) % 2 === 1)
    assert.deepEqual(referencesIn(doc), robins.slice(0, 25), 'the exact spelling first, newest first')
    const next = hrefOf(doc, '.govuk-pagination__next a')!
    assert.equal(next, '/cases?q=Robin+Longlist&page=2')
    assert.deepEqual(referencesIn(await page(next)), robins.slice(25, 50))
    const few = await page('/cases?q=Robin+Longlist&status=closed')
    assert.match(few.getElementById('results-count')!.text, /of 106 cases/)
  })
})

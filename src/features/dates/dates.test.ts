import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { assertFormErrors, html, titleOf } from '../../../test/helpers/html.ts'

const query = (answers: Record<string, string>) => `/dates/result?${new URLSearchParams(answers)}`
const letter = { 'letter-day': '19', 'letter-month': '10', 'letter-year': '2026' }
const paragraphs = (body: string) =>
  html({ body } as never)
    .querySelectorAll('main p')
    .map((p) => p.text.replace(/\s+/g, ' ').trim())

describe('/dates: work out your dates', () => {
  let t: TestApp
  before(async () => (t = await createTestApp({ now: '2027-01-05T10:00:00Z' })))
  after(() => t.close())
  const get = (url: string) => t.app.inject({ method: 'GET', url })

  it('asks for the letter date and what has happened, and the start page links to it', async () => {
    const res = await get('/dates')
    assert.equal(res.statusCode, 200)
    assert.match(titleOf(res), /^Work out your dates/)
    const doc = html(res)
    for (const id of ['letter-day', 'letter-month', 'letter-year', 'stage', 'when-day', 'when-month', 'when-year'])
      assert.ok(doc.getElementById(id), id)
    assert.deepEqual(
      doc.querySelectorAll('input[name="stage"]').map((r) => r.getAttribute('value')),
      ['nothing', 'contacted', 'declined', 'mediated', 'certificate'],
    )
    assert.equal(doc.querySelector('form')?.getAttribute('method'), 'get')
    assert.ok(html(await get('/')).querySelector('a[href="/dates"]'), 'linked from the start page')
  })

  it('works out the worked example in rules.md for a parent who declined mediation', async () => {
    const res = await get(
      query({ ...letter, stage: 'declined', 'when-day': '18', 'when-month': '12', 'when-year': '2026' }),
    )
    assert.equal(res.statusCode, 200, res.body)
    assert.match(titleOf(res), /^Your dates/)
    const text = paragraphs(res.body)
    assert.ok(
      text.includes('We must give you your mediation certificate by Wednesday 23 December 2026.'),
      text.join('\n'),
    )
    assert.ok(
      text.some((p) =>
        p.startsWith('This is 3 working days after you told us you do not want mediation, on Friday 18 December 2026.'),
      ),
    )
    assert.ok(
      text.includes(
        'If you get your certificate on Wednesday 23 December 2026, the last day to appeal will be Monday 25 January 2027.',
      ),
    )
    assert.ok(text.includes('You have until at least Monday 21 December 2026 to appeal to the SEND Tribunal.'))
    assert.match(res.body, /Saturday 19 December 2026 is a weekend, so the last day moves to Monday 21 December 2026\./)
    assert.match(res.body, /does not affect your right to appeal/)
    assert.match(res.body, /This is a guide/)
    assert.match(
      res.body,
      /call us on <a class="govuk-link" href="tel:03330062835">03330 062 835<\/a>\. We are open Monday to Friday, 9am to 6pm\./,
    )
  })

  it('gives the appeal deadline plainly once the certificate is issued, with the rule behind it', async () => {
    const res = await get(
      query({ ...letter, stage: 'certificate', 'when-day': '23', 'when-month': '12', 'when-year': '2026' }),
    )
    assert.equal(res.statusCode, 200)
    const text = paragraphs(res.body)
    assert.ok(text.includes('The last day to appeal to the SEND Tribunal is Monday 25 January 2027.'), text.join('\n'))
    assert.ok(
      text.includes(
        "This is the later of 2 dates: 2 months after the date on the council's letter (Saturday 19 December 2026), and 1 month after the date on your certificate (Saturday 23 January 2027). Saturday 23 January 2027 is a weekend, so the last day moves to Monday 25 January 2027.",
      ),
      text.join('\n'),
    )
    assert.ok(!res.body.includes('This date has passed'))
  })

  it('says when to contact the adviser when nothing has happened yet, and warns when dates have passed', async () => {
    t.clock.set('2026-11-27T10:00:00Z')
    const fresh = paragraphs((await get(query({ ...letter, stage: 'nothing' }))).body)
    assert.ok(fresh.includes('You must contact a mediation adviser by Saturday 19 December 2026.'), fresh.join('\n'))
    assert.ok(fresh.includes("This is 2 months after the date on the council's letter."))
    t.clock.set('2027-01-05T10:00:00Z')
    const late = await get(query({ ...letter, stage: 'nothing' }))
    assert.match(late.body, /This date has passed\. Contact us as soon as you can\./)
    assert.match(late.body, /You may still be able to ask the Tribunal to accept a late appeal/)
    const contacted = paragraphs((await get(query({ ...letter, stage: 'contacted' }))).body)
    assert.ok(contacted.includes('You have done this.'))
    assert.ok(!contacted.some((p) => p.startsWith('You must contact')))
  })

  it('warns when a date is past the bank holidays we know', async () => {
    t.clock.set('2028-12-10T10:00:00Z')
    const res = await get(query({ 'letter-day': '1', 'letter-month': '12', 'letter-year': '2028', stage: 'nothing' }))
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /We only know the bank holidays up to the end of 2028\. A date after that might change\./)
    const earlier = await get(query({ ...letter, stage: 'nothing' }))
    assert.doesNotMatch(earlier.body, /We only know the bank holidays/)
    t.clock.set('2027-01-05T10:00:00Z')
  })

  it('says what is wrong, keeping what was typed, escaped', async () => {
    const empty = await get(query({}))
    assertFormErrors(empty, ['letter-day', 'stage'])
    assert.match(empty.body, /Enter the date on the council&#39;s letter|Enter the date on the council's letter/)
    assert.match(empty.body, /Select what you have done so far/)

    const future = await get(
      query({ 'letter-day': '6', 'letter-month': '1', 'letter-year': '2027', stage: 'declined' }),
    )
    assertFormErrors(future, ['letter-day', 'when-day'])

    const typed = await get(
      query({
        'letter-day': '<script>alert(1)</script>',
        'letter-month': '10',
        'letter-year': '2026',
        stage: 'mediated',
        'when-day': '1',
        'when-month': '9',
        'when-year': '2026',
      }),
    )
    assertFormErrors(typed, ['letter-day']) // the mediation date is checked against the letter once that is right
    assert.ok(!typed.body.includes('<script>alert(1)'))
    assert.equal(html(typed).getElementById('letter-day')?.getAttribute('value'), '<script>alert(1)</script>')
    assert.equal(html(typed).querySelector('input[name="stage"][value="mediated"]')?.hasAttribute('checked'), true)

    const before = await get(
      query({ ...letter, stage: 'certificate', 'when-day': '1', 'when-month': '10', 'when-year': '2026' }),
    )
    assertFormErrors(before, ['when-day'])
    assert.match(before.body, /must be the same as or after the date on the council/)

    const unknown = await get(`${query({ ...letter, stage: 'nothing' })}&extra=1`)
    assert.equal(unknown.statusCode, 400)
  })

  it('lets people change their answers, with the form filled in again', async () => {
    const answers = { ...letter, stage: 'declined', 'when-day': '18', 'when-month': '12', 'when-year': '2026' }
    const result = await get(query(answers))
    const change = html(result).querySelector('.govuk-summary-card a')?.getAttribute('href') ?? ''
    assert.equal(change.split('?')[0], '/dates')
    const form = html(await get(change.replace(/&amp;/g, '&')))
    assert.equal(form.getElementById('letter-year')?.getAttribute('value'), '2026')
    assert.equal(form.getElementById('when-day')?.getAttribute('value'), '18')
    assert.equal(form.querySelector('input[name="stage"][value="declined"]')?.hasAttribute('checked'), true)
  })
})

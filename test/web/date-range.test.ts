// A date outside the range the calendar supports gets 400 naming the field and the range, on the
// forms and in the API; never a 500. The range starts at the SEND reforms (1 September 2014),
// 25 years earlier for a date of birth, and ends with the calendar's last year.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../helpers/app.ts'
import { html } from '../helpers/html.ts'
import { api, issueToken } from '../../src/features/api/test-kit.ts'

const range = 'must be between Monday 1 September 2014 and Monday 31 December 2040'

describe('dates outside the range the calendar supports', () => {
  let t: TestApp
  let token: string
  before(async () => {
    t = await createTestApp()
    ;({ token } = await issueToken(t))
  })
  after(() => t.close())

  it('are refused on a form, naming the field and the range', async () => {
    for (const year of ['9999', '0001', '2013']) {
      const res = await t.app.inject({
        method: 'GET',
        url: `/dates/result?letter-day=31&letter-month=10&letter-year=${year}&stage=nothing`,
      })
      assert.equal(res.statusCode, 400, `${year}: ${res.statusCode}`)
      const summary = html(res).querySelector('.govuk-error-summary')!.text
      assert.match(summary, new RegExp(`The date on the council's letter ${range}`), summary)
      assert.equal(html(res).querySelector('.govuk-error-summary a')?.getAttribute('href'), '#letter-day')
    }
    const zero = await t.app.inject({
      method: 'GET',
      url: '/dates/result?letter-day=1&letter-month=1&letter-year=0000',
    })
    assert.equal(zero.statusCode, 400)
    assert.match(html(zero).querySelector('.govuk-error-summary')!.text, /must be a real date/)
  })

  it('are refused by the API, naming the field and the range', async () => {
    for (const date of ['9999-10-31', '0001-01-01', '0000-01-01', '2014-08-31', '2041-01-01']) {
      const res = await api(t, token).post('/api/v1/deadlines', { events: [{ type: 'decision-letter-sent', date }] })
      assert.equal(res.statusCode, 400, `${date}: ${res.body}`)
      assert.deepEqual(res.json().fields, { 'events.0.date': `The date ${range}` }, date)
    }
    const first = await api(t, token).post('/api/v1/deadlines', {
      events: [{ type: 'decision-letter-sent', date: '2014-09-01' }],
      today: '2040-12-31',
    })
    assert.equal(first.statusCode, 200, first.body)
    const today = await api(t, token).post('/api/v1/deadlines', { events: [], today: '9999-12-31' })
    assert.deepEqual(today.json().fields, { today: `The date ${range}` })
  })

  it('allow a date of birth up to 25 years before the SEND reforms', async () => {
    const enquiry = (dateOfBirth: string) =>
      api(t, token).post('/api/v1/enquiries', {
        channel: 'phone',
        requester: { role: 'young-person', name: 'Dana Example' },
        child: { name: 'Dana Example', dateOfBirth, setting: 'Warrington College', postcode: 'WA1 1AA' },
        ehcStatus: 'has-plan',
        areas: ['provision'],
        otherParties: [],
        whatHappened: 'The college is not giving the support in the plan.',
        contact: { methods: ['phone'], phone: '01632 960 001' },
      })
    const tooEarly = await enquiry('1989-08-31')
    assert.equal(tooEarly.statusCode, 400)
    assert.deepEqual(Object.keys(tooEarly.json().fields), ['child.dateOfBirth'])
    assert.match(tooEarly.json().fields['child.dateOfBirth'], /between Friday 1 September 1989 and/)
    const earliest = await enquiry('1989-09-01')
    assert.notEqual(earliest.statusCode, 500)
    assert.equal(earliest.json().fields?.['child.dateOfBirth'], undefined, earliest.body)
  })
})

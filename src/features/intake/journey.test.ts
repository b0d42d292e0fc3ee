// The whole journey: check your answers, changing an answer, sending once however many times
// the form is posted, and the confirmation.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { eq } from 'drizzle-orm'
import { caseEvents, caseParties, cases } from '../../db/schema/index.ts'
import { Agent } from '../../../test/helpers/agent.ts'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { assertRedirect, html } from '../../../test/helpers/html.ts'
import { formatDate } from '../../web/format.ts'
import { walkTo } from './test-kit.ts'

let t: TestApp
before(async () => {
  t = await createTestApp() // Friday 27 November 2026, 10am
})
after(() => t.close())

const keyOn = (body: string) =>
  /name="submissionKey" value="([^"]+)"/.exec(body)?.[1] ?? assert.fail('no submission key on the page')
const casesWithKey = (key: string) => t.database.db.select().from(cases).where(eq(cases.submissionKey, key))

async function atCheckPage(changes = {}) {
  const agent = new Agent(t.app)
  await walkTo(agent, '/request/check', changes)
  const page = await agent.get('/request/check')
  assert.equal(page.statusCode, 200)
  return { agent, page, key: keyOn(page.body) }
}

describe('check your answers', () => {
  test('lists every answer with a link to change it', async () => {
    const { page } = await atCheckPage()
    const doc = html(page)
    assert.equal(doc.querySelector('h1')?.text.trim(), 'Check your answers before sending your request')
    const rows = Object.fromEntries(
      doc.querySelectorAll('.govuk-summary-list__row').map((r) => [
        r.querySelector('.govuk-summary-list__key')!.text.trim(),
        {
          value: r.querySelector('.govuk-summary-list__value')!.text.trim(),
          change: r.querySelector('.govuk-summary-list__actions a')?.getAttribute('href'),
        },
      ]),
    )
    assert.deepEqual(rows['Who is asking'], { value: 'Parent or carer', change: '/request' })
    assert.deepEqual(rows['Date of birth'], { value: formatDate('2015-05-03'), change: '/request/child' })
    assert.match(rows['Home postcode']!.value, /WA1 1AB\s*In the Warrington Borough Council area/)
    assert.match(rows['The decision']!.value, /Letter dated Monday,? 2 November 2026/)
    assert.match(rows['Who it is with']!.value, /The local authority \(council\): Warrington Borough Council/)
    assert.match(rows['How to contact you']!.value, /Email: pat@example.com.*Phone call: 07700 900 982/s)
    assert.equal(rows['Help to take part']!.value, 'An interpreter (Polish)')
    assert.equal(rows['Permission given by'], undefined, 'a parent needs no permission')
  })

  test('a date of birth over 25 years ago is warned about, and the request can still be sent', async () => {
    const plain = html((await atCheckPage()).page)
    assert.equal(plain.getElementById('over-age'), null, 'a child of 11: nothing to say')
    const { page } = await atCheckPage({
      '/request/child': {
        childName: 'Sam Example',
        'dateOfBirth-day': '3',
        'dateOfBirth-month': '5',
        'dateOfBirth-year': '1995',
        setting: 'None',
      },
    })
    assert.equal(
      html(page).getElementById('over-age')!.text.trim(),
      'This date of birth means they are 31. The service is for children and young people up to the age of 25: check the date of birth. You can still send your request if it is right.',
    )
    // The send button is there, with no error: it is a warning (sending itself is rate limited, and tested below).
    assert.equal(html(page).querySelector('.govuk-error-summary'), null)
    assert.ok(html(page).querySelector('form button'))
  })

  test('a change goes back to the page, then returns to check your answers', async () => {
    const { agent } = await atCheckPage()
    const page = await agent.get('/request/child')
    assert.equal(html(page).querySelector('.govuk-back-link')?.getAttribute('href'), '/request/check')
    assertRedirect(
      await agent.submit('/request/child', {
        childName: 'Sam Changed',
        'dateOfBirth-day': '3',
        'dateOfBirth-month': '5',
        'dateOfBirth-year': '2015',
        setting: 'Oak',
      }),
      '/request/check',
    )
    assert.match((await agent.get('/request/check')).body, /Sam Changed/)
  })

  test('changing the postcode shows the council again, then returns', async () => {
    const { agent } = await atCheckPage()
    assertRedirect(await agent.submit('/request/postcode', { postcode: 'wa2 7aa' }), '/request/council')
    assert.match((await agent.get('/request/council')).body, /href="\/request\/check" role="button"/)
    assert.match((await agent.get('/request/check')).body, /WA2 7AA\s*<br>In the Warrington Borough Council area/)
    // A postcode in no council's area: the council is asked, and the answer returns to the check page.
    assertRedirect(await agent.submit('/request/postcode', { postcode: 'M1 1AE' }), '/request/council')
    assert.equal((await agent.get('/request/check')).statusCode, 303, 'the council must be answered first')
    assertRedirect(await agent.submit('/request/council', { council: 'none' }), '/request/check')
    const check = await agent.get('/request/check')
    assert.match(check.body, /Not in the area of a council we work for/)
    assert.match(check.body, /Our service may not be free for this postcode/)
  })

  test('a change that needs more answers asks for them before returning', async () => {
    const { agent } = await atCheckPage()
    assertRedirect(await agent.submit('/request', { role: 'health-social-care' }), '/request/your-name')
    assertRedirect(
      await agent.submit('/request/your-name', { name: 'Dr Lee', organisation: 'Community paediatrics' }),
      '/request/permission',
    )
    assertRedirect(await agent.submit('/request/permission', { permission: 'yes' }), '/request/permission-details')
    assertRedirect(
      await agent.submit('/request/permission-details', {
        givenBy: 'Pat Example',
        'givenOn-day': '1',
        'givenOn-month': '11',
        'givenOn-year': '2026',
        parentName: 'Pat Example',
      }),
      '/request/check',
    )
    assert.match((await agent.get('/request/check')).body, /Pat Example, on Sunday,? 1 November 2026/)
  })

  test('a name is shown as text, never as markup', async () => {
    const xss = '<script>alert(1)</script>'
    const { page } = await atCheckPage({ '/request/your-name': { name: xss } })
    assert.ok(!page.body.includes(xss), 'the name was not escaped')
    assert.match(page.body, /&(lt|#60);script&(gt|#62);alert\(1\)&(lt|#60);\/script&(gt|#62);/)
    assert.equal(
      html(page)
        .querySelectorAll('script')
        .filter((s) => s.text.includes('alert')).length,
      0,
    )
  })
})

describe('sending', () => {
  test('makes a case and shows its reference and when we will reply', async () => {
    const { agent, key } = await atCheckPage()
    assertRedirect(await agent.post('/request/check', { submissionKey: key }), '/request/confirmation')
    const res = await agent.get('/request/confirmation')
    assert.equal(res.statusCode, 200)
    const reference = html(res).querySelector('.govuk-panel__body strong')?.text.trim() ?? ''
    assert.match(reference, /^MED-\d{4}-\d{6}$/)
    assert.match(res.body, /contact you by <strong>Monday,? 30 November 2026<\/strong>/) // Friday: the next working day is Monday
    assert.match(res.body, /our service is free for people who live in the Warrington Borough Council area/)
    assert.match(res.body, /does not affect your right to appeal to the SEND Tribunal/)
    assert.match(res.body, /voluntary/)

    const [made, ...others] = await casesWithKey(key)
    assert.equal(others.length, 0)
    assert.equal(made!.reference, reference)
    assert.equal(made!.channel, 'online')
    assert.equal(made!.childPostcode, 'WA1 1AB')
    const events = await t.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, made!.id))
    // An appealable decision with a letter date starts the statutory clocks too.
    assert.deepEqual(
      events.map((e) => [e.type, e.actorLabel]),
      [
        ['enquiry-received', 'The person asking for help'],
        ['decision-letter-sent', 'The person asking for help'],
        ['adviser-contacted', 'The person asking for help'],
      ],
    )

    // The answers are gone from the session.
    assertRedirect(await agent.get('/request/check'), '/request')
    assert.equal(html(await agent.get('/request')).querySelector('input[name="role"][checked]'), null)
  })

  test('sending twice makes one case and shows the same confirmation', async () => {
    const { agent, key } = await atCheckPage()
    assertRedirect(await agent.post('/request/check', { submissionKey: key }), '/request/confirmation')
    const first = html(await agent.get('/request/confirmation')).querySelector('.govuk-panel__body strong')?.text
    assertRedirect(await agent.post('/request/check', { submissionKey: key }), '/request/confirmation')
    const second = html(await agent.get('/request/confirmation')).querySelector('.govuk-panel__body strong')?.text
    assert.equal(second, first)
    assert.equal((await casesWithKey(key)).length, 1)
  })

  test('sending twice at the same moment makes one case', async () => {
    const { agent, key } = await atCheckPage()
    const before = (await t.database.db.select({ id: cases.id }).from(cases)).length
    const [a, b] = await Promise.all([
      agent.post('/request/check', { submissionKey: key }),
      agent.post('/request/check', { submissionKey: key }),
    ])
    assertRedirect(a!, '/request/confirmation')
    assertRedirect(b!, '/request/confirmation')
    assert.equal((await casesWithKey(key)).length, 1)
    assert.equal((await t.database.db.select({ id: cases.id }).from(cases)).length, before + 1)
    assert.match(
      html(await agent.get('/request/confirmation')).querySelector('.govuk-panel__body strong')?.text ?? '',
      /^MED-\d{4}-\d{6}$/,
    )
  })

  test('someone asking for a family records who they are and the parent', async () => {
    const { agent, key } = await atCheckPage({
      '/request': { role: 'school' },
      '/request/your-name': { name: 'Jo Teacher', organisation: 'Oak Tree Primary School' },
    })
    assertRedirect(await agent.post('/request/check', { submissionKey: key }), '/request/confirmation')
    const [made] = await casesWithKey(key)
    const parties = await t.database.db.select().from(caseParties).where(eq(caseParties.caseId, made!.id))
    const roles = parties.map((p) => [p.role, p.name, p.isRequester])
    assert.deepEqual(roles.slice(0, 2), [
      ['referrer', 'Jo Teacher', true],
      ['parent', 'Pat Example', false],
    ])
    assert.deepEqual((made!.request as { permission?: unknown }).permission, {
      givenBy: 'Pat Example',
      givenOn: '2026-11-20',
    })
  })

  test('a form from an old page does not send', async () => {
    const { agent } = await atCheckPage()
    assertRedirect(await agent.post('/request/check', { submissionKey: 'not-the-key' }), '/request/check')
  })

  test('a post without its one-time key is refused, sending nothing', async () => {
    const { agent } = await atCheckPage()
    const before = (await t.database.db.select({ id: cases.id }).from(cases)).length
    const res = await agent.post('/request/check', {})
    assert.equal(res.statusCode, 400)
    assert.match(html(res).querySelector('title')?.text ?? '', /^Error: /)
    assert.match(html(res).querySelector('.govuk-error-summary')?.text ?? '', /This form is out of date/)
    assert.equal(html(res).querySelector('h1')?.text.trim(), 'Check your answers before sending your request')
    assert.equal((await t.database.db.select({ id: cases.id }).from(cases)).length, before)
  })

  test('an unknown field is refused', async () => {
    const { agent, key } = await atCheckPage()
    const res = await agent.post('/request/check', { submissionKey: key, status: 'closed' })
    assert.equal(res.statusCode, 400)
    assert.equal((await casesWithKey(key)).length, 0)
  })

  test('a post without the form token is refused', async () => {
    const { agent, key } = await atCheckPage()
    const res = await agent.post('/request/check', { _csrf: '', submissionKey: key })
    assert.equal(res.statusCode, 403)
    assert.equal((await casesWithKey(key)).length, 0)
    const question = await agent.post('/request', { _csrf: 'forged', role: 'parent' })
    assert.equal(question.statusCode, 403)
  })
})

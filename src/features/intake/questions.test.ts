// Every question page: it renders, refuses a wrong answer the GOV.UK way (keeping what was
// typed), and moves on with a right one.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { Agent } from '../../../test/helpers/agent.ts'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html, titleOf } from '../../../test/helpers/html.ts'
import { walkTo, type Fields } from './test-kit.ts'

let t: TestApp
before(async () => {
  t = await createTestApp() // Friday 27 November 2026
})
after(() => t.close())

const professional = {
  '/request': { role: 'school' },
  '/request/your-name': { name: 'Jo Teacher', organisation: 'Oak Tree Primary School' },
}

interface PageCase {
  path: string
  /** Answers that lead here instead of the good ones. */
  via?: Record<string, Fields>
  heading: string
  invalid: Fields
  errors: string[]
  messages?: string[]
  valid: Fields
  next: string
}

const pages: PageCase[] = [
  {
    path: '/request',
    heading: 'Who is asking for help?',
    invalid: {},
    errors: ['role'],
    messages: ['Select who is asking for help'],
    valid: { role: 'parent' },
    next: '/request/your-name',
  },
  {
    path: '/request/your-name',
    heading: 'What is your name?',
    invalid: { name: ' ' },
    errors: ['name'],
    messages: ['Enter your full name'],
    valid: { name: 'Pat Example' },
    next: '/request/child',
  },
  {
    path: '/request/your-name',
    via: { '/request': { role: 'sendiass' } },
    heading: 'Your name and organisation',
    invalid: { name: '', organisation: '' },
    errors: ['name', 'organisation'],
    messages: ['Enter your full name', 'Enter the name of your organisation'],
    valid: { name: 'Jo Adviser', organisation: 'SENDIASS' },
    next: '/request/permission',
  },
  {
    path: '/request/permission',
    via: professional,
    heading: 'Has the parent or young person said you can ask for help for them?',
    invalid: {},
    errors: ['permission'],
    valid: { permission: 'yes' },
    next: '/request/permission-details',
  },
  {
    path: '/request/permission-details',
    via: professional,
    heading: 'Who gave permission, and when?',
    invalid: { givenBy: '', 'givenOn-day': '1', 'givenOn-month': '', 'givenOn-year': '2026', parentName: '' },
    errors: ['givenBy', 'givenOn-month'],
    messages: [
      'Enter the name of the person who gave permission',
      'The date they gave permission must include a month',
    ],
    valid: {
      givenBy: 'Pat Example',
      'givenOn-day': '27',
      'givenOn-month': '11',
      'givenOn-year': '2026',
      parentName: 'Pat Example',
    },
    next: '/request/child',
  },
  {
    path: '/request/child',
    heading: 'About the child or young person',
    invalid: { childName: '', 'dateOfBirth-day': '', 'dateOfBirth-month': '', 'dateOfBirth-year': '', setting: '' },
    errors: ['childName', 'dateOfBirth-day', 'setting'],
    messages: [
      "Enter the child's full name",
      "Enter the child's date of birth",
      'Enter the name of the school or setting, or say if they are not in one',
    ],
    valid: {
      childName: 'Sam Example',
      'dateOfBirth-day': '3',
      'dateOfBirth-month': '5',
      'dateOfBirth-year': '2015',
      setting: 'Oak Tree Primary School',
    },
    next: '/request/postcode',
  },
  {
    path: '/request/postcode',
    heading: "What is the child's home postcode?",
    invalid: { postcode: 'WA1 ZZZ' },
    errors: ['postcode'],
    messages: ['Enter a real postcode, like WA1 1AB'],
    valid: { postcode: 'wa11ab' },
    next: '/request/council',
  },
  {
    path: '/request/ehc-plan',
    heading: 'Does the child or young person have an EHC plan?',
    invalid: {},
    errors: ['ehcStatus'],
    valid: { ehcStatus: 'none' },
    next: '/request/about',
  },
  {
    path: '/request/about',
    heading: 'What is the disagreement about?',
    invalid: {},
    errors: ['areas'],
    messages: ['Select what the disagreement is about'],
    valid: { areas: 'provision' },
    next: '/request/with',
  },
  {
    path: '/request/decision',
    heading: 'Which decision did the council make?',
    invalid: { 'letterDate-day': '31', 'letterDate-month': '2', 'letterDate-year': '2026' },
    errors: ['decision', 'letterDate-day'],
    messages: ['Select which decision the council made', 'The date of the decision letter must be a real date'],
    valid: { decision: 'refuse-assessment' },
    next: '/request/with',
  },
  {
    path: '/request/with',
    heading: 'Who is the disagreement with?',
    invalid: { parties: [] },
    errors: ['parties'],
    valid: { parties: 'health', 'partyName-health': 'Cheshire and Merseyside ICB' },
    next: '/request/what-happened',
  },
  {
    path: '/request/what-happened',
    heading: 'What has happened?',
    invalid: { whatHappened: 'x'.repeat(5001) },
    errors: ['whatHappened'],
    messages: ['What has happened must be 5000 characters or fewer'],
    valid: { whatHappened: 'They cut the hours.' },
    next: '/request/contact',
  },
  {
    path: '/request/contact',
    heading: 'How should we contact you?',
    invalid: { methods: ['email', 'text', 'post'], email: 'pat.example.com', phone: '123', address: '', bestTimes: '' },
    errors: ['email', 'address', 'phone'],
    messages: [
      'Enter an email address in the correct format, like name@example.com',
      'Enter your address',
      'Enter a UK phone number, like 01632 960 001 or 07700 900 982',
    ],
    valid: { methods: 'text', phone: '+44 7700 900982' },
    next: '/request/adjustments',
  },
  {
    path: '/request/adjustments',
    heading: 'Do you need anything to help you take part?',
    invalid: { adjustments: ['interpreter', 'other'], language: '', details: '' },
    errors: ['language', 'details'],
    messages: ['Select the language you need an interpreter for', 'Tell us what help you need'],
    valid: { adjustments: 'none' },
    next: '/request/supporter',
  },
  {
    path: '/request/supporter',
    heading: 'Will someone support you?',
    invalid: { hasSupporter: 'yes', supporter: '' },
    errors: ['supporter'],
    messages: ['Enter the name of the person who will support you'],
    valid: { hasSupporter: 'yes', supporter: 'Alex Brown, advocate' },
    next: '/request/check',
  },
]

const headingOf = (body: ReturnType<typeof html>) => (body.querySelector('h1')?.text ?? '').trim()

for (const page of pages) {
  describe(`${page.path}${page.via ? ` (${Object.values(page.via)[0]!.role})` : ''}`, () => {
    const reach = async () => {
      const agent = new Agent(t.app)
      const changes: Record<string, Fields> = { ...page.via }
      if (page.path === '/request/decision') changes['/request/about'] = { areas: 'ehc-decision' }
      await walkTo(agent, page.path, changes)
      return agent
    }

    test('shows the question as the page heading', async () => {
      const agent = await reach()
      const res = await agent.get(page.path)
      assert.equal(res.statusCode, 200)
      assert.equal(headingOf(html(res)), page.heading)
      assert.match(titleOf(res), new RegExp(`^${page.heading.replace(/[?()]/g, '\\$&')} - `))
    })

    test('refuses a wrong answer, saying what to fix and keeping what was typed', async () => {
      const agent = await reach()
      const res = await agent.submit(page.path, page.invalid)
      assertFormErrors(res, page.errors)
      const summary = html(res)
        .querySelectorAll('.govuk-error-summary__list a')
        .map((a) => a.text.trim())
      if (page.messages) assert.deepEqual(summary, page.messages)
      for (const [name, value] of Object.entries(page.invalid)) {
        if (typeof value !== 'string' || !value.trim()) continue
        const field = html(res).querySelector(`[name="${name}"]`)
        assert.equal(
          field?.tagName === 'TEXTAREA' ? field.text : field?.getAttribute('value'),
          value,
          `${name} was not kept`,
        )
      }
    })

    test('moves on with a right answer', async () => {
      const agent = await reach()
      assertRedirect(await agent.submit(page.path, page.valid), page.next)
    })

    test('refuses a field it does not ask for', async () => {
      const agent = await reach()
      const res = await agent.submit(page.path, { ...page.valid, admin: 'yes' })
      assert.equal(res.statusCode, 400)
    })
  })
}

describe('ticked boxes are kept when the page has errors', () => {
  test('the contact methods stay ticked', async () => {
    const agent = new Agent(t.app)
    await walkTo(agent, '/request/contact')
    const res = await agent.submit('/request/contact', { methods: ['email', 'post'], email: '', address: '' })
    assertFormErrors(res, ['email', 'address'])
    const ticked = html(res)
      .querySelectorAll('input[name="methods"][checked]')
      .map((i) => i.getAttribute('value'))
    assert.deepEqual(ticked, ['email', 'post'])
  })
})

describe('pages reached out of order', () => {
  test('the check page with no answers goes to the first question', async () => {
    assertRedirect(await new Agent(t.app).get('/request/check'), '/request')
  })

  test('a later page goes to the first unanswered question', async () => {
    const agent = new Agent(t.app)
    await agent.submit('/request', { role: 'parent' })
    assertRedirect(await agent.get('/request/what-happened'), '/request/your-name')
    assertRedirect(await agent.post('/request/what-happened', { whatHappened: 'Skipping ahead' }), '/request/your-name')
  })

  test('the decision page is only for a decision about an EHC assessment or plan', async () => {
    const agent = new Agent(t.app)
    await walkTo(agent, '/request/with', { '/request/about': { areas: 'duties' } })
    assertRedirect(await agent.get('/request/decision'), '/request/with')
  })

  test('the confirmation page with nothing sent goes to the start of the questions', async () => {
    assertRedirect(await new Agent(t.app).get('/request/confirmation'), '/request')
  })
})

describe('permission', () => {
  test('without permission the journey stops and explains why and what to do', async () => {
    const agent = new Agent(t.app)
    await walkTo(agent, '/request/permission', professional)
    assertRedirect(await agent.submit('/request/permission', { permission: 'no' }), '/request/permission-needed')
    const res = await agent.get('/request/permission-needed')
    assert.equal(res.statusCode, 200)
    assert.equal(headingOf(html(res)), "You need the family's permission first")
    assert.match(res.body, /We can only hold details about a child or young person when their family has agreed/)
    assert.match(res.body, /ask the parent, carer or young person to contact us themselves/)
    // Nothing further can be answered or sent.
    assertRedirect(await agent.get('/request/child'), '/request/permission-needed')
    assertRedirect(await agent.get('/request/check'), '/request/permission-needed')
  })

  test('a parent never sees the stop page', async () => {
    const agent = new Agent(t.app)
    await agent.submit('/request', { role: 'parent' })
    assertRedirect(await agent.get('/request/permission-needed'), '/request/your-name')
    assertRedirect(await agent.get('/request/permission'), '/request/your-name')
  })

  test('the date permission was given cannot be in the future', async () => {
    const agent = new Agent(t.app)
    await walkTo(agent, '/request/permission-details', professional)
    const res = await agent.submit('/request/permission-details', {
      givenBy: 'Pat',
      'givenOn-day': '28',
      'givenOn-month': '11',
      'givenOn-year': '2026',
      parentName: '',
    })
    assertFormErrors(res, ['givenOn-day'])
    assert.match(res.body, /The date they gave permission must be today or in the past/)
  })
})

describe('the child', () => {
  const child = (day: string, month: string, year: string) => ({
    childName: 'Robin',
    'dateOfBirth-day': day,
    'dateOfBirth-month': month,
    'dateOfBirth-year': year,
    setting: 'Riverside College',
  })

  test('a date of birth must be in the past', async () => {
    const agent = new Agent(t.app)
    await walkTo(agent, '/request/child')
    const res = await agent.submit('/request/child', child('27', '11', '2026'))
    assertFormErrors(res, ['dateOfBirth-day'])
    assert.match(res.body, /The child&#39;s date of birth must be in the past/)
    // The same shape as the other date messages of the page.
    const unreal = await agent.submit('/request/child', child('31', '2', '2015'))
    assert.match(unreal.body, /The child&#39;s date of birth must be a real date/)
  })

  const youngPerson = { '/request': { role: 'young-person' }, '/request/your-name': { name: 'Robin Example' } }

  test('a young person asking for themselves must be 16 to 25 today', async () => {
    const agent = new Agent(t.app)
    await walkTo(agent, '/request/child', youngPerson)
    const page = await agent.get('/request/child')
    assert.equal(headingOf(html(page)), 'About you')
    assert.equal(html(page).getElementById('childName')?.getAttribute('value'), 'Robin Example')

    const tooYoung = await agent.submit('/request/child', child('28', '11', '2010')) // 16 tomorrow
    assertFormErrors(tooYoung, ['dateOfBirth-day'])
    assert.match(tooYoung.body, /You can only ask for yourself if you are aged 16 to 25/)
    const tooOld = await agent.submit('/request/child', child('27', '11', '2000')) // 26 today
    assertFormErrors(tooOld, ['dateOfBirth-day'])
    assertRedirect(await agent.submit('/request/child', child('27', '11', '2010')), '/request/postcode') // 16 today
  })

  test('a young person aged 25 can ask for themselves', async () => {
    const agent = new Agent(t.app)
    await walkTo(agent, '/request/child', youngPerson)
    assertRedirect(await agent.submit('/request/child', child('28', '11', '2000')), '/request/postcode')
  })

  test('choosing "young person" after giving a date of birth outside 16 to 25 asks for it again', async () => {
    const agent = new Agent(t.app)
    await walkTo(agent, '/request/postcode') // a parent, child born 2015
    await agent.submit('/request', { role: 'young-person' })
    assertRedirect(await agent.get('/request/postcode'), '/request/child')
  })
})

describe('the postcode', () => {
  test('an empty postcode says what to enter', async () => {
    const agent = new Agent(t.app)
    await walkTo(agent, '/request/postcode')
    const res = await agent.submit('/request/postcode', { postcode: '' })
    assertFormErrors(res, ['postcode'])
    assert.match(res.body, /Enter the child&#39;s home postcode/)
  })

  test('a postcode in the council area is normalised and named', async () => {
    const agent = new Agent(t.app)
    await walkTo(agent, '/request/postcode')
    assertRedirect(await agent.submit('/request/postcode', { postcode: ' wa11ab ' }), '/request/council')
    const res = await agent.get('/request/council')
    assert.equal(res.statusCode, 200)
    assert.match(res.body, /WA1 1AB is in the Warrington Borough Council area\. Our service is free/)
    assert.doesNotMatch(res.body, /may not be free/)
  })

  test('a postcode outside the area asks for the council, says plainly it may not be free, and lets them go on', async () => {
    const agent = new Agent(t.app)
    await walkTo(agent, '/request/postcode')
    assertRedirect(await agent.submit('/request/postcode', { postcode: 'M1 1AE' }), '/request/council')
    const res = await agent.get('/request/council')
    assert.equal(headingOf(html(res)), 'Which council’s area does the child or young person live in?')
    assert.match(res.body, /We could not tell which council area M1 1AE is in/)
    assert.deepEqual(
      html(res)
        .querySelectorAll('input[name="council"]')
        .map((i) => html(res).querySelector(`label[for="${i.id}"]`)?.text.trim()),
      ['Warrington Borough Council', 'None of these'],
    )
    assert.match(res.body, /Our service may not be free for you/)
    assertFormErrors(await agent.submit('/request/council', {}), ['council'])
    assertRedirect(await agent.submit('/request/council', { council: 'none' }), '/request/ehc-plan')
  })
})

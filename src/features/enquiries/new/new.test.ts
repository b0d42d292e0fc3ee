import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { asc, eq, sql } from 'drizzle-orm'
import { caseEvents, caseParties, cases, localAuthorities } from '../../../db/schema/index.ts'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html, titleOf } from '../../../../test/helpers/html.ts'

/** A complete phone enquiry from a school, with the family's permission. (The test clock: Friday 27 November 2026.) */
function validFields(submissionKey: string): Record<string, string | string[]> {
  return {
    submissionKey,
    channel: 'phone',
    'contactedOn-day': '26',
    'contactedOn-month': '11',
    'contactedOn-year': '2026',
    requesterRole: 'school',
    requesterName: 'Sam Senco',
    requesterOrganisation: 'Penketh Primary School',
    permissionGiven: 'yes',
    permissionGivenBy: 'Pat Parent',
    'permissionDate-day': '20',
    'permissionDate-month': '11',
    'permissionDate-year': '2026',
    parentName: 'Pat Parent',
    childName: 'Charlie Child',
    'childDateOfBirth-day': '14',
    'childDateOfBirth-month': '3',
    'childDateOfBirth-year': '2015',
    childSetting: 'Penketh Primary School',
    childPostcode: 'wa5 2ab',
    ehcStatus: 'refused',
    areas: ['ehc-decision', 'provision'],
    decision: 'refuse-assessment',
    'decisionLetterDate-day': '19',
    'decisionLetterDate-month': '10',
    'decisionLetterDate-year': '2026',
    otherParties: ['local-authority', 'school'],
    'otherPartyName-local-authority': 'Warrington Borough Council',
    'otherPartyName-school': '',
    whatHappened: 'The council said no to an assessment.',
    contactMethods: ['email', 'phone'],
    contactEmail: 'pat@example.com',
    contactPhone: '07700 900 982',
    contactAddress: '',
    contactBestTimes: 'Mornings',
    adjustments: ['interpreter'],
    adjustmentLanguage: 'Polish',
    adjustmentDetails: '',
    supporter: '',
    reasonForContact: 'Wants to appeal the refusal to assess',
    differenceExplained: 'yes',
    understandingChecked: 'yes',
    signposting: 'SENDIASS',
  }
}

describe('/enquiries/new', () => {
  let t: TestApp
  let coordinator: Agent
  let coordinatorId: string
  before(async () => {
    t = await createTestApp()
    coordinatorId = (await createStaff(t.database, 'coord@example.com', ['coordinator'], 'Cora Coordinator')).id
    await createStaff(t.database, 'med@example.com', ['mediator'], 'Mo Mediator')
    coordinator = await new Agent(t.app).signIn('coord@example.com')
  })
  after(() => t.close())

  const keyOf = (body: string) => /name="submissionKey" value="([^"]+)"/.exec(body)?.[1] ?? ''
  // One-time keys for forms that are refused: each is a key as the page makes them.
  const [kEmpty, kInvalid, kNoPermission, kExtra] = [randomUUID(), randomUUID(), randomUUID(), randomUUID()]
  const caseCount = async () => (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(cases))[0]!.n

  it('shows the form to a coordinator, dated today, with a one-time key', async () => {
    const res = await coordinator.get('/enquiries/new')
    assert.equal(res.statusCode, 200)
    assert.equal(titleOf(res).startsWith('Log an enquiry'), true)
    const doc = html(res)
    assert.equal(doc.getElementById('contactedOn-day')?.getAttribute('value'), '27')
    assert.equal(doc.getElementById('contactedOn-month')?.getAttribute('value'), '11')
    assert.equal(doc.getElementById('contactedOn-year')?.getAttribute('value'), '2026')
    assert.match(keyOf(res.body), /^[0-9a-f-]{36}$/)
    assert.notEqual(keyOf((await coordinator.get('/enquiries/new')).body), keyOf(res.body), 'a new key each time')
  })

  it('refuses a mediator and sends someone not signed in to sign in', async () => {
    const mediator = await new Agent(t.app).signIn('med@example.com')
    assert.equal((await mediator.get('/enquiries/new')).statusCode, 403)
    assertRedirect(await new Agent(t.app).get('/enquiries/new'), '/sign-in?next=%2Fenquiries%2Fnew')
  })

  it('says what is missing, linking to each field', async () => {
    await coordinator.get('/enquiries/new')
    const res = await coordinator.post('/enquiries/new', { submissionKey: kEmpty })
    assertFormErrors(res, [
      'channel',
      'contactedOn-day',
      'requesterRole',
      'requesterName',
      'childName',
      'childDateOfBirth-day',
      'childSetting',
      'childPostcode',
      'ehcStatus',
      'areas',
      'otherParties',
      'whatHappened',
      'contactMethods',
      'reasonForContact',
      'differenceExplained',
    ])
    assert.equal(await caseCount(), 0)
  })

  it('checks dates, postcode and the details each choice needs, keeping everything typed', async () => {
    await coordinator.get('/enquiries/new')
    const fields = {
      ...validFields(kInvalid),
      'contactedOn-day': '28', // tomorrow
      requesterName: '<script>alert(1)</script>',
      'permissionDate-day': '',
      'permissionDate-month': '',
      'permissionDate-year': '',
      'childDateOfBirth-day': '31',
      'childDateOfBirth-month': '2',
      childPostcode: 'NOTAPOST',
      decision: '',
      contactEmail: 'not-an-email',
      contactPhone: '',
      adjustmentLanguage: '',
      differenceExplained: [],
    }
    const res = await coordinator.post('/enquiries/new', fields)
    assertFormErrors(res, [
      'contactedOn-day',
      'permissionDate-day',
      'childDateOfBirth-day',
      'childPostcode',
      'decision',
      'contactEmail',
      'contactPhone',
      'adjustmentLanguage',
      'differenceExplained',
    ])
    assert.match(res.body, /The day they got in touch must be today or in the past/)
    assert.match(res.body, /Their date of birth must be a real date/)
    const future = await coordinator.post('/enquiries/new', {
      ...fields,
      'childDateOfBirth-day': '1',
      'childDateOfBirth-month': '1',
      'childDateOfBirth-year': '2027',
    })
    assert.match(future.body, /Their date of birth must be in the past/)
    assert.match(res.body, /Enter a real postcode, like WA1 1AB/)
    assert.match(
      res.body,
      /Confirm that you explained the difference between SEN mediation and disagreement resolution/,
    )

    const doc = html(res)
    const valueOf = (id: string) => doc.getElementById(id)?.getAttribute('value')
    assert.equal(valueOf('requesterName'), '<script>alert(1)</script>')
    assert.ok(res.body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'shown escaped')
    assert.ok(!res.body.includes('<script>alert(1)'), 'never as a script')
    assert.equal(valueOf('requesterOrganisation'), 'Penketh Primary School')
    assert.equal(valueOf('childPostcode'), 'NOTAPOST')
    assert.equal(valueOf('contactedOn-day'), '28')
    assert.equal(valueOf('otherPartyName-local-authority'), 'Warrington Borough Council')
    assert.equal(doc.getElementById('whatHappened')?.text, 'The council said no to an assessment.')
    const checked = (name: string) =>
      doc
        .querySelectorAll(`input[name="${name}"]`)
        .filter((i) => i.hasAttribute('checked'))
        .map((i) => i.getAttribute('value'))
    assert.deepEqual(checked('channel'), ['phone'])
    assert.deepEqual(checked('requesterRole'), ['school'])
    assert.deepEqual(checked('areas'), ['provision', 'ehc-decision'])
    assert.deepEqual(checked('contactMethods'), ['email', 'phone'])
    assert.deepEqual(checked('understandingChecked'), ['yes'])
    assert.deepEqual(checked('differenceExplained'), [])
    assert.equal(keyOf(res.body), kInvalid, 'the same submission key')
    assert.equal(await caseCount(), 0)
  })

  it('refuses a third party without the family’s permission', async () => {
    await coordinator.get('/enquiries/new')
    const res = await coordinator.post('/enquiries/new', { ...validFields(kNoPermission), permissionGiven: 'no' })
    assertFormErrors(res, ['permissionGiven'])
    assert.match(res.body, /Ask the parent or young person for their permission first/)
    const missing = await coordinator.post('/enquiries/new', { ...validFields(kNoPermission), permissionGiven: '' })
    assertFormErrors(missing, ['permissionGiven'])
    assert.equal(await caseCount(), 0)
  })

  it('refuses fields the form does not have', async () => {
    await coordinator.get('/enquiries/new')
    const res = await coordinator.post('/enquiries/new', { ...validFields(kExtra), status: 'closed' })
    assert.equal(res.statusCode, 400)
    assert.equal(await caseCount(), 0)
  })

  it('refuses a form without its one-time key, adding nothing', async () => {
    await coordinator.get('/enquiries/new')
    const { submissionKey: _, ...withoutKey } = validFields('')
    const res = await coordinator.post('/enquiries/new', withoutKey)
    assert.equal(res.statusCode, 400)
    assert.match(titleOf(res), /^Error: /)
    assert.match(html(res).querySelector('.govuk-error-summary')?.text ?? '', /This form is out of date/)
    assert.equal(
      html(res).getElementById('requesterName')?.getAttribute('value'),
      'Sam Senco',
      'what was typed is kept',
    )
    assert.match(keyOf(res.body), /^[0-9a-f-]{36}$/, 'a new key to send it with')
    assert.equal(await caseCount(), 0)
  })

  it('saves a case with its parties and first events, and a second submit of the same form makes no other', async () => {
    const form = await coordinator.get('/enquiries/new')
    const fields = validFields(keyOf(form.body))
    const res = await coordinator.post('/enquiries/new', fields)
    assertRedirect(res, /^\/cases\/[0-9a-f-]{36}$/)
    const id = String(res.headers.location).split('/').pop()!

    const [row] = await t.database.db.select().from(cases).where(eq(cases.id, id))
    assert.ok(row)
    assert.equal(row.channel, 'phone')
    assert.equal(row.childName, 'Charlie Child')
    assert.equal(row.childDateOfBirth, '2015-03-14')
    assert.equal(row.childPostcode, 'WA5 2AB')
    const facts = row.request
    assert.deepEqual(facts.permission, { givenBy: 'Pat Parent', givenOn: '2026-11-20' })
    assert.deepEqual(facts.decision, { kind: 'refuse-assessment', letterDate: '2026-10-19' })
    assert.deepEqual(facts.otherParties, [
      { kind: 'local-authority', name: 'Warrington Borough Council' },
      { kind: 'school' },
    ])
    assert.deepEqual(facts.adjustments, { kinds: ['interpreter'], language: 'Polish' })

    const parties = await t.database.db.select().from(caseParties).where(eq(caseParties.caseId, id))
    assert.deepEqual(parties.map((p) => [p.role, p.name, p.isRequester]).sort(), [
      ['local-authority', 'Warrington Borough Council', false],
      ['parent', 'Pat Parent', false],
      ['referrer', 'Sam Senco', true],
      ['school', '', false],
    ])

    const events = await t.database.db
      .select()
      .from(caseEvents)
      .where(eq(caseEvents.caseId, id))
      .orderBy(asc(caseEvents.id))
    assert.deepEqual(
      events.map((e) => e.type),
      ['enquiry-received', 'first-contact-recorded', 'decision-letter-sent', 'adviser-contacted'],
    )
    for (const e of events.filter((e) => e.type !== 'decision-letter-sent')) {
      assert.equal(e.occurredOn, '2026-11-26', 'the day they got in touch')
      assert.equal(e.actorUserId, coordinatorId)
      assert.equal(e.actorLabel, 'Cora Coordinator')
    }
    assert.deepEqual(events[1]!.data, {
      reasonForContact: 'Wants to appeal the refusal to assess',
      differenceExplained: true,
      understandingChecked: true,
      preferencesAsked: false,
      signposting: 'SENDIASS',
    })

    const again = await coordinator.post('/enquiries/new', fields)
    assertRedirect(again, `/cases/${id}`)
    assert.equal(await caseCount(), 1)
    assert.equal(
      (await t.database.db.select({ n: sql<number>`count(*)::int` }).from(caseEvents))[0]!.n,
      4,
      'a second submit adds no events',
    )
  })

  it('makes one case from two submits sent at once', async () => {
    const before = await caseCount()
    const form = await coordinator.get('/enquiries/new')
    const fields = {
      ...validFields(keyOf(form.body)),
      requesterRole: 'parent',
      requesterName: 'Pat Parent',
      requesterOrganisation: '',
      channel: 'email',
    }
    const [a, b] = await Promise.all([
      coordinator.post('/enquiries/new', fields),
      coordinator.post('/enquiries/new', fields),
    ])
    assertRedirect(a, /^\/cases\//)
    assertRedirect(b, String(a.headers.location))
    assert.equal(await caseCount(), before + 1)
    const id = String(a.headers.location).split('/').pop()!
    const parties = await t.database.db.select().from(caseParties).where(eq(caseParties.caseId, id))
    assert.deepEqual(
      parties.filter((p) => p.isRequester).map((p) => [p.role, p.name]),
      [['parent', 'Pat Parent']],
    )
  })
})

describe('/enquiries/new: the council an enquiry is under', () => {
  let t: TestApp
  let warrington: string
  let halton: string
  let both: Agent
  let haltonOnly: Agent
  before(async () => {
    t = await createTestApp()
    warrington = (await t.database.db.select().from(localAuthorities))[0]!.id
    const [row] = await t.database.db
      .insert(localAuthorities)
      .values({
        code: 'halton',
        name: 'Halton Borough Council',
        commissioned: true,
        postcodeDistricts: ['WA7', 'WA8'],
        serviceName: 'Halton SEN Mediation',
        phone: '01632 960 701',
        address: '1 Example Road',
        openingHours: 'Monday to Friday, 9am to 5pm',
      })
      .returning()
    halton = row!.id
    await createStaff(t.database, 'both@example.com', ['coordinator'], 'Bo Both', [warrington, halton])
    await createStaff(t.database, 'halton@example.com', ['coordinator'], 'Hal Halton', [halton])
    both = await new Agent(t.app).signIn('both@example.com')
    haltonOnly = await new Agent(t.app).signIn('halton@example.com')
  })
  after(() => t.close())

  const keyOf = (body: string) => /name="submissionKey" value="([^"]+)"/.exec(body)?.[1] ?? ''
  const log = async (agent: Agent, change: Record<string, string>) => {
    const page = await agent.get('/enquiries/new')
    return agent.post('/enquiries/new', { ...validFields(keyOf(page.body)), ...change })
  }
  const councilOf = async (location: string) =>
    (
      await t.database.db
        .select()
        .from(cases)
        .where(eq(cases.id, location.split('/').pop()!))
    )[0]!.localAuthorityId

  it('offers the councils the person works for, after the one the postcode is in', async () => {
    const options = (res: { body: string }) =>
      html(res as never)
        .querySelectorAll('select#council option')
        .map((o) => o.text.trim())
    assert.deepEqual(options(await both.get('/enquiries/new')), [
      'The council for the postcode',
      'Halton Borough Council',
      'Warrington Borough Council',
    ])
    assert.deepEqual(options(await haltonOnly.get('/enquiries/new')), [
      'The council for the postcode',
      'Halton Borough Council',
    ])
  })

  it('puts the enquiry under the postcode’s council, or the one chosen', async () => {
    const byPostcode = await log(both, { childPostcode: 'WA8 1AA' })
    assertRedirect(byPostcode, /^\/cases\//)
    assert.equal(await councilOf(String(byPostcode.headers.location)), halton)
    const chosen = await log(both, { childPostcode: 'WA8 1AA', council: warrington })
    assertRedirect(chosen, /^\/cases\//)
    assert.equal(await councilOf(String(chosen.headers.location)), warrington)
  })

  it('refuses a postcode outside their councils without a council chosen, and a council not theirs, keeping what was typed', async () => {
    const before = (await t.database.db.select().from(cases)).length
    const outside = await log(haltonOnly, { childPostcode: 'WA5 2AB' })
    assertFormErrors(outside, ['council'])
    assert.match(outside.body, /WA5 2AB is not in the area of a council you work for\. Select the council/)
    assert.equal(html(outside).getElementById('childName')?.getAttribute('value'), 'Charlie Child')
    const notTheirs = await log(haltonOnly, { childPostcode: 'WA8 1AA', council: warrington })
    assertFormErrors(notTheirs, ['council'])
    assert.match(notTheirs.body, /Select a council you work for/)
    assert.equal((await t.database.db.select().from(cases)).length, before)
    // Told which, it is logged under that council.
    const told = await log(haltonOnly, { childPostcode: 'WA5 2AB', council: halton })
    assertRedirect(told, /^\/cases\//)
    assert.equal(await councilOf(String(told.headers.location)), halton)
  })
})

// A case through the API alone, from enquiry through scope, the meeting and the agreement to its
// follow-up deadlines (regs 42 and 44), with the same dates the case page, Today and the portal show.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { Agent } from '../../../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../../../test/helpers/app.ts'
import { html } from '../../../../../../test/helpers/html.ts'
import { agreementPoints, agreements, caseParties } from '../../../../../db/schema/index.ts'
import { signInWithLink } from '../../../../portal/testing.ts'
import { api, issueToken } from '../../../test-kit.ts'

const enquiry = {
  channel: 'email',
  contactedOn: '2026-11-02',
  requester: { role: 'parent', name: 'Sarah Hartley' },
  child: { name: 'Amelia Hartley', dateOfBirth: '2015-03-14', setting: 'Oakwood Primary School', postcode: 'WA1 1AA' },
  ehcStatus: 'refused',
  areas: ['ehc-decision'],
  decision: { kind: 'refuse-assessment', letterDate: '2026-10-19' },
  otherParties: [{ kind: 'local-authority', name: 'Warrington Borough Council' }],
  whatHappened: 'The council will not assess Amelia.',
  contact: { methods: ['email'], email: 'sarah@example.com' },
}

const items = [
  {
    what: 'The council will carry out an EHC needs assessment for Amelia',
    who: { kind: 'council', name: 'Warrington Borough Council' },
    appealable: true,
    kind: 'assess',
  },
  {
    what: 'Oakwood Primary will meet Sarah each half term',
    who: { kind: 'school', name: 'Oakwood Primary School' },
    appealable: false,
  },
  {
    what: 'The speech and language report will be shared',
    who: { kind: 'icb' },
    appealable: false,
    timescaleAgreedInWriting: '2027-01-15',
  },
]

// The agreement is made on Friday 20 November 2026.
const expected = [
  ['2026-11-27', 'agreement-icb-notice', undefined],
  ['2026-12-04', 'agreement-point', 1], // tell the family it will assess: 2 weeks
  ['2026-12-04', 'agreement-point', 2], // any other item: 2 weeks
  ['2027-01-15', 'agreement-point', 3], // the date agreed in writing
  ['2027-01-29', 'agreement-point', 1], // decide not to issue a plan: 10 weeks
  ['2027-02-26', 'agreement-point', 1], // issue the final plan: 14 weeks
]

type Deadline = { name: string; dueDate: string; status: string; agreementPoint?: { item: number } }
const followUps = (deadlines: Deadline[]) =>
  deadlines
    .filter((d) => d.name.startsWith('agreement-'))
    .map((d) => [d.dueDate, d.name, d.agreementPoint?.item])
    .sort((a, b) => `${a[0]}${a[2]}`.localeCompare(`${b[0]}${b[2]}`))

describe('a case through the API alone, to its agreement and follow-up dates', () => {
  let t: TestApp
  let token: string
  let reference: string
  let caseId: string
  const post = (path: string, body: unknown) => api(t, token).post(`/api/v1/cases/${reference}${path}`, body)
  const event = async (body: Record<string, unknown>) => {
    const res = await post('/events', body)
    assert.equal(res.statusCode, 201, `${body.type}: ${res.body}`)
    return res.json()
  }

  before(async () => {
    t = await createTestApp({ now: '2026-11-02T10:00:00Z' })
    ;({ token } = await issueToken(t, 'warrington', 'Warrington case system'))
    await createStaff(t.database, 'coordinator@example.com', ['coordinator'], 'Cora Ordinator')
    const made = await api(t, token).post('/api/v1/enquiries', enquiry)
    assert.equal(made.statusCode, 201, made.body)
    ;({ reference, id: caseId } = made.json())
  })
  after(() => t.close())

  it('takes the case past scope, through the willingness test to a meeting, without the staff pages', async () => {
    t.clock.set('2026-11-10T10:00:00Z') // recorded on the day each happened, or a little later
    await event({
      type: 'scope-decided',
      date: '2026-11-02',
      data: { scope: 'sen-mediation', reason: 'A refusal to assess, which can be appealed.' },
    })
    await event({ type: 'mediation-requested', date: '2026-11-03', data: { healthInIssue: false, healthOnly: false } })
    await event({ type: 'party-invited', date: '2026-11-04', data: { party: 'local-authority', how: 'email' } })
    await event({
      type: 'willingness-recorded',
      date: '2026-11-05',
      data: { party: 'local-authority', answer: 'willing' },
    })
    const allocated = await event({ type: 'mediator-allocated', date: '2026-11-06', data: { mediator: 'Alice Able' } })
    assert.equal(allocated.status, 'preparation')
    const arranged = await event({
      type: 'meeting-scheduled',
      date: '2026-11-09',
      data: { meetingDate: '2026-11-20', shorterNoticeAgreed: false },
    })
    assert.equal(arranged.status, 'meeting-arranged')
  })

  it('refuses an agreement before its meeting (409) and names bad items (400)', async () => {
    t.clock.set('2026-11-23T10:00:00Z')
    const early = await post('/agreement', { date: '2026-11-19', outcome: 'agreement', councilWasParty: false, items })
    assert.equal(early.statusCode, 409, early.body)
    assert.match(early.json().detail, /before its date|before its meeting/)
    const bad = await post('/agreement', {
      date: '2026-11-20',
      outcome: 'agreement',
      councilWasParty: false,
      items: [{ what: 'x', who: { kind: 'council' }, appealable: true }],
    })
    assert.equal(bad.statusCode, 400)
    assert.deepEqual(Object.keys(bad.json().fields), ['items.0.kind'])
    const none = await post('/agreement', { date: '2026-11-20', outcome: 'none', councilWasParty: true, items })
    assert.deepEqual(Object.keys(none.json().fields), ['items'])
  })

  it('records the outcome and the items, final, with every follow-up date', async () => {
    const res = await post('/agreement', {
      date: '2026-11-20',
      outcome: 'agreement',
      councilWasParty: false,
      items,
      notAgreed: ['Transport to school'],
    })
    assert.equal(res.statusCode, 201, res.body)
    const body = res.json()
    assert.equal(body.status, 'agreement')
    assert.deepEqual(followUps(body.deadlines), expected)
    assert.equal(body.agreement.points.length, 5)
    assert.deepEqual(
      body.agreement.points.map((p: { item: number; dueDate: string }) => [p.item, p.dueDate]),
      [
        [1, '2026-12-04'],
        [1, '2027-01-29'],
        [1, '2027-02-26'],
        [2, '2026-12-04'],
        [3, '2027-01-15'],
      ],
    )
    // The mediation ended: its certificate is due (3 working days), and the appeal deadline follows it.
    const certificate = body.deadlines.find((d: Deadline) => d.name === 'certificate')
    assert.equal(certificate.dueDate, '2026-11-25')
    // The agreement is the pages' final agreement, its points the pages' points.
    const [row] = await t.database.db.select().from(agreements).where(eq(agreements.caseId, caseId))
    assert.equal(row!.status, 'final')
    assert.equal(row!.finalContent!.points.length, 5)
    const points = await t.database.db.select().from(agreementPoints).where(eq(agreementPoints.agreementId, row!.id))
    const council = await t.database.db.select().from(caseParties).where(eq(caseParties.caseId, caseId))
    const councilId = council.find((p) => p.role === 'local-authority')?.id
    assert.ok(
      points.filter((p) => p.responsiblePartyId === councilId).length === 3,
      'the council’s points are its party’s',
    )

    const again = await post('/agreement', { date: '2026-11-20', outcome: 'agreement', councilWasParty: true, items })
    assert.equal(again.statusCode, 409)
  })

  it('returns the same follow-up dates from GET and from the what-if', async () => {
    const read = (await api(t, token).get(`/api/v1/cases/${reference}`)).json()
    assert.deepEqual(followUps(read.deadlines), expected)
    assert.equal(read.agreement.councilWasParty, false)
    assert.equal(read.agreement.agreedOn, '2026-11-20')
    const what = await api(t, token).post('/api/v1/deadlines', {
      events: [],
      agreement: { date: '2026-11-20', councilWasParty: false, items },
    })
    assert.equal(what.statusCode, 200, what.body)
    assert.deepEqual(followUps(what.json().deadlines), expected)
  })

  it('shows the same dates on the case page, Today and in the portal', async () => {
    t.clock.set('2026-11-24T10:00:00Z')
    const coordinator = await new Agent(t.app).signIn('coordinator@example.com')
    const progress = html(await coordinator.get(`/cases/${caseId}/progress`)).querySelector('main')!.text
    for (const day of [
      'Friday 27 November 2026',
      'Friday 4 December 2026',
      'Friday 15 January 2027',
      'Friday 29 January 2027',
      'Friday 26 February 2027',
    ])
      assert.ok(progress.includes(day), day)
    assert.match(progress, /The health body \(ICB\) tells the council about the agreement/)
    const today = html(await coordinator.get('/today')).querySelector('main')!.text
    assert.match(today, /The health body \(ICB\) tells the council about the agreement/)
    assert.match(today, /The council will carry out an EHC needs assessment for Amelia/)

    const [parent] = await t.database.db.select().from(caseParties).where(eq(caseParties.caseId, caseId))
    const party = await signInWithLink(t, parent!.id)
    const portal = html(await party.get('/portal'))
      .querySelector('main')!
      .text.replace(/\s+/g, ' ')
    assert.match(portal, /Friday 4 December 2026/)
    assert.match(portal, /Friday 26 February 2027/)
    assert.match(portal, /the health body must tell it about the agreement/)

    const told = await event({ type: 'council-told-of-agreement', date: '2026-11-24' })
    assert.equal(told.deadlines.find((d: Deadline) => d.name === 'agreement-icb-notice').status, 'met')
  })
})

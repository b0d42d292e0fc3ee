import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { eq } from 'drizzle-orm'
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, html } from '../../../../test/helpers/html.ts'
import { complaintEvents, complaintStages, complaints } from '../../../db/schema/index.ts'
import { signInWithLink } from '../../portal/testing.ts'
import { caseOf, complaintAt, councilIds, dateFields, newKey, panelMediator, staffOf } from '../testing.ts'

// Thursday 24 December 2026: Christmas Day and the Boxing Day holiday (Monday 28th) come next.
const today = '2026-12-24'

describe('recording a complaint', () => {
  let t: TestApp
  let councils: { a: string; b: string }
  let coordinator: Awaited<ReturnType<typeof staffOf>>
  let otherCouncil: Awaited<ReturnType<typeof staffOf>>
  before(async () => {
    t = await createTestApp({ now: `${today}T10:00:00Z` })
    councils = await councilIds(t)
    coordinator = await staffOf(t, 'cora@example.com', ['coordinator'], [councils.a], 'Cora Ordinator')
    otherCouncil = await staffOf(t, 'hal@example.com', ['coordinator'], [councils.b], 'Hal Tonner')
  })
  after(() => t.close())

  const phoneCall = (extra: Record<string, string> = {}) => ({
    submissionKey: newKey(),
    council: councils.a,
    otherName: 'Grace Okafor',
    otherRelationship: "The child's grandmother",
    otherEmail: 'grace@example.com',
    otherPhone: '',
    otherAddress: '',
    prefers: 'email',
    receivedVia: 'phone',
    ...dateFields('receivedOn', today),
    about: 'service',
    aboutMediator: '',
    aboutUser: '',
    whatHappened: 'Nobody rang back after three messages.',
    ...dateFields('happenedOn', '2026-12-10'),
    wantedOutcome: 'A call back and an apology.',
    startStage: 'informal',
    ...extra,
  })

  test('a phone complaint with no case: its first stage and deadlines counted in working days past the bank holidays', async () => {
    const form = await coordinator.agent.get('/complaints/new')
    assert.equal(form.statusCode, 200)
    const res = await coordinator.agent.post('/complaints/new', phoneCall())
    const c = await complaintAt(t, res)
    assert.match(c.reference, /^CMP-2026-\d{6}$/)
    assert.equal(c.localAuthorityId, councils.a)
    assert.equal(c.caseId, null)
    assert.equal(c.complainantName, 'Grace Okafor')
    assert.equal(c.receivedVia, 'phone')
    const [stage] = await t.database.db.select().from(complaintStages).where(eq(complaintStages.complaintId, c.id))
    assert.equal(stage!.stage, 'informal')
    // 3 working days: 25th and 28th are bank holidays, so 29th, 30th, 31st.
    assert.equal(stage!.acknowledgeBy, '2026-12-31')
    // 20 working days: also past New Year's Day.
    assert.equal(stage!.respondBy, '2027-01-26')

    const page = await coordinator.agent.get(res.headers.location!)
    assert.equal(page.statusCode, 200)
    const doc = html(page)
    assert.match(
      doc.getElementById('complaint-details')!.text,
      /Grace Okafor[\s\S]*The child's grandmother[\s\S]*grace@example.com/,
    )
    assert.match(doc.getElementById('stage-informal')!.text, /By Thursday 31 December 2026/)
    assert.match(doc.getElementById('stage-informal')!.text, /By Tuesday 26 January 2027/)
    assert.match(doc.getElementById('complaint-events')!.text, /Complaint recorded[\s\S]*Received by phone/)

    // The same form sent twice records one complaint.
    const again = phoneCall()
    await coordinator.agent.post('/complaints/new', again)
    await coordinator.agent.post('/complaints/new', again)
    const all = await t.database.db.select().from(complaints).where(eq(complaints.complainantName, 'Grace Okafor'))
    assert.equal(all.length, 2)

    // The register lists it.
    const register = await coordinator.agent.get('/complaints')
    assert.match(html(register).getElementById('complaints-list')!.text, new RegExp(c.reference))
  })

  test('the form says what is missing, in GOV.UK style, and keeps what was typed', async () => {
    await coordinator.agent.get('/complaints/new')
    const res = await coordinator.agent.post('/complaints/new', {
      ...phoneCall({ otherName: '', prefers: 'post', about: 'mediator', whatHappened: '' }),
      ...dateFields('happenedOn', '2027-01-05'),
    })
    assertFormErrors(res, ['otherName', 'otherAddress', 'aboutMediator', 'whatHappened', 'happenedOn-day'])
    assert.match(res.body, /Enter their postal address, or choose another way to reach them/)
    assert.match(res.body, /When it happened must be today or in the past/)
    assert.match(res.body, /value="grace@example.com"/)
  })

  test('about a mediator of a case, from a party: the case decides the council', async () => {
    const made = await caseOf(t, councils.a)
    const mediator = await panelMediator(t, 'Maya Brennan')
    const form = await coordinator.agent.get(`/complaints/new?case=${made.id}`)
    assert.equal(form.statusCode, 200)
    assert.match(html(form).text, new RegExp(made.reference))
    const res = await coordinator.agent.post('/complaints/new', {
      ...phoneCall({ caseId: made.id, complainant: made.parent.id, about: 'mediator', aboutMediator: mediator.id }),
      council: '',
      otherName: '',
      prefers: '',
      receivedVia: 'letter',
    })
    const c = await complaintAt(t, res)
    assert.equal(c.caseId, made.id)
    assert.equal(c.partyId, made.parent.id)
    assert.equal(c.localAuthorityId, councils.a)
    assert.equal(c.complainantName, 'Sarah Hartley')
    assert.equal(c.aboutMediatorId, mediator.id)

    // Found by its reference too.
    const found = await coordinator.agent.get(`/complaints/new?reference=${made.reference.toLowerCase()}`)
    assert.equal(found.headers.location, `/complaints/new?case=${made.id}`)
  })

  test('staff of another council get not found: the complaint, its forms, its case; and it is not in their register', async () => {
    const made = await caseOf(t, councils.a, 'Oliver Price', 'Nadia Price')
    const c = await complaintAt(
      t,
      await coordinator.agent.post('/complaints/new', {
        ...phoneCall({ caseId: made.id, complainant: made.parent.id }),
      }),
    )
    for (const path of ['', '/acknowledge', '/respond', '/escalate', '/details']) {
      const res = await otherCouncil.agent.get(`/complaints/${c.id}${path}`)
      assert.equal(res.statusCode, 404, `GET /complaints/:id${path}`)
    }
    await otherCouncil.agent.get('/complaints/new') // for its form's token
    for (const path of ['/acknowledge', '/respond', '/escalate', '/details']) {
      const res = await otherCouncil.agent.post(`/complaints/${c.id}${path}`, { version: '1' })
      assert.equal(res.statusCode, 404, `POST /complaints/:id${path}`)
    }
    const register = await otherCouncil.agent.get('/complaints')
    assert.doesNotMatch(register.body, new RegExp(c.reference))
    assert.doesNotMatch(register.body, /Grace Okafor|Sarah Hartley|Nadia Price/)
    // Their form does not offer the other council's case, by address or by reference.
    const byId = await otherCouncil.agent.get(`/complaints/new?case=${made.id}`)
    assert.doesNotMatch(byId.body, new RegExp(made.reference))
    const byReference = await otherCouncil.agent.get(`/complaints/new?reference=${made.reference}`)
    assert.equal(byReference.statusCode, 400)
    assert.match(byReference.body, /There is no case with that reference/)
    // Nor may they record one against it, or against the other council.
    await otherCouncil.agent.get('/complaints/new')
    const posted = await otherCouncil.agent.post(
      '/complaints/new',
      phoneCall({ caseId: made.id, complainant: made.parent.id }),
    )
    assert.equal(posted.statusCode, 404)
    const againstA = await otherCouncil.agent.post('/complaints/new', phoneCall())
    assertFormErrors(againstA, ['council'])
    // A mediator has no register at all.
    const mediator = await staffOf(t, 'mo@example.com', ['mediator'], [], 'Mo Mediator')
    assert.equal((await mediator.agent.get('/complaints')).statusCode, 403)
    assert.equal((await mediator.agent.get(`/complaints/${c.id}`)).statusCode, 403)
  })

  test('a complaint made in the portal is in the register, from the party, with its deadlines', async () => {
    const made = await caseOf(t, councils.a, 'Leo Marsh', 'Hannah Marsh')
    const parent = await signInWithLink(t, made.parent.id)
    await parent.get('/portal/complaint')
    const sent = await parent.post('/portal/complaint', {
      submissionKey: newKey(),
      complaint: 'The mediator was late and rushed us.',
      outcome: 'Another meeting.',
    })
    assert.equal(sent.headers.location, '/portal/complaint/received')
    const [c] = await t.database.db.select().from(complaints).where(eq(complaints.caseId, made.id))
    assert.ok(c, 'a register entry')
    assert.equal(c.receivedVia, 'portal')
    assert.equal(c.partyId, made.parent.id)
    assert.equal(c.complainantName, 'Hannah Marsh')
    assert.equal(c.whatHappened, 'The mediator was late and rushed us.')
    assert.equal(c.wantedOutcome, 'Another meeting.')
    assert.ok(c.portalFeedbackId)
    const events = await t.database.db.select().from(complaintEvents).where(eq(complaintEvents.complaintId, c.id))
    assert.equal(events[0]!.actorLabel, 'Hannah Marsh (through the portal)')

    const register = await coordinator.agent.get('/complaints?status=open')
    assert.match(html(register).getElementById('complaints-list')!.text, /Hannah Marsh/)
    const page = await coordinator.agent.get(`/complaints/${c.id}`)
    assert.match(html(page).getElementById('complaint-details')!.text, /The parties' portal/)

    // Staff say what it is about once they have read it: a stale form is refused.
    const mediator = await panelMediator(t, 'Rhys Calder')
    const details = await coordinator.agent.get(`/complaints/${c.id}/details`)
    assert.match(details.body, /asks only what happened/)
    const change = {
      version: String(c.version),
      about: 'mediator',
      aboutMediator: mediator.id,
      aboutUser: '',
      whatHappened: c.whatHappened,
      ...dateFields('happenedOn', '2026-12-17'),
      wantedOutcome: c.wantedOutcome,
    }
    assert.equal((await coordinator.agent.post(`/complaints/${c.id}/details`, change)).statusCode, 303)
    const stale = await coordinator.agent.post(`/complaints/${c.id}/details`, { ...change, about: 'service' })
    assert.equal(stale.statusCode, 409)
    assert.match(stale.body, /Someone else changed this complaint/)
    const [changed] = await t.database.db.select().from(complaints).where(eq(complaints.id, c.id))
    assert.equal(changed!.aboutMediatorId, mediator.id)
    assert.equal(changed!.happenedOn, '2026-12-17')
  })
})

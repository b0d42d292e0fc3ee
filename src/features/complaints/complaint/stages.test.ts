import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, html } from '../../../../test/helpers/html.ts'
import { complaintStages, complaints, messages } from '../../../db/schema/index.ts'
import { caseOf, complaintAt, councilIds, dateFields, newKey, panelMediator, staffOf } from '../testing.ts'

// Monday 4 January 2027. The complaint came on Thursday 24 December 2026, before Christmas Day,
// the Boxing Day holiday (Monday 28th) and New Year's Day.
const today = '2027-01-04'

describe('a complaint through its stages', () => {
  let t: TestApp
  let councils: { a: string; b: string }
  let coordinator: Awaited<ReturnType<typeof staffOf>>
  let manager: Awaited<ReturnType<typeof staffOf>>
  let mediator: Awaited<ReturnType<typeof panelMediator>>
  let complaint: typeof complaints.$inferSelect
  before(async () => {
    t = await createTestApp({ now: `${today}T10:00:00Z` })
    councils = await councilIds(t)
    coordinator = await staffOf(t, 'cora@example.com', ['coordinator'], [councils.a], 'Cora Ordinator')
    manager = await staffOf(t, 'mina@example.com', ['manager'], [councils.a], 'Mina Manager')
    mediator = await panelMediator(t, 'Maya Brennan')
    await coordinator.agent.get('/complaints/new')
    complaint = await complaintAt(
      t,
      await coordinator.agent.post('/complaints/new', {
        submissionKey: newKey(),
        council: councils.a,
        otherName: 'Grace Okafor',
        otherRelationship: '',
        otherEmail: '',
        otherPhone: '01925 000 111',
        otherAddress: '4 Elm Road\nWarrington\nWA1 2AB',
        prefers: 'post',
        receivedVia: 'phone',
        ...dateFields('receivedOn', '2026-12-24'),
        about: 'mediator',
        aboutMediator: mediator.id,
        aboutUser: '',
        whatHappened: 'The mediator spoke over me in the meeting.',
        ...dateFields('happenedOn', '2026-12-10'),
        wantedOutcome: 'An apology.',
        startStage: 'informal',
      }),
    )
  })
  after(() => t.close())

  const path = (p = '') => `/complaints/${complaint.id}${p}`
  const version = async () =>
    String((await t.database.db.select().from(complaints).where(eq(complaints.id, complaint.id)))[0]!.version)
  const stage = async (name: string) =>
    (
      await t.database.db
        .select()
        .from(complaintStages)
        .where(and(eq(complaintStages.complaintId, complaint.id), eq(complaintStages.stage, name)))
    )[0]!
  const messagesOf = (template: string) =>
    t.database.db.select().from(messages).where(eq(messages.templateKey, template))

  test('informal resolution: acknowledged late by a letter, then answered with the outcome in a letter', async () => {
    const page = html(await coordinator.agent.get(path()))
    assert.match(
      page.getElementById('stage-informal')!.text,
      /By Thursday 31 December 2026\s+Overdue\s+1 working day overdue/,
    )

    // Acknowledging: a date before the stage started is refused, the date kept.
    await coordinator.agent.get(path('/acknowledge'))
    const early = await coordinator.agent.post(path('/acknowledge'), {
      version: await version(),
      how: 'message',
      ...dateFields('acknowledgedOn', '2026-12-20'),
    })
    assertFormErrors(early, ['acknowledgedOn-day'])
    const ack = await coordinator.agent.post(path('/acknowledge'), {
      version: await version(),
      how: 'message',
      ...dateFields('acknowledgedOn', today),
    })
    assert.equal(ack.statusCode, 303)
    const [letter] = await messagesOf('complaint-acknowledgement')
    assert.equal(letter!.channel, 'letter', 'they asked for post')
    assert.match(letter!.recipientAddress, /4 Elm Road/)
    assert.match(letter!.body, /We will send you our answer by Tuesday 26 January 2027/)
    assert.equal((await stage('informal')).acknowledgedOn, today)
    // A second acknowledgement is not offered.
    assert.equal((await coordinator.agent.get(path('/acknowledge'))).statusCode, 303)

    // Answering: the outcome, what we found and what changes, in a letter with the next step.
    await coordinator.agent.get(path('/respond'))
    assertFormErrors(
      await coordinator.agent.post(path('/respond'), { version: await version(), ...dateFields('respondedOn', today) }),
      ['outcome', 'findings'],
    )
    const answered = await coordinator.agent.post(path('/respond'), {
      version: await version(),
      outcome: 'partly-upheld',
      findings: 'The mediator did interrupt, but to keep to time.',
      changes: 'Mediators will agree timings with everyone at the start.',
      ...dateFields('respondedOn', today),
    })
    assert.equal(answered.statusCode, 303)
    const [response] = await messagesOf('complaint-response')
    assert.equal(response!.channel, 'letter')
    assert.match(response!.body, /your complaint is partly upheld/)
    assert.match(response!.body, /The mediator did interrupt, but to keep to time\./)
    assert.match(response!.body, /Mediators will agree timings with everyone at the start\./)
    assert.match(response!.body, /the next stage: formal investigation/)
    const s = await stage('informal')
    assert.equal(s.outcome, 'partly-upheld')
    assert.equal(s.responseMessageId, response!.id)
    const after = html(await coordinator.agent.get(path()))
    assert.match(after.getElementById('complaint-status')!.text, /Answered/)
    assert.match(after.getElementById('stage-informal')!.text, /Answered on Monday 4 January 2027\s+In time/)
    assert.match(after.getElementById('next-step')!.text, /formal investigation/)
  })

  test('a stale form is refused with "someone else changed this"', async () => {
    await coordinator.agent.get(path('/escalate'))
    const stale = await coordinator.agent.post(path('/escalate'), { version: '1', ...dateFields('requestedOn', today) })
    assert.equal(stale.statusCode, 409)
    assert.match(stale.body, /Someone else changed this complaint while you were working on it/)
  })

  test('escalated: the formal investigation starts on the day they asked, with its own deadlines', async () => {
    await coordinator.agent.get(path('/escalate'))
    const res = await coordinator.agent.post(path('/escalate'), {
      version: await version(),
      ...dateFields('requestedOn', today),
    })
    assert.equal(res.statusCode, 303)
    const formal = await stage('formal')
    assert.equal(formal.startedOn, today)
    assert.equal(formal.acknowledgeBy, '2027-01-07')
    assert.equal(formal.respondBy, '2027-02-01')
    const [row] = await t.database.db.select().from(complaints).where(eq(complaints.id, complaint.id))
    assert.equal(row!.stage, 'formal')
    assert.equal(row!.status, 'open')
    const page = html(await coordinator.agent.get(path()))
    assert.match(page.getElementById('stage-formal')!.text, /By Thursday 7 January 2027/)
    assert.match(page.getElementById('stage-formal')!.text, /By Monday 1 February 2027/)
    assert.match(page.getElementById('complaint-events')!.text, /Stage started: Formal investigation/)

    // Answered (not upheld) without acknowledging first, then on to the review.
    await coordinator.agent.get(path('/respond'))
    await coordinator.agent.post(path('/respond'), {
      version: await version(),
      outcome: 'not-upheld',
      findings: 'We listened to both sides again.',
      changes: '',
      ...dateFields('respondedOn', today),
    })
    const [, formalLetter] = await messagesOf('complaint-response')
    assert.match(formalLetter!.body, /Nothing changes as a result of this complaint\./)
    assert.match(formalLetter!.body, /review by a senior manager/)
    await coordinator.agent.get(path('/escalate'))
    await coordinator.agent.post(path('/escalate'), { version: await version(), ...dateFields('requestedOn', today) })
    assert.equal((await stage('review')).respondBy, '2027-02-01')
  })

  test('the review is answered by a manager; the letter gives the Civil Mediation Council route with its dates', async () => {
    const fields = async () => ({
      version: await version(),
      outcome: 'upheld',
      findings: 'The review found the meeting was not run fairly.',
      changes: 'Another mediator will offer a new meeting.',
      route: 'cmc',
      ...dateFields('respondedOn', today),
    })
    await coordinator.agent.get(path('/respond'))
    const refused = await coordinator.agent.post(path('/respond'), await fields())
    assert.equal(refused.statusCode, 400)
    assert.match(refused.body, /Only a manager can answer the review by a senior manager/)

    await manager.agent.get(path('/respond'))
    const res = await manager.agent.post(path('/respond'), await fields())
    assert.equal(res.statusCode, 303)
    const letters = await messagesOf('complaint-response')
    const last = letters.at(-1)!
    // 1 month from the answer (4 January) and 6 months from the events (10 December): the earlier.
    assert.match(last.body, /your complaint is upheld/)
    assert.match(last.body, /Civil Mediation Council \(CMC\)/)
    assert.match(last.body, /by Thursday 4 February 2027/)
    assert.match(
      last.body,
      /6 months from what you complained about \(Thursday 10 December 2026\) is Thursday 10 June 2027/,
    )
    const [row] = await t.database.db.select().from(complaints).where(eq(complaints.id, complaint.id))
    assert.equal(row!.status, 'closed')
    const page = html(await manager.agent.get(path()))
    const cmc = page.getElementById('cmc-route')!.text
    assert.match(cmc, /until Thursday 4 February 2027/)
    assert.match(cmc, /1 month from our final answer: Thursday 4 February 2027/)
    assert.match(cmc, /6 months from what happened \(Thursday 10 December 2026\): Thursday 10 June 2027/)
    assert.equal(page.getElementById('complaint-actions')!.querySelectorAll('a').length, 0, 'nothing more to do')
    assert.equal((await manager.agent.get(path('/escalate'))).statusCode, 303)
  })

  test('a complaint about a mediator shows on their panel record, for staff who handle complaints only', async () => {
    const record = html(await coordinator.agent.get(`/mediators/${mediator.id}`))
    const list = record.getElementById('complaints-list')!.text
    assert.match(list, new RegExp(complaint.reference))
    assert.match(list, /Review by a senior manager/)
    assert.match(list, /Upheld/)
    const other = await staffOf(t, 'hal@example.com', ['coordinator'], [councils.b], 'Hal Tonner')
    const theirs = html(await other.agent.get(`/mediators/${mediator.id}`))
    assert.doesNotMatch(theirs.text, new RegExp(complaint.reference), 'another council’s complaint is not shown')
    assert.match(theirs.getElementById('complaints')!.text, /Complaints about Maya Brennan/)
  })

  test("after the last stage, the council's own route instead; a party complainant answered by email", async () => {
    const made = await caseOf(t, councils.a, 'Leo Marsh', 'Hannah Marsh')
    await coordinator.agent.get(`/complaints/new?case=${made.id}`)
    const c = await complaintAt(
      t,
      await coordinator.agent.post('/complaints/new', {
        submissionKey: newKey(),
        caseId: made.id,
        complainant: made.parent.id,
        receivedVia: 'email',
        ...dateFields('receivedOn', today),
        about: 'service',
        whatHappened: 'The letters went to the wrong address.',
        ...dateFields('happenedOn', '2026-12-30'),
        wantedOutcome: '',
        startStage: 'formal',
      }),
    )
    const at = (p: string) => `/complaints/${c.id}${p}`
    const v = async () =>
      String((await t.database.db.select().from(complaints).where(eq(complaints.id, c.id)))[0]!.version)
    await coordinator.agent.get(at('/respond'))
    await coordinator.agent.post(at('/respond'), {
      version: await v(),
      outcome: 'upheld',
      findings: 'We had the old address.',
      changes: 'We check addresses at every call.',
      ...dateFields('respondedOn', today),
    })
    await coordinator.agent.get(at('/escalate'))
    await coordinator.agent.post(at('/escalate'), { version: await v(), ...dateFields('requestedOn', today) })
    await manager.agent.get(at('/respond'))
    await manager.agent.post(at('/respond'), {
      version: await v(),
      outcome: 'upheld',
      findings: 'Upheld again.',
      changes: '',
      route: 'council',
      ...dateFields('respondedOn', today),
    })
    const sent = await t.database.db
      .select()
      .from(messages)
      .where(and(eq(messages.templateKey, 'complaint-response'), eq(messages.caseId, made.id)))
    assert.equal(sent.length, 2)
    assert.ok(sent.every((m) => m.channel === 'email' && m.recipientAddress === 'sarah@example.com'))
    assert.match(sent[1]!.body, /complain to Warrington Borough Council, which pays for this service/)
    assert.doesNotMatch(sent[1]!.body, /Civil Mediation Council/)
  })
})

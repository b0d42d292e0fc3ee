import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { and, eq, ne } from 'drizzle-orm'
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, html } from '../../../../test/helpers/html.ts'
import { caseParties, meetings } from '../../../db/schema/index.ts'
import { signInWithLink } from '../../portal/testing.ts'
import { caseOf, councilIds, newKey, panelMediator, staffOf } from '../testing.ts'

// Wednesday 31 March 2027: the quarter so far is January to March.
const today = '2027-03-31'

describe('feedback results', () => {
  let t: TestApp
  let councils: { a: string; b: string }
  let coordinator: Awaited<ReturnType<typeof staffOf>>
  let maya: Awaited<ReturnType<typeof staffOf>>
  let rhysId: string
  const references: string[] = []
  before(async () => {
    t = await createTestApp({ now: `${today}T10:00:00Z` })
    councils = await councilIds(t)
    coordinator = await staffOf(t, 'cora@example.com', ['coordinator'], [councils.a], 'Cora Ordinator')
    maya = await staffOf(t, 'maya@example.com', ['mediator'], [], 'Maya Brennan')
    const mayaRecord = await panelMediator(t, 'Maya Brennan', maya.user.id)
    rhysId = (await panelMediator(t, 'Rhys Calder')).id

    /** A case of the council, its meeting on `day` with the mediator, and feedback from its parties. */
    async function meetingWith(
      council: string,
      mediatorId: string,
      day: string,
      parent: string,
      answers: { parent?: [string, string, string]; council?: [string, string, string] },
      cancelled = false,
    ) {
      const made = await caseOf(t, council, `Child of ${parent}`, parent)
      references.push(made.reference)
      await t.database.db.insert(meetings).values({
        caseId: made.id,
        mediatorId,
        day,
        startTime: '10:00',
        endTime: '12:00',
        icsUid: `${randomUUID()}@parley.test`,
        noticeSentOn: day,
        bookedAt: t.clock.now(),
        cancelledAt: cancelled ? t.clock.now() : null,
      })
      const [other] = await t.database.db
        .select()
        .from(caseParties)
        .where(and(eq(caseParties.caseId, made.id), ne(caseParties.role, 'parent')))
      await t.database.db
        .update(caseParties)
        .set({ email: `officer.${references.length}@council.example` })
        .where(eq(caseParties.id, other!.id))
      for (const [partyId, given] of [
        [made.parent.id, answers.parent],
        [other!.id, answers.council],
      ] as const) {
        if (!given) continue
        const party = await signInWithLink(t, partyId)
        await party.get('/portal/feedback')
        const [satisfaction, heard, comment] = given
        const res = await party.post('/portal/feedback', { submissionKey: newKey(), satisfaction, heard, comment })
        assert.equal(res.statusCode, 303)
      }
      return made
    }

    await meetingWith(councils.a, mayaRecord.id, '2027-02-10', 'Sarah Hartley', {
      parent: ['very-satisfied', 'yes', 'Maya was kind.'],
      council: ['satisfied', 'partly', ''],
    })
    await meetingWith(councils.a, mayaRecord.id, '2027-03-05', 'Nadia Price', {
      parent: ['dissatisfied', 'no', 'Too rushed.'],
    })
    await meetingWith(councils.a, rhysId, '2027-01-20', 'Priya Shah', {})
    // Not counted in the quarter: a meeting before it, and one cancelled.
    await meetingWith(councils.a, mayaRecord.id, '2026-12-15', 'Tom Reid', {
      parent: ['very-dissatisfied', 'no', 'Last year.'],
    })
    await meetingWith(
      councils.a,
      mayaRecord.id,
      '2027-02-20',
      'Ann Cole',
      { parent: ['very-dissatisfied', 'no', 'Cancelled.'] },
      true,
    )
    // Another council's meeting with Maya.
    await meetingWith(councils.b, mayaRecord.id, '2027-02-01', 'Lena Ford', {
      parent: ['satisfied', 'yes', 'Calm and fair.'],
    })
  })
  after(() => t.close())

  test('staff see the quarter so far for their council: response rate, each question, by mediator, and who said what', async () => {
    const res = await coordinator.agent.get('/feedback')
    assert.equal(res.statusCode, 200)
    const doc = html(res)
    assert.match(doc.getElementById('period')!.text, /Friday 1 January 2027 to Wednesday 31 March 2027/)
    assert.match(doc.getElementById('response-rate')!.text, /50%\s+answered: 3 of the 6 parties in 3 meetings/)
    assert.match(
      doc.getElementById('response-rate')!.text,
      /67% were satisfied or very satisfied \(average 3.7 out of 5\); 33% felt listened to/,
    )
    const satisfaction = doc.getElementById('question-satisfaction')!.text.replace(/\s+/g, ' ')
    assert.match(satisfaction, /Overall, how do you feel about the service you got\?/)
    assert.match(satisfaction, /Very satisfied 1 33%/)
    assert.match(satisfaction, /Satisfied 1 33%/)
    assert.match(satisfaction, /Dissatisfied 1 33%/)
    assert.match(satisfaction, /Very dissatisfied 0 0%/)
    assert.match(doc.getElementById('question-heard')!.text.replace(/\s+/g, ' '), /Yes 1 33% Partly 1 33% No 1 33%/)
    const perMediator = doc.getElementById('per-mediator')!.text.replace(/\s+/g, ' ')
    assert.match(perMediator, /Maya Brennan 2 3 of 4 \(75%\) 67% 33%/)
    assert.match(perMediator, /Rhys Calder 1 0 of 2 \(0%\) No answers No answers/)
    const comments = doc.getElementById('comments')!.text
    assert.match(comments, /Maya was kind\.[\s\S]*Sarah Hartley/)
    assert.match(comments, /Too rushed\.[\s\S]*Nadia Price/)
    assert.doesNotMatch(comments, /Last year|Cancelled|Calm and fair/)
    assert.ok(doc.querySelector(`#comments a[href$="/portal"]`), "each comment links to its case's feedback")
    assert.match(doc.getElementById('anonymity')!.text, /does not promise the parties that their answers are anonymous/)

    // One mediator's results; and another period, typed as people do.
    const rhys = html(await coordinator.agent.get(`/feedback?mediator=${rhysId}`))
    assert.match(rhys.getElementById('response-rate')!.text, /0%\s+answered: 0 of the 2 parties in 1 meeting\./)
    const december = html(await coordinator.agent.get('/feedback?from=1/12/2026&to=31/12/2026'))
    assert.match(december.getElementById('comments')!.text, /Last year\./)
    assertFormErrors(await coordinator.agent.get('/feedback?from=31/2/2027&to=1/1/2027'), ['from'])
  })

  test("a mediator sees their own results in every council, without who said what, and no one else's", async () => {
    const res = await maya.agent.get('/feedback')
    assert.equal(res.statusCode, 200)
    const doc = html(res)
    assert.equal(doc.querySelector('h1')!.text.trim(), 'Your feedback results')
    assert.match(doc.getElementById('response-rate')!.text, /67%\s+answered: 4 of the 6 parties in 3 meetings/)
    const comments = doc.getElementById('comments')!.text
    for (const words of ['Maya was kind.', 'Too rushed.', 'Calm and fair.']) assert.ok(comments.includes(words), words)
    for (const name of ['Sarah Hartley', 'Nadia Price', 'Lena Ford', 'Warrington Borough Council'])
      assert.ok(!res.body.includes(name), `no ${name}`)
    for (const reference of references) assert.ok(!res.body.includes(reference), `no ${reference}`)
    assert.equal(doc.getElementById('per-mediator'), null)
    assert.match(doc.getElementById('anonymity')!.text, /without names, case references or dates/)
    // Asking for another mediator's results still shows only their own.
    const other = html(await maya.agent.get(`/feedback?mediator=${rhysId}`))
    assert.match(other.getElementById('response-rate')!.text, /4 of the 6 parties/)

    // A mediator's account not linked to the panel has no results.
    const unlinked = await staffOf(t, 'new.mediator@example.com', ['mediator'], [], 'Nia Newcombe')
    assert.match(html(await unlinked.agent.get('/feedback')).getElementById('no-profile')!.text, /not linked/)
  })
})

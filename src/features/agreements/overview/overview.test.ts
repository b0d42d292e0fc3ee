import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html, titleOf } from '../../../../test/helpers/html.ts'
import { caseParties, messages } from '../../../db/schema/index.ts'
import { acceptAndFinalise, agreementCase, agreementStaff, draftPoints, type Staff } from '../testing.ts'

describe('the meeting and agreement tab, at /cases/:id/agreement, and what was not agreed', () => {
  let t: TestApp
  let staff: Staff
  const url = (id: string) => `/cases/${id}/agreement`

  before(async () => {
    t = await createTestApp()
    staff = await agreementStaff(t)
  })
  after(() => t.close())

  it('shows the draft with SMART advice beside each point, for the mediator and case workers', async () => {
    const c = await agreementCase(t, staff)
    await draftPoints(t, c)
    for (const agent of [staff.mediator, staff.coordinator]) {
      const res = await agent.get(url(c.id))
      assert.equal(res.statusCode, 200)
      assert.match(titleOf(res), /^Meeting and agreement - /)
      const doc = html(res)
      assert.equal(doc.querySelector('.moj-sub-navigation a[aria-current=page]')?.text.trim(), 'Agreement')
      const cards = doc.querySelectorAll('#agreement-draft .govuk-summary-card')
      assert.equal(cards.length, 3)
      assert.match(cards[0]!.text, /This point says who, what, by when and how everyone will know\./)
      assert.match(cards[2]!.text, /"Try to" can be read in different ways/)
      assert.match(cards[2]!.text, /There is no date/)
      assert.match(doc.getElementById('not-agreed')!.text, /Transport to school\./)
    }
    assert.equal((await staff.otherMediator.get(url(c.id))).statusCode, 404)
    assert.equal((await new Agent(t.app).get(url(c.id))).statusCode, 303)
  })

  it('shows the final agreement and the follow-through once final', async () => {
    const c = await agreementCase(t, staff)
    await draftPoints(t, c)
    await acceptAndFinalise(t, c.id, staff.mediatorUserId)
    const doc = html(await staff.mediator.get(url(c.id)))
    assert.match(doc.getElementById('agreement-final')!.text, /made final on Friday 27 November 2026/)
    assert.doesNotMatch(doc.getElementById('agreement-final')!.text, /every party/)
    assert.deepEqual(
      doc.querySelectorAll('#agreement-copies li').map((li) => li.text.trim()),
      [
        'Sarah Hartley: by email, waiting to be sent',
        'the council (Warrington Borough Council): by email, waiting to be sent',
        'the school (Brookfield Primary School): by email, waiting to be sent',
      ],
    )
    assert.equal(doc.querySelectorAll('#follow-through tbody tr').length, 3)
    assert.equal(doc.querySelectorAll('#agreement-draft').length, 0)
  })

  it('says which parties a copy went to and how far it got, and which had no contact details for one', async () => {
    const c = await agreementCase(t, staff)
    await t.database.db
      .update(caseParties)
      .set({ email: null, phone: null })
      .where(and(eq(caseParties.caseId, c.id), eq(caseParties.role, 'local-authority')))
    await draftPoints(t, c)
    await acceptAndFinalise(t, c.id, staff.mediatorUserId)
    await t.database.db
      .update(messages)
      .set({ status: 'sent' })
      .where(and(eq(messages.caseId, c.id), eq(messages.recipientName, 'Sarah Hartley')))
    const lines = html(await staff.coordinator.get(url(c.id)))
      .querySelectorAll('#agreement-copies li')
      .map((li) => li.text.trim())
    assert.deepEqual(lines, [
      'Sarah Hartley: by email, sent',
      'the council (Warrington Borough Council): no copy sent: there are no contact details for them',
      'the school (Brookfield Primary School): by email, waiting to be sent',
    ])
  })

  it('records what was not agreed and whether check-ins were agreed, offering the unresolved agenda issues', async () => {
    const c = await agreementCase(t, staff)
    const page = `${url(c.id)}/not-agreed`
    assertRedirect(
      await staff.mediator.submit(`${url(c.id)}/meeting-record`, {
        startedAt: '10:00',
        privateSessions: '0',
        groundRules: ['confidentiality', 'respect', 'listening', 'impartiality'],
        [`issue-${c.issues[1]!.id}`]: 'partly-resolved',
      }),
    )
    const res = await staff.mediator.get(page)
    assert.equal(res.statusCode, 200)
    assert.match(titleOf(res), /^Not agreed, and check-ins - /)
    assert.match(html(res).getElementById('from-agenda')!.text, /Transport to school\. \(partly resolved\)/)
    assert.equal(html(res).getElementById('notAgreed')!.text, 'Transport to school.')
    const long = Array.from({ length: 51 }, (_, i) => `Issue ${i}`).join('\n')
    const invalid = await staff.mediator.submit(page, { notAgreed: long, checkIns: 'yes' })
    assertFormErrors(invalid, ['notAgreed'])
    assert.equal(html(invalid).querySelector('input[name=checkIns]')?.getAttribute('checked'), '')
    assertRedirect(
      await staff.mediator.submit(page, { notAgreed: 'Transport to school.\n\nA laptop for home.', checkIns: 'yes' }),
      url(c.id),
    )
    const doc = html(await staff.mediator.get(url(c.id)))
    assert.deepEqual(
      doc.querySelectorAll('#not-agreed li').map((li) => li.text),
      ['Transport to school.', 'A laptop for home.'],
    )
    assert.equal((await staff.otherMediator.get(page)).statusCode, 404)
  })
})

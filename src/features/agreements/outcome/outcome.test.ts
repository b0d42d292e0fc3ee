import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { asc, eq } from 'drizzle-orm'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html, titleOf } from '../../../../test/helpers/html.ts'
import { agreementPoints, caseOutcomes, cases } from '../../../db/schema/index.ts'
import { createWorkflowService } from '../../cases/index.ts'
import { acceptAndFinalise, agreementCase, agreementStaff, draftPoints, type Staff } from '../testing.ts'

describe('closing the case with its outcome, at /cases/:id/agreement/outcome', () => {
  let t: TestApp
  let staff: Staff
  const url = (id: string) => `/cases/${id}/agreement/outcome`
  const statusOf = async (id: string) => (await t.database.db.select().from(cases).where(eq(cases.id, id)))[0]!.status

  before(async () => {
    t = await createTestApp()
    staff = await agreementStaff(t)
  })
  after(() => t.close())

  it('is for case workers only', async () => {
    const c = await agreementCase(t, staff)
    const res = await staff.coordinator.get(url(c.id))
    assert.equal(res.statusCode, 200)
    assert.match(titleOf(res), /^How the case ended - /)
    assert.equal((await staff.mediator.get(url(c.id))).statusCode, 403)
    await staff.mediator.get(`/cases/${c.id}/agreement`)
    assert.equal((await staff.mediator.post(url(c.id), { outcome: 'full-agreement' })).statusCode, 403)
    assert.equal((await new Agent(t.app).get(url(c.id))).statusCode, 303)
    assert.doesNotMatch((await staff.mediator.get(`/cases/${c.id}/agreement`)).body, /Close the case with its outcome/)
  })

  it('asks what each outcome needs, keeping what was typed', async () => {
    const c = await agreementCase(t, staff)
    assertFormErrors(await staff.coordinator.submit(url(c.id), {}), ['outcome'])
    const res = await staff.coordinator.submit(url(c.id), { outcome: 'withdrawn', referredTo: 'SENDIASS' })
    assertFormErrors(res, ['withdrawnBy', 'reason'])
    assert.equal(html(res).getElementById('referredTo')?.getAttribute('value'), 'SENDIASS')
    assertFormErrors(await staff.coordinator.submit(url(c.id), { outcome: 'could-not-proceed' }), ['unwillingPartyId'])
    assertFormErrors(await staff.coordinator.submit(url(c.id), { outcome: 'referred' }), ['referredTo'])
  })

  it('closes an agreed case once its certificate is issued, counting points kept and not kept', async () => {
    const c = await agreementCase(t, staff)
    await draftPoints(t, c)
    await acceptAndFinalise(t, c.id, staff.mediatorUserId)
    const points = await t.database.db
      .select()
      .from(agreementPoints)
      .where(eq(agreementPoints.caseId, c.id))
      .orderBy(asc(agreementPoints.position))
    await t.database.db.update(agreementPoints).set({ followUp: 'kept' }).where(eq(agreementPoints.id, points[0]!.id))
    await t.database.db.update(agreementPoints).set({ followUp: 'late' }).where(eq(agreementPoints.id, points[1]!.id))
    await t.database.db
      .update(agreementPoints)
      .set({ followUp: 'not-kept' })
      .where(eq(agreementPoints.id, points[2]!.id))
    // SEN mediation: the certificate comes first.
    const refused = await staff.coordinator.submit(url(c.id), { outcome: 'partial-agreement' })
    assertFormErrors(refused, ['outcome'])
    assert.match(refused.body, /Issue the certificate first/)
    const r = await createWorkflowService({ db: t.database.db, clock: t.clock }).apply(
      c.id,
      { type: 'issue-certificate', kind: 'after-mediation' },
      { actor: { label: 'Test' } },
    )
    assert.ok(r.ok)
    assertRedirect(
      await staff.coordinator.submit(url(c.id), {
        outcome: 'partial-agreement',
        reason: 'Transport still to be sorted.',
      }),
      `/cases/${c.id}/agreement`,
    )
    const [outcome] = await t.database.db.select().from(caseOutcomes).where(eq(caseOutcomes.caseId, c.id))
    assert.deepEqual(
      [outcome!.outcome, outcome!.pointsKept, outcome!.pointsNotKept, outcome!.reason],
      ['partial-agreement', 2, 1, 'Transport still to be sorted.'],
    )
    assert.equal(await statusOf(c.id), 'closed')
    assert.match(
      html(await staff.coordinator.get(url(c.id))).getElementById('recorded-outcome')!.text,
      /Partial agreement\. Points kept: 2\. Points not kept: 1\./,
    )
    assertFormErrors(await staff.coordinator.submit(url(c.id), { outcome: 'no-agreement' }), ['recorded-outcome'])
  })

  it('withdraws a case before the meeting, saying by whom and why', async () => {
    const c = await agreementCase(t, staff, { meeting: false })
    assertRedirect(
      await staff.coordinator.submit(url(c.id), {
        outcome: 'withdrawn',
        withdrawnBy: 'parent',
        reason: 'The council agreed to amend the plan.',
      }),
    )
    // A parent withdrawing from SEN mediation is owed a certificate, so the case stays withdrawn until it is issued.
    assert.equal(await statusOf(c.id), 'withdrawn')
    const [outcome] = await t.database.db.select().from(caseOutcomes).where(eq(caseOutcomes.caseId, c.id))
    assert.deepEqual([outcome!.outcome, outcome!.withdrawnBy, outcome!.pointsKept], ['withdrawn', 'parent', 0])
  })

  it('records which party was unwilling, or where the case was referred', async () => {
    const c = await agreementCase(t, staff, { meeting: false })
    assertRedirect(
      await staff.coordinator.submit(url(c.id), {
        outcome: 'could-not-proceed',
        unwillingPartyId: c.school.id,
        reason: 'The school would not come.',
      }),
    )
    const [outcome] = await t.database.db.select().from(caseOutcomes).where(eq(caseOutcomes.caseId, c.id))
    assert.equal(outcome!.unwillingPartyId, c.school.id)
    // Withdrawn by the service (no certificate is owed for that), then closed.
    assert.equal(await statusOf(c.id), 'closed')
    const d = await agreementCase(t, staff, { meeting: false })
    assertRedirect(await staff.coordinator.submit(url(d.id), { outcome: 'referred', referredTo: 'SENDIASS' }))
    assert.equal(
      (await t.database.db.select().from(caseOutcomes).where(eq(caseOutcomes.caseId, d.id)))[0]!.referredTo,
      'SENDIASS',
    )
  })
})

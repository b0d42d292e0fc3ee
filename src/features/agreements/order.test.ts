// The agreement pages cannot record what did not happen (domain/event-order.ts, the rule the API
// uses): an agreement made final before its meeting's date, or a point followed up before the
// agreement was made, is refused with a clear message and changes nothing; a meeting record saved
// before the meeting's day says the meeting is not held yet, and what to do if it was.
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { asc, eq } from 'drizzle-orm'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { html } from '../../../test/helpers/html.ts'
import { agreementPoints, agreements, caseEvents, meetings } from '../../db/schema/index.ts'
import { createWorkflowService } from '../cases/index.ts'
import { agreementWithPoints, mediationParties } from './repository.ts'
import { createAgreementService } from './service.ts'
import { acceptAndFinalise, agreementCase, agreementStaff, draftPoints, type Staff } from './testing.ts'

describe('the agreement pages refuse an impossible order', () => {
  let t: TestApp
  let staff: Staff
  const base = (id: string) => `/cases/${id}/agreement`
  const summaryOf = (res: { body: string }) =>
    html(res as never)
      .querySelector('.govuk-error-summary')
      ?.text.replace(/\s+/g, ' ')
      .trim() ?? ''

  before(async () => {
    t = await createTestApp({ config: { SESSION_IDLE_MINUTES: 60 * 24 * 365 } }) // Friday 27 November 2026
    staff = await agreementStaff(t)
  })
  after(() => t.close())

  it('refuses to make an agreement final before the day of its meeting', async () => {
    const c = await agreementCase(t, staff, { meeting: false })
    const workflow = createWorkflowService({ db: t.database.db, clock: t.clock })
    const arranged = await workflow.apply(
      c.id,
      { type: 'arrange-meeting', meetingDate: '2026-12-15', shorterNoticeAgreed: true },
      { actor: { label: 'Set up by the test' } },
    )
    assert.ok(arranged.ok, arranged.ok ? '' : arranged.reason)
    await t.database.db.insert(meetings).values({
      caseId: c.id,
      mediatorId: staff.mediatorId,
      day: '2026-12-15',
      startTime: '10:00',
      endTime: '12:00',
      icsUid: `${randomUUID()}@parley.test`,
      noticeSentOn: t.clock.today(),
      bookedAt: t.clock.now(),
    })
    await draftPoints(t, c)
    const service = createAgreementService({ db: t.database.db, clock: t.clock })
    const draft = (await agreementWithPoints(t.database.db, c.id))!
    const parties = await mediationParties(t.database.db, c.id)
    const accepted = await service.acceptAtMeeting(
      c.id,
      { partyIds: parties.map((p) => p.id), agreementVersion: draft.version },
      { actor: { userId: staff.mediatorUserId, label: 'Alice Able' } },
    )
    assert.ok(accepted.ok)
    const res = await staff.mediator.submit(`${base(c.id)}/finalise`, { agreementVersion: String(draft.version) })
    assert.equal(res.statusCode, 400, res.body.slice(0, 200))
    assert.match(
      summaryOf(res),
      /The meeting is on Tuesday 15 December 2026: it cannot be recorded as held on Friday 27 November 2026, before its date\./,
    )
    const [row] = await t.database.db.select().from(agreements).where(eq(agreements.caseId, c.id))
    assert.equal(row!.status, 'draft')
  })

  it('refuses a point followed up on a day before the agreement was made', async () => {
    const c = await agreementCase(t, staff)
    await draftPoints(t, c)
    t.clock.set('2026-11-30T10:00:00Z') // made final on Monday 30 November
    await acceptAndFinalise(t, c.id, staff.mediatorUserId)
    t.clock.set('2026-11-27T10:00:00Z') // a follow-up dated the Friday before, as a wrong clock or a late entry would
    try {
      const [point] = await t.database.db
        .select()
        .from(agreementPoints)
        .where(eq(agreementPoints.caseId, c.id))
        .orderBy(asc(agreementPoints.position))
      const res = await staff.mediator.submit(`${base(c.id)}/follow-up/${point!.id}`, {
        version: String(point!.version),
        outcome: 'kept',
        note: '',
      })
      assert.equal(res.statusCode, 400, res.body.slice(0, 200))
      assert.match(
        summaryOf(res),
        /The agreement was made on Monday 30 November 2026: following up (a point of )?the agreement cannot be dated Friday 27 November 2026, before it\./,
      )
      const types = (await t.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, c.id))).map(
        (e) => e.type,
      )
      assert.ok(!types.includes('agreement-point-followed-up'))
    } finally {
      t.clock.set('2026-11-27T10:00:00Z')
    }
  })
})

import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { and, asc, eq } from 'drizzle-orm'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { agreementPoints, caseEvents, messages } from '../../db/schema/index.ts'
import { queueDueCheckIns } from './check-ins.ts'
import { acceptAndFinalise, agreementCase, agreementStaff, draftPoints, type Staff } from './testing.ts'

describe('check-ins when a point of the agreement falls due', () => {
  let t: TestApp
  let staff: Staff
  const checkIns = (caseId: string) =>
    t.database.db
      .select()
      .from(messages)
      .where(and(eq(messages.caseId, caseId), eq(messages.templateKey, 'agreement-check-in')))
      .orderBy(asc(messages.createdAt))

  before(async () => {
    t = await createTestApp()
    staff = await agreementStaff(t)
  })
  after(() => t.close())

  it('asks the person responsible and the parent, once per point, only when check-ins were agreed', async () => {
    t.clock.set('2026-11-27T10:00:00Z')
    const agreed = await agreementCase(t, staff)
    await draftPoints(t, agreed, { checkIns: true })
    await acceptAndFinalise(t, agreed.id, staff.mediatorUserId)
    const notAgreed = await agreementCase(t, staff)
    await draftPoints(t, notAgreed, { checkIns: false })
    await acceptAndFinalise(t, notAgreed.id, staff.mediatorUserId)

    // Nothing is due yet.
    assert.deepEqual(await queueDueCheckIns({ db: t.database.db, clock: t.clock }), { points: 0, messages: 0 })

    // Monday 7 December 2026: the school's point falls due.
    t.clock.set('2026-12-07T08:00:00Z')
    const first = await queueDueCheckIns({ db: t.database.db, clock: t.clock })
    assert.deepEqual(first, { points: 1, messages: 2 })
    const sent = await checkIns(agreed.id)
    assert.deepEqual(sent.map((m) => m.partyId).sort(), [agreed.school.id, agreed.parent.id].sort())
    assert.match(sent[0]!.body, /Point 2 was due on Monday 7 December 2026:\nMeet Sarah every Monday at 3:30pm/)
    assert.match(sent[0]!.subject, /Has it been done\? Point 2 of the mediation agreement/)
    assert.equal((await checkIns(notAgreed.id)).length, 0, 'no check-ins where they were not agreed')

    // Run again the same day, and the next: nothing more for that point.
    assert.deepEqual(await queueDueCheckIns({ db: t.database.db, clock: t.clock }), { points: 0, messages: 0 })
    t.clock.set('2026-12-08T08:00:00Z')
    assert.deepEqual(await queueDueCheckIns({ db: t.database.db, clock: t.clock }), { points: 0, messages: 0 })

    // Friday 11 December: Sarah's own point (no party named, so only the parent) is due; the
    // council's was kept early and gets none.
    const [p1] = await t.database.db
      .select()
      .from(agreementPoints)
      .where(eq(agreementPoints.caseId, agreed.id))
      .orderBy(asc(agreementPoints.position))
    await t.database.db.update(agreementPoints).set({ followUp: 'kept' }).where(eq(agreementPoints.id, p1!.id))
    t.clock.set('2026-12-21T08:00:00Z')
    assert.deepEqual(await queueDueCheckIns({ db: t.database.db, clock: t.clock }), { points: 1, messages: 1 })
    assert.equal((await checkIns(agreed.id)).length, 3)
    const events = await t.database.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, agreed.id), eq(caseEvents.type, 'agreement-check-in-sent')))
    assert.equal(events.length, 2)
  })
})

import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { and, asc, eq, like } from 'drizzle-orm'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html, titleOf } from '../../../../test/helpers/html.ts'
import {
  agreementAcceptances,
  agreementPoints,
  agreements,
  caseDeadlines,
  caseEvents,
  cases,
  messages,
} from '../../../db/schema/index.ts'
import { readPdf } from '../../certificates/testing.ts'
import { mediationParties } from '../repository.ts'
import { createAgreementService } from '../service.ts'
import { acceptAndFinalise, agreementCase, agreementStaff, draftPoints, type Staff } from '../testing.ts'

describe('reviewing, accepting and finalising the agreement', () => {
  let t: TestApp
  let staff: Staff
  const base = (id: string) => `/cases/${id}/agreement`
  const versionOf = async (id: string) =>
    (await t.database.db.select().from(agreements).where(eq(agreements.caseId, id)))[0]!.version

  before(async () => {
    t = await createTestApp()
    staff = await agreementStaff(t)
  })
  after(() => t.close())

  it('shows the whole draft for review and records acceptances at the meeting, once per party and version', async () => {
    const c = await agreementCase(t, staff)
    await draftPoints(t, c)
    const review = await staff.mediator.get(`${base(c.id)}/review`)
    assert.equal(review.statusCode, 200)
    assert.match(titleOf(review), /^Review the draft agreement - /)
    assert.match(html(review).getElementById('draft')!.text, /Meet Sarah every Monday at 3:30pm/)
    assertFormErrors(
      await staff.mediator.submit(`${base(c.id)}/review`, { agreementVersion: String(await versionOf(c.id)) }),
      ['parties'],
    )
    const v = String(await versionOf(c.id))
    assertRedirect(
      await staff.mediator.submit(`${base(c.id)}/review`, {
        agreementVersion: v,
        parties: [c.parent.id, c.council.id],
      }),
      `${base(c.id)}/review`,
    )
    assertRedirect(await staff.mediator.post(`${base(c.id)}/review`, { agreementVersion: v, parties: [c.parent.id] }))
    const rows = await t.database.db
      .select()
      .from(agreementAcceptances)
      .innerJoin(agreements, eq(agreements.id, agreementAcceptances.agreementId))
      .where(eq(agreements.caseId, c.id))
    assert.equal(rows.length, 2)
    assert.match(
      html(await staff.mediator.get(`${base(c.id)}/review`)).getElementById('acceptances')!.text,
      /Accepted at the meeting/,
    )
    // A change to the draft needs acceptance again; an acceptance of the old version is refused.
    await staff.mediator.submit(`${base(c.id)}/not-agreed`, {
      notAgreed: 'Transport to school.\nA new laptop.',
      agreementVersion: v,
    })
    const stale = await staff.mediator.submit(`${base(c.id)}/review`, { agreementVersion: v, parties: [c.school.id] })
    assert.equal(stale.statusCode, 409)
    assert.doesNotMatch(
      html(await staff.mediator.get(`${base(c.id)}/review`)).getElementById('acceptances')!.text,
      /Accepted at the meeting/,
    )
    assert.equal((await staff.otherMediator.get(`${base(c.id)}/review`)).statusCode, 404)
    assert.equal((await new Agent(t.app).get(`${base(c.id)}/review`)).statusCode, 303)
  })

  it('refuses to finalise without every acceptance or a reason, or with nothing agreed and no confirmation', async () => {
    const c = await agreementCase(t, staff)
    const page = await staff.mediator.get(`${base(c.id)}/finalise`)
    assert.equal(page.statusCode, 200)
    assert.match(html(page).getElementById('no-draft')!.text, /Nothing has been written yet/)
    await staff.mediator.submit(`${base(c.id)}/not-agreed`, { notAgreed: 'Everything.' })
    const none = await staff.mediator.submit(`${base(c.id)}/finalise`, {
      agreementVersion: String(await versionOf(c.id)),
      acceptanceNote: 'The council will confirm online.',
    })
    assertFormErrors(none, ['noAgreement'])
    assert.equal(html(none).getElementById('acceptanceNote')?.text, 'The council will confirm online.')
    await draftPoints(t, c)
    assertFormErrors(
      await staff.mediator.submit(`${base(c.id)}/finalise`, { agreementVersion: String(await versionOf(c.id)) }),
      ['acceptanceNote'],
    )
    const stale = await staff.mediator.submit(`${base(c.id)}/finalise`, { agreementVersion: '1', acceptanceNote: 'x' })
    assert.equal(stale.statusCode, 409)
    assert.match(stale.body, /Someone else changed this agreement/)
    assert.equal((await t.database.db.select().from(agreements).where(eq(agreements.caseId, c.id)))[0]!.status, 'draft')
    assert.equal((await staff.otherMediator.get(`${base(c.id)}/finalise`)).statusCode, 404)
  })

  it('finalises: freezes the words, sets due dates, sends every party a copy with the PDF, and ends the mediation', async () => {
    const c = await agreementCase(t, staff, { largePrintParent: true })
    // The meeting record first: held today, one issue not resolved.
    assertRedirect(
      await staff.mediator.submit(`${base(c.id)}/meeting-record`, {
        attended: c.attendees.map((a) => a.id),
        authority: [c.attendees[1]!.id],
        startedAt: '10:00',
        endedAt: '12:30',
        privateSessions: '1',
        groundRules: ['confidentiality', 'respect', 'listening', 'impartiality'],
        [`issue-${c.issues[0]!.id}`]: 'resolved',
        [`issue-${c.issues[1]!.id}`]: 'not-resolved',
      }),
    )
    await draftPoints(t, c)
    const v = String(await versionOf(c.id))
    assertRedirect(
      await staff.mediator.submit(`${base(c.id)}/review`, {
        agreementVersion: v,
        parties: [c.parent.id, c.council.id, c.school.id],
      }),
    )
    const res = await staff.mediator.submit(`${base(c.id)}/finalise`, { agreementVersion: v })
    assertRedirect(res, `${base(c.id)}/final`)
    const final = await staff.mediator.get(`${base(c.id)}/final`)
    assert.match(final.body, /Agreement made final\. A copy is queued for 3 parties\./)

    const db = t.database.db
    const [agreement] = await db.select().from(agreements).where(eq(agreements.caseId, c.id))
    assert.equal(agreement!.status, 'final')
    assert.equal(agreement!.finalisedOn, '2026-11-27')
    assert.equal(agreement!.largePrint, true)
    const points = await db
      .select()
      .from(agreementPoints)
      .where(eq(agreementPoints.caseId, c.id))
      .orderBy(asc(agreementPoints.position))
    // Draft plan: 5 weeks from Friday 27 November 2026 is Friday 1 January 2027; the parties wrote in 18 December, sooner.
    assert.deepEqual(
      points.map((p) => [p.statutoryDueDate, p.dueDate]),
      [
        ['2027-01-01', '2026-12-18'],
        ['2026-12-11', '2026-12-07'],
        ['2026-12-11', '2026-12-11'],
      ],
    )

    // One message per party, each with the agreement attached; large print for the parent who asked.
    const sent = await db
      .select()
      .from(messages)
      .where(and(eq(messages.caseId, c.id), eq(messages.templateKey, 'agreement-copy')))
    assert.equal(sent.length, 3)
    assert.deepEqual(sent.map((m) => m.partyId).sort(), [c.parent.id, c.council.id, c.school.id].sort())
    for (const m of sent) {
      const [attachment] = m.attachments as { filename: string; contentType: string; content: string }[]
      assert.equal(attachment!.contentType, 'application/pdf')
      assert.match(m.subject, /Your copy of the mediation agreement/)
      const pdf = await readPdf(Buffer.from(attachment!.content, 'base64'))
      assert.ok(
        pdf.text
          .replace(/-\s+/g, '-')
          .includes('Meet Sarah every Monday at 3:30pm to go through the home-school book.'),
      )
      if (m.partyId === c.parent.id) {
        assert.match(attachment!.filename, /-agreement-large-print\.pdf$/)
        assert.ok(pdf.bodyFontSize >= 18)
        assert.equal(m.largePrint, true)
      } else {
        assert.match(attachment!.filename, /-agreement\.pdf$/)
        assert.equal(pdf.bodyFontSize, 12)
      }
    }

    // The mediation ended with a partial agreement: the certificate is due within 3 working days.
    const [row] = await db.select().from(cases).where(eq(cases.id, c.id))
    assert.equal(row!.status, 'partial-agreement')
    const due = await db.select().from(caseDeadlines).where(eq(caseDeadlines.caseId, c.id))
    assert.equal(due.find((d) => d.name === 'certificate')?.dueDate, '2026-12-02')
    assert.deepEqual(
      due
        .filter((d) => d.name.startsWith('agreement-point:'))
        .map((d) => d.dueDate)
        .sort(),
      ['2026-12-07', '2026-12-11', '2026-12-18'],
    )
    const types = (
      await db.select().from(caseEvents).where(eq(caseEvents.caseId, c.id)).orderBy(asc(caseEvents.id))
    ).map((e) => e.type)
    assert.deepEqual(types.slice(-2), ['agreement-finalised', 'mediation-concluded'])

    // Final: no more changes, and finalising again sends nothing more.
    assertRedirect(
      await staff.mediator.submit(`${base(c.id)}/finalise`, { agreementVersion: String(agreement!.version) }),
      `${base(c.id)}/final`,
    )
    const edit = await staff.mediator.submit(`${base(c.id)}/points/new`, {
      submissionKey: randomUUID(),
      responsiblePartyId: 'none',
      what: 'More',
      appealableKind: 'none',
    })
    assert.equal(edit.statusCode, 400)
    assert.match(edit.body, /The agreement is final/)
    assert.equal(
      (await db.select().from(messages).where(like(messages.templateKey, 'agreement-copy'))).filter(
        (m) => m.caseId === c.id,
      ).length,
      3,
    )
    // The progress page lists the points among the case's deadlines.
    const progress = await staff.coordinator.get(`/cases/${c.id}/progress`)
    assert.match(progress.body, /Agreement point 2: Meet Sarah every Monday at 3:30pm/)
  })

  it('lists the agenda issues the record says were not fully resolved, when nothing else was listed as not agreed', async () => {
    const c = await agreementCase(t, staff)
    assertRedirect(
      await staff.mediator.submit(`${base(c.id)}/meeting-record`, {
        startedAt: '10:00',
        privateSessions: '0',
        groundRules: ['confidentiality', 'respect', 'listening', 'impartiality'],
        [`issue-${c.issues[0]!.id}`]: 'partly-resolved',
        [`issue-${c.issues[1]!.id}`]: 'resolved',
      }),
    )
    await draftPoints(t, c, { notAgreed: [] })
    await acceptAndFinalise(t, c.id, staff.mediatorUserId)
    const [agreement] = await t.database.db.select().from(agreements).where(eq(agreements.caseId, c.id))
    assert.deepEqual((agreement!.finalContent as { notAgreed: string[] }).notAgreed, [
      'Amelia needs a teaching assistant all day.',
    ])
  })

  it('finalises once when it is sent twice at the same time: one copy to each party, the second told it is final', async () => {
    const c = await agreementCase(t, staff)
    await draftPoints(t, c)
    const service = createAgreementService({ db: t.database.db, clock: t.clock })
    const actor = { userId: staff.mediatorUserId, label: 'Alice Able' }
    const version = await versionOf(c.id)
    const parties = (await mediationParties(t.database.db, c.id)).map((p) => p.id)
    assert.ok((await service.acceptAtMeeting(c.id, { partyIds: parties, agreementVersion: version }, { actor })).ok)
    const input = { agreementVersion: version, noAgreement: false, acceptanceNote: null }
    const results = await Promise.all([
      service.finalise(c.id, input, { actor }),
      service.finalise(c.id, input, { actor }),
    ])
    assert.ok(results.every((r) => r.ok))
    assert.deepEqual(results.map((r) => r.ok && r.alreadyFinal === true).sort(), [false, true])
    const copies = await t.database.db
      .select()
      .from(messages)
      .where(and(eq(messages.caseId, c.id), eq(messages.templateKey, 'agreement-copy')))
    assert.equal(copies.length, 3)
    const finalised = await t.database.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.type, 'agreement-finalised')))
    assert.equal(finalised.length, 1)
    // The council was a party: the health body has nothing to tell it (reg 42).
    assert.equal(finalised[0]!.data.councilWasParty, true)
    assert.equal(finalised[0]!.data.icbNotice, undefined)
  })

  it('finalises with no agreement when everyone confirms it', async () => {
    const c = await agreementCase(t, staff)
    await staff.mediator.submit(`${base(c.id)}/not-agreed`, { notAgreed: 'The amount of support.' })
    const res = await staff.coordinator.submit(`${base(c.id)}/finalise`, {
      agreementVersion: String(await versionOf(c.id)),
      noAgreement: 'yes',
      acceptanceNote: 'The meeting ended without agreement; nobody signed.',
    })
    assertRedirect(res, `${base(c.id)}/final`)
    const [row] = await t.database.db.select().from(cases).where(eq(cases.id, c.id))
    assert.equal(row!.status, 'no-agreement')
    const page = await staff.coordinator.get(`${base(c.id)}/final`)
    assert.match(page.body, /No agreement was reached\./)
    assert.match(page.body, /The amount of support\./)
  })
})

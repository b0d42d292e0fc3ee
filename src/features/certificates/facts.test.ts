// Every kind of certificate says the facts Parley holds, read back from its PDF as a reader would:
// the kind, the decision and the date of its letter (the record's, when it was put right after the
// request), the parent and the child, the council, the mediation adviser's contact date, the date
// of issue and the last day to appeal.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { asc, eq } from 'drizzle-orm'
import { Agent } from '../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { certificates } from '../../db/schema/index.ts'
import type { Action } from '../../domain/workflow.ts'
import { createWorkflowService } from '../cases/index.ts'
import { makeCase } from '../cases/testing.ts'
import { readPdf } from './testing.ts'

const kinds: { kind: string; title: string; steps: Action[] }[] = [
  { kind: 'declined', title: 'Mediation declined', steps: [{ type: 'decline-mediation' }] },
  {
    kind: 'cannot-arrange',
    title: 'Mediation could not be arranged within 30 days',
    steps: [{ type: 'choose-mediation' }, { type: 'cannot-arrange', reason: 'No mediator free in time' }],
  },
  {
    kind: 'change-of-mind',
    title: 'Mediation stopped: a change of mind',
    steps: [{ type: 'choose-mediation' }, { type: 'withdraw', by: 'parent', reason: 'Changed her mind' }],
  },
  {
    kind: 'after-mediation',
    title: 'Mediation has ended',
    steps: [
      { type: 'choose-mediation' },
      { type: 'invite-party', party: 'local-authority', on: '2026-11-27', how: 'email' },
      { type: 'allocate-mediator', mediator: 'Mo Mediator' },
      { type: 'start-preparation' },
      { type: 'arrange-meeting', meetingDate: '2026-11-27', shorterNoticeAgreed: true },
      { type: 'hold-meeting' },
      { type: 'conclude', outcome: 'none' },
    ],
  },
]

describe('each kind of certificate states every fact, read from its PDF', () => {
  let t: TestApp
  let coordinator: Agent
  before(async () => {
    t = await createTestApp() // Friday 27 November 2026
    await createStaff(t.database, 'coordinator@example.com', ['coordinator'], 'Cora Ordinator')
    coordinator = await new Agent(t.app).signIn('coordinator@example.com')
  })
  after(() => t.close())

  for (const { kind, title, steps } of kinds) {
    it(`${title}`, async () => {
      const made = await makeCase(t.database, t.clock) // Sarah Hartley for Amelia Hartley; letter 19 October
      const w = createWorkflowService({ db: t.database.db, clock: t.clock })
      const actor = { actor: { label: 'Cora Ordinator' }, recordedElsewhere: true }
      const scope = await w.apply(made.id, { type: 'decide-scope', scope: 'sen-mediation', reason: 'x' }, actor)
      assert.ok(scope.ok)
      // The letter's date put right on the record after the request: the certificate follows the record.
      const letter = await w.recordFact(made.id, 'decision-letter-sent', {}, { ...actor, occurredOn: '2026-10-20' })
      assert.ok(letter.ok, letter.ok ? '' : letter.reason)
      for (const step of steps) {
        const r = await w.apply(made.id, step, actor)
        assert.ok(r.ok, r.ok ? '' : `${step.type}: ${r.reason}`)
      }
      const issued = await w.apply(made.id, { type: 'issue-certificate', kind: kind as never }, actor)
      assert.ok(issued.ok, issued.ok ? '' : issued.reason)
      const [row] = await t.database.db
        .select()
        .from(certificates)
        .where(eq(certificates.caseId, made.id))
        .orderBy(asc(certificates.createdAt))
      const res = await coordinator.get(`/cases/${made.id}/certificates/${row!.id}.pdf`)
      assert.equal(res.statusCode, 200)
      const { text } = await readPdf(res.rawPayload)
      const facts: [string, string][] = [
        ['Type of certificate', title],
        ['Date of issue', 'Friday 27 November 2026'],
        ['Certificate number', `${made.reference}-C1`],
        ['Case reference', made.reference],
        ['Name', 'Sarah Hartley'],
        ['Role', 'Parent'],
        ['Name', 'Amelia Hartley'],
        ['Local authority (council)', 'Warrington Borough Council'],
        ['Decision', 'Not to change the EHC plan after a review'],
        ['Date of the decision letter', 'Tuesday 20 October 2026'],
        ['Mediation adviser contacted', 'Friday 27 November 2026'],
      ]
      for (const [key, value] of facts)
        assert.ok(text.includes(`${key} ${value}`), `${kind}: "${key} ${value}" in the PDF: ${text}`)
      assert.doesNotMatch(text, /Not known/)
      // 1 month from the certificate is Sunday 27 December, in the SEN Christmas break: the first working day after it.
      assert.match(text, /The last day to appeal is Monday 4 January 2027\./)
    })
  }
})

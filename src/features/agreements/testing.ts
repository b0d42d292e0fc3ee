// For the agreement tests: a SEN mediation case (Sarah Hartley, the parent; Warrington Borough
// Council; Brookfield Primary School) with a mediator allocated, every party contacted, people
// expected at the meeting, two agenda issues and the meeting arranged for today (Friday 27
// November 2026 on the test clock), with its meetings row. Staff signed in.
import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { Agent } from '../../../test/helpers/agent.ts'
import { createStaff, type TestApp } from '../../../test/helpers/app.ts'
import type { Clock } from '../../clock.ts'
import type { Database } from '../../db/client.ts'
import { attendees, caseIssues, caseParties, meetings } from '../../db/schema/index.ts'
import { allocateDirectly } from '../allocation/testing.ts'
import { createWorkflowService } from '../cases/index.ts'
import { insertMediator } from '../mediators/testing.ts'
import { contactEveryParty, preparationCase } from '../preparation/testing.ts'

export interface Staff {
  coordinator: Agent
  mediator: Agent
  otherMediator: Agent
  coordinatorId: string
  mediatorUserId: string
  mediatorId: string
}

/** A coordinator, the mediator who will hold the cases made with `agreementCase`, and a mediator of no case. */
export async function agreementStaff(t: TestApp): Promise<Staff> {
  const coordinator = await createStaff(t.database, 'cora@example.com', ['coordinator'], 'Cora Ordinator')
  const account = await createStaff(t.database, 'alice@example.com', ['mediator'], 'Alice Able')
  await createStaff(t.database, 'mo@example.com', ['mediator'], 'Mo Mediator')
  const mediator = await insertMediator(t.database, {
    name: 'Alice Able',
    email: 'alice.able@example.com',
    userId: account.id,
  })
  return {
    coordinator: await new Agent(t.app).signIn('cora@example.com'),
    mediator: await new Agent(t.app).signIn('alice@example.com'),
    otherMediator: await new Agent(t.app).signIn('mo@example.com'),
    coordinatorId: coordinator.id,
    mediatorUserId: account.id,
    mediatorId: mediator.id,
  }
}

export async function agreementCase(
  t: { database: Database; clock: Clock },
  staff: Pick<Staff, 'mediatorId' | 'coordinatorId'>,
  options: { meeting?: boolean; arranged?: boolean; largePrintParent?: boolean; health?: boolean } = {},
) {
  const c = await preparationCase(t as TestApp, { health: options.health })
  const db = t.database.db
  await db
    .update(caseParties)
    .set({
      email: 'sarah@example.com',
      ...(options.largePrintParent ? { adjustments: { kinds: ['large-print'] } } : {}),
    })
    .where(eq(caseParties.id, c.parent.id))
  await db.update(caseParties).set({ email: 'sen@warrington.example.gov.uk' }).where(eq(caseParties.id, c.council.id))
  await db.update(caseParties).set({ email: 'office@brookfield.example.sch.uk' }).where(eq(caseParties.id, c.school.id))
  const workflow = createWorkflowService({ db, clock: t.clock })
  const actor = { label: 'Set up by the test' }
  await allocateDirectly(t.database, t.clock, c.id, staff.mediatorId, staff.coordinatorId)
  const steps = [
    { type: 'decide-scope', scope: 'sen-mediation', reason: 'The council will not amend the EHC plan.' },
    { type: 'choose-mediation' },
    { type: 'invite-party', party: 'local-authority', on: t.clock.today(), how: 'email' },
    { type: 'allocate-mediator', mediator: 'Alice Able', mediatorId: staff.mediatorId },
    { type: 'start-preparation' },
  ] as const
  const r = await workflow.apply(c.id, [...steps], { actor })
  if (!r.ok) throw new Error(r.reason)
  await contactEveryParty(t.database, t.clock, c.id, { id: staff.coordinatorId, name: 'Cora Ordinator' })
  const people = await db
    .insert(attendees)
    .values([
      { caseId: c.id, partyId: c.parent.id, name: 'Sarah Hartley', role: 'Parent', createdAt: t.clock.now() },
      {
        caseId: c.id,
        partyId: c.council.id,
        name: 'Priya Shah',
        role: 'SEN officer',
        hasAuthorityToAgree: true,
        createdAt: t.clock.now(),
      },
      { caseId: c.id, partyId: c.school.id, name: 'Tom Reed', role: 'SENCO', createdAt: t.clock.now() },
    ])
    .returning()
  const issues = await db
    .insert(caseIssues)
    .values([
      {
        caseId: c.id,
        partyId: c.parent.id,
        text: 'Amelia needs a teaching assistant all day.',
        area: 'education',
        position: 1,
        createdAt: t.clock.now(),
      },
      {
        caseId: c.id,
        partyId: c.parent.id,
        text: 'Transport to school.',
        area: 'education',
        position: 2,
        createdAt: t.clock.now(),
      },
    ])
    .returning()
  let meetingId: string | undefined
  if (options.meeting !== false) {
    if (options.arranged !== false) {
      const arranged = await workflow.apply(
        c.id,
        { type: 'arrange-meeting', meetingDate: t.clock.today(), shorterNoticeAgreed: true },
        { actor },
      )
      if (!arranged.ok) throw new Error(arranged.reason)
    }
    const [m] = await db
      .insert(meetings)
      .values({
        caseId: c.id,
        mediatorId: staff.mediatorId,
        day: t.clock.today(),
        startTime: '10:00',
        endTime: '13:00',
        icsUid: `${randomUUID()}@parley.test`,
        noticeSentOn: t.clock.today(),
        bookedAt: t.clock.now(),
      })
      .returning()
    meetingId = m!.id
  }
  return { ...c, attendees: people, issues, meetingId }
}

/** Three points written straight through the service (one vague, one appealable), and what was not agreed. */
export async function draftPoints(
  t: { database: Database; clock: Clock },
  c: Awaited<ReturnType<typeof agreementCase>>,
  options: { checkIns?: boolean; notAgreed?: string[] } = {},
) {
  const { createAgreementService } = await import('./service.ts')
  const service = createAgreementService({ db: t.database.db, clock: t.clock })
  const actor = { label: 'Alice Able' }
  const points = [
    {
      responsiblePartyId: c.council.id,
      responsibleName: 'Priya Shah, SEN officer',
      what: 'Send Sarah the draft amended EHC plan, with 15 hours a week of teaching assistant support in section F.',
      byWhen: '2026-12-18',
      howKnown: 'Priya emails Sarah and the school a copy of the covering letter.',
      appealableKind: 'draft-plan',
      ownTimescaleAgreed: false,
    },
    {
      responsiblePartyId: c.school.id,
      responsibleName: null,
      what: 'Meet Sarah every Monday at 3:30pm to go through the home-school book.',
      byWhen: '2026-12-07',
      howKnown: 'Tom writes the date of each meeting in the book.',
      appealableKind: null,
      ownTimescaleAgreed: false,
    },
    {
      responsiblePartyId: null,
      responsibleName: 'Sarah Hartley',
      what: 'Try to bring Amelia to the school open morning.',
      byWhen: null,
      howKnown: null,
      appealableKind: null,
      ownTimescaleAgreed: false,
    },
  ]
  for (const p of points) {
    const added = await service.addPoint(c.id, p, { actor, submissionKey: randomUUID() })
    if (!added.ok) throw new Error(added.reason)
  }
  const r = await service.saveNotAgreed(
    c.id,
    { notAgreed: options.notAgreed ?? ['Transport to school.'], checkInsAgreed: options.checkIns ?? false },
    { actor },
  )
  if (!r.ok) throw new Error(r.reason)
}

/** Records every party's acceptance of the draft as it stands, and finalises it, through the service. */
export async function acceptAndFinalise(t: { database: Database; clock: Clock }, caseId: string, userId: string) {
  const { createAgreementService } = await import('./service.ts')
  const { agreementWithPoints, mediationParties } = await import('./repository.ts')
  const service = createAgreementService({ db: t.database.db, clock: t.clock })
  const agreement = (await agreementWithPoints(t.database.db, caseId))!
  const parties = await mediationParties(t.database.db, caseId)
  const actor = { userId, label: 'Alice Able' }
  const accepted = await service.acceptAtMeeting(
    caseId,
    { partyIds: parties.map((p) => p.id), agreementVersion: agreement.version },
    { actor },
  )
  if (!accepted.ok) throw new Error(accepted.reason)
  const result = await service.finalise(
    caseId,
    { agreementVersion: agreement.version, noAgreement: false, acceptanceNote: null },
    { actor },
  )
  if (!result.ok) throw new Error(result.reason)
  return result
}

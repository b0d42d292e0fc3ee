// For the reports tests: known cases, counted by hand, for July to September 2026 in Warrington
// (the install's council), and a few on either side of the period and in a second council (Halton)
// that must not be counted. Made through the app's own services where there is one (new cases, the
// workflow, the scope page, contacts before a meeting); meetings, agreements, outcomes and portal
// feedback rows are written as their own test kits write them.
import { randomUUID } from 'node:crypto'
import { eq } from 'drizzle-orm'
import { Agent } from '../../../test/helpers/agent.ts'
import { createStaff, type TestApp } from '../../../test/helpers/app.ts'
import {
  agencies,
  agreementPoints,
  agreements,
  caseOutcomes,
  caseParties,
  complaints,
  localAuthorities,
  meetings,
  partyFeedback,
} from '../../db/schema/index.ts'
import type { Action } from '../../domain/workflow.ts'
import type { RequesterRole } from '../../domain/request.ts'
import { createCase, createWorkflowService } from '../cases/index.ts'
import { firstCouncilId, sampleFacts } from '../cases/testing.ts'
import { complaintAt, dateFields, newKey } from '../complaints/testing.ts'
import { makeVenue } from '../meetings/testing.ts'
import { contactEveryParty } from '../preparation/testing.ts'

export const QUARTER = { from: '2026-07-01', to: '2026-09-30' }
export const comment = 'The mediator was kind to Amelia and listened to Grandad Hartley'

export interface Known {
  councilA: string
  councilB: string
  coordinator: Agent
  coordinatorId: string
}

/** Halton: a second council, with its own staff, cases and figures. */
export async function secondCouncil(t: TestApp) {
  const [row] = await t.database.db
    .insert(localAuthorities)
    .values({
      code: 'halton',
      name: 'Halton Borough Council',
      commissioned: true,
      postcodeDistricts: ['WA7', 'WA8'],
      serviceName: 'SEN Mediation Service (Halton)',
      phone: '0151 000 0000',
      address: 'Municipal Building, Widnes',
      openingHours: 'Monday to Friday, 9am to 5pm',
    })
    .returning()
  return row!.id
}

/** Every case of the hand count: see reports.test.ts for what each adds up to. */
export async function knownCases(t: TestApp): Promise<Known> {
  const db = t.database.db
  const councilA = await firstCouncilId(t.database)
  const councilB = await secondCouncil(t)
  const user = await createStaff(t.database, 'cora@example.com', ['coordinator'], 'Cora Ordinator', [
    councilA,
    councilB,
  ])
  const coordinator = await new Agent(t.app).signIn('cora@example.com')
  const workflow = createWorkflowService({ db, clock: t.clock })
  const actor = { label: 'Set up by the test', userId: user.id }
  const step = async (id: string, on: string, ...actions: Action[]) => {
    const r = await workflow.apply(id, actions, { actor, occurredOn: on })
    if (!r.ok) throw new Error(`${on} ${actions.map((a) => a.type).join(', ')}: ${r.reason}`)
  }
  let n = 0
  const enquiry = async (
    on: string,
    change: { role?: RequesterRole; channel?: 'online' | 'phone' | 'email'; council?: string } = {},
  ) => {
    const facts = sampleFacts({ childName: `Child ${++n} Hartley`, parentName: `Parent ${n} Hartley` })
    facts.decision = { kind: 'refuse-amend', letterDate: '2026-06-15' }
    if (change.role && change.role !== 'parent') {
      facts.requester = { role: change.role, name: `Asker ${n}`, organisation: 'Oakwood Primary School' }
      if (change.role !== 'young-person') {
        facts.permission = { givenBy: `Parent ${n} Hartley`, givenOn: on }
        facts.parent = { name: `Parent ${n} Hartley` }
      }
    }
    const made = await createCase(db, t.clock, {
      facts,
      channel: change.channel ?? 'online',
      contactedOn: on,
      localAuthorityId: change.council ?? councilA,
      actor: { label: 'The person asking for help' },
    })
    return made.id
  }

  // Enquiries in the quarter: 12 online from parents (SEN mediation), 6 by phone from parents
  // (disagreement resolution), 3 by email from young people (signposted to SENDIASS), 5 by phone
  // from a school (a referral, not decided yet). One the day before and one the day after.
  const sen = []
  for (let i = 0; i < 12; i++) sen.push(await enquiry(i < 6 ? '2026-07-01' : '2026-07-02'))
  const dr = []
  for (let i = 0; i < 6; i++) dr.push(await enquiry('2026-07-10', { channel: 'phone' }))
  const signposted = []
  for (let i = 0; i < 3; i++) signposted.push(await enquiry('2026-09-30', { channel: 'email', role: 'young-person' }))
  for (let i = 0; i < 5; i++) await enquiry('2026-08-03', { channel: 'phone', role: 'school' })
  await enquiry('2026-06-30')
  const after = await enquiry('2026-10-01')
  // Halton's: in the quarter, but another council's.
  const halton = await enquiry('2026-07-01', { council: councilB })
  for (let i = 0; i < 3; i++) await enquiry('2026-07-01', { council: councilB, channel: 'email' })

  const [sendiass] = await db.select().from(agencies).where(eq(agencies.code, 'sendiass'))
  for (const id of signposted) {
    const res = await coordinator.submit(`/cases/${id}/scope`, {
      version: '1',
      scope: 'out-of-scope',
      agency: sendiass!.id,
      reason: 'A question about school transport',
    })
    if (res.statusCode !== 303) throw new Error(`scope: ${res.statusCode} ${res.body.slice(0, 500)}`)
  }

  // SEN mediation: 5 decline on Monday 6 July (4 certificates within 3 working days, 1 later).
  for (const [i, id] of sen.slice(0, 5).entries()) {
    await step(id, '2026-07-01', { type: 'decide-scope', scope: 'sen-mediation', reason: 'An EHC plan decision' })
    await step(id, '2026-07-06', { type: 'decline-mediation' })
    await step(id, i < 4 ? '2026-07-08' : '2026-07-13', { type: 'issue-certificate', kind: 'declined' })
  }
  // 7 ask for mediation on Wednesday 1 July: 5 meet on Monday 20 July at the town hall (19 days),
  // 2 online on Monday 10 August (40 days); certificates: 6 within 3 working days, 1 later.
  const { venue: townHall } = await makeVenue(t.database, t.clock)
  const { venue: online } = await makeVenue(t.database, t.clock, { name: 'Video meeting', kind: 'online' }, [])
  const mediate = async (id: string, heldOn: string, venueId: string, issuedOn: string, agreed: boolean) => {
    await step(id, '2026-07-01', { type: 'decide-scope', scope: 'sen-mediation', reason: 'An EHC plan decision' })
    await step(id, '2026-07-01', { type: 'choose-mediation' })
    await step(
      id,
      '2026-07-02',
      { type: 'invite-party', party: 'local-authority', on: '2026-07-02', how: 'email' },
      { type: 'allocate-mediator', mediator: 'Maya Mediator' },
      { type: 'start-preparation' },
    )
    await contactEveryParty(t.database, t.clock, id, { id: user.id, name: 'Cora Ordinator' }, '2026-07-02')
    await step(id, '2026-07-03', { type: 'arrange-meeting', meetingDate: heldOn, shorterNoticeAgreed: true })
    await db.insert(meetings).values(meeting(id, heldOn, venueId, t.clock.now()))
    await step(id, heldOn, { type: 'hold-meeting' }, { type: 'conclude', outcome: agreed ? 'agreement' : 'none' })
    await step(id, issuedOn, { type: 'issue-certificate', kind: 'after-mediation' })
  }
  const mediated = sen.slice(5)
  for (const [i, id] of mediated.entries()) {
    const issuedOn = i < 5 ? '2026-07-22' : i === 5 ? '2026-08-12' : '2026-08-17'
    await mediate(id, i < 5 ? '2026-07-20' : '2026-08-10', i < 5 ? townHall.id : online.id, issuedOn, i < 6)
  }
  // A meeting booked in the quarter and cancelled, on a case still to meet: not held, not counted.
  await db
    .insert(meetings)
    .values({ ...meeting(dr[5]!, '2026-09-01', townHall.id, t.clock.now()), cancelledAt: t.clock.now() })
  // A mediation in Halton, held in the quarter, with an appeal after it.
  await mediate(halton, '2026-08-10', online.id, '2026-08-11', true)
  await workflow.recordFact(halton, 'appeal-made', {}, { actor, occurredOn: '2026-08-20' })

  // Disagreement resolution: the school is asked; 2 say no, 1 does not answer; 1 parent withdraws.
  for (const [i, id] of dr.entries()) {
    await step(id, '2026-07-10', { type: 'decide-scope', scope: 'disagreement-resolution', reason: 'Provision' })
    await step(
      id,
      '2026-07-10',
      { type: 'start-willingness' },
      { type: 'invite-party', party: 'school', on: '2026-07-10', how: 'email' },
    )
    if (i < 2)
      await step(id, '2026-07-15', {
        type: 'record-willingness',
        party: 'school',
        on: '2026-07-15',
        answer: 'unwilling',
        reason: 'Term ends',
      })
    if (i === 2)
      await step(id, '2026-07-15', {
        type: 'record-willingness',
        party: 'school',
        on: '2026-07-15',
        answer: 'no-answer',
      })
    if (i === 3) await step(id, '2026-07-16', { type: 'withdraw', by: 'parent', reason: 'Sorted out with the school' })
  }

  // Appeals: 2 in the quarter, 1 in October.
  for (const [id, on] of [
    [sen[0]!, '2026-08-01'],
    [sen[1]!, '2026-09-15'],
    [sen[2]!, '2026-10-02'],
  ] as const) {
    const r = await workflow.recordFact(id, 'appeal-made', {}, { actor, occurredOn: on })
    if (!r.ok) throw new Error(r.reason)
  }

  // Outcomes recorded in the quarter: 6 agreed in full, 1 not agreed, 3 could not go ahead, 1 withdrawn.
  const outcome = (caseId: string, value: string, on: string) =>
    db.insert(caseOutcomes).values({ caseId, outcome: value, recordedAt: new Date(`${on}T10:00:00Z`) })
  for (const id of mediated.slice(0, 6)) await outcome(id, 'full-agreement', '2026-08-20')
  await outcome(mediated[6]!, 'no-agreement', '2026-08-12')
  for (const id of dr.slice(0, 3)) await outcome(id, 'could-not-proceed', '2026-07-25')
  await outcome(dr[3]!, 'withdrawn', '2026-07-16')
  await outcome(after, 'withdrawn', '2026-10-05')

  // Points of the 6 agreements (final on 20 July): due in the quarter 8 kept, 2 late, 1 not kept,
  // 5 open; 1 open with no date; 2 due in October.
  const states = [...Array<string>(8).fill('kept'), ...['late', 'late', 'not-kept'], ...Array<string>(5).fill('open')]
  for (const [i, id] of mediated.slice(0, 6).entries()) {
    const [agreement] = await db
      .insert(agreements)
      .values({
        caseId: id,
        status: 'final',
        finalisedOn: '2026-07-20',
        createdAt: t.clock.now(),
        updatedAt: t.clock.now(),
      })
      .returning()
    const mine = states.filter((_, k) => k % 6 === i)
    const points = [
      ...mine.map((followUp) => ({ followUp, dueDate: followUp === 'open' ? '2026-09-20' : '2026-08-15' })),
      ...(i === 0
        ? [{ followUp: 'open', dueDate: null }, ...Array(2).fill({ followUp: 'kept', dueDate: '2026-10-15' })]
        : []),
    ]
    for (const [position, p] of points.entries()) {
      await db.insert(agreementPoints).values({
        agreementId: agreement!.id,
        caseId: id,
        position,
        what: `Point ${position}`,
        followUp: p.followUp,
        dueDate: p.dueDate,
        createdAt: t.clock.now(),
      })
    }
  }

  // Feedback: 2 forms from each of the 5 town hall meetings.
  const party = async (caseId: string) =>
    (await db.select().from(caseParties).where(eq(caseParties.caseId, caseId)).limit(1))[0]!.id
  const answers = [
    ...Array(6).fill(['very-satisfied', 'yes']),
    ...Array(1).fill(['satisfied', 'yes']),
    ...Array(2).fill(['satisfied', 'partly']),
    ['dissatisfied', 'partly'],
  ] as [string, string][]
  for (const [i, [satisfaction, heard]] of answers.entries()) {
    const caseId = mediated[Math.floor(i / 2)]!
    await db.insert(partyFeedback).values({
      caseId,
      partyId: await party(caseId),
      kind: 'feedback',
      answers: { satisfaction, heard, comment: i === 0 ? comment : i === 1 ? 'Helpful.' : '' },
      submittedAt: new Date('2026-07-21T09:00:00Z'),
    } as typeof partyFeedback.$inferInsert)
  }
  await knownComplaints(t, coordinator, councilA, councilB)
  return { councilA, councilB, coordinator, coordinatorId: user.id }
}

/**
 * Complaints in the register, through its pages: 8 received in the quarter (6 at informal
 * resolution, 2 at a formal investigation; 6 answered in time; 1 upheld, 1 partly, 5 not), one in
 * October, and one of Halton's.
 */
async function knownComplaints(t: TestApp, agent: Agent, councilA: string, councilB: string) {
  const record = async (council: string, receivedOn: string, startStage = 'informal') => {
    await agent.get('/complaints/new')
    const res = await agent.post('/complaints/new', {
      submissionKey: newKey(),
      council,
      otherName: `Complainant ${receivedOn}`,
      otherEmail: 'someone@example.com',
      prefers: 'email',
      receivedVia: 'phone',
      ...dateFields('receivedOn', receivedOn),
      about: 'service',
      whatHappened: 'The room was cold.',
      ...dateFields('happenedOn', receivedOn),
      startStage,
    })
    return (await complaintAt(t, res)).id
  }
  const version = async (id: string) =>
    String((await t.database.db.select().from(complaints).where(eq(complaints.id, id)))[0]!.version)
  const step = async (id: string, page: 'respond' | 'escalate', fields: Record<string, string>) => {
    await agent.get(`/complaints/${id}/${page}`)
    const res = await agent.post(`/complaints/${id}/${page}`, { version: await version(id), ...fields })
    if (res.statusCode !== 303) throw new Error(`${page}: ${res.statusCode} ${res.body.slice(0, 300)}`)
  }
  const answer = (id: string, on: string, outcome: string) =>
    step(id, 'respond', { outcome, findings: 'What we found.', changes: '', ...dateFields('respondedOn', on) })
  await answer(await record(councilA, '2026-07-06'), '2026-07-10', 'upheld')
  // Answered late (due 10 August), then a formal investigation, partly upheld.
  const late = await record(councilA, '2026-07-13')
  await answer(late, '2026-08-20', 'not-upheld')
  await step(late, 'escalate', dateFields('requestedOn', '2026-08-21'))
  await answer(late, '2026-08-25', 'partly-upheld')
  for (let i = 0; i < 5; i++) await answer(await record(councilA, '2026-08-03'), '2026-08-05', 'not-upheld')
  await record(councilA, '2026-09-01', 'formal')
  await record(councilA, '2026-10-05')
  await record(councilB, '2026-08-03')
}

function meeting(caseId: string, day: string, venueId: string, now: Date) {
  return {
    caseId,
    venueId,
    day,
    startTime: '10:00',
    endTime: '13:00',
    icsUid: `${randomUUID()}@parley.test`,
    noticeSentOn: day,
    bookedAt: now,
  }
}

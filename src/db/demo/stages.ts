// Takes one demo case to its stage through the service's own steps, each on the day it happened:
// the scope decision, the choice to mediate or the parties' willingness, the mediator, the
// preparation contacts, the meeting, the agreement, the certificate, the follow-up and the
// feedback. The events and deadlines are then those the pages would have made.
import { randomUUID } from 'node:crypto'
import { and, eq } from 'drizzle-orm'
import { isoDateInLondon, type Clock } from '../../clock.ts'
import { addDays, isWeekend } from '../../domain/dates.ts'
import { type Action } from '../../domain/workflow.ts'
import { agreementWithPoints } from '../../features/agreements/index.ts'
import { createAgreementService } from '../../features/agreements/service.ts'
import { createAllocateService } from '../../features/allocation/allocate-service.ts'
import { createWorkflowService, decideScope, findCase, partiesOf } from '../../features/cases/index.ts'
import { createBookingService } from '../../features/meetings/booking-service.ts'
import { createPortalService } from '../../features/portal/service.ts'
import { createPreparationService } from '../../features/preparation/service.ts'
import type { Db } from '../client.ts'
import { caseParties } from '../schema/index.ts'
import type { DemoMediator, DemoVenues } from './people.ts'

export const STAGES = [
  'enquiry',
  'signposted',
  'declined',
  'willingness',
  'allocated',
  'preparing',
  'meeting-booked',
  'agreed',
  'not-agreed',
  'withdrawn',
  'closed',
] as const
export type Stage = (typeof STAGES)[number]

/** A clock the seed moves from day to day; every service made with it reads the day it is set to. */
export interface DemoClock extends Clock {
  day(iso: string): void
}

export function demoClock(): DemoClock {
  let at = new Date()
  return {
    now: () => at,
    today: () => isoDateInLondon(at),
    day(iso) {
      at = new Date(`${iso}T10:00:00Z`)
    },
  }
}

/** The working day on or after a date. */
export const workingDay = (iso: string) => {
  let d = iso
  while (isWeekend(d)) d = addDays(d, 1)
  return d
}

export interface StageContext {
  db: Db
  clock: DemoClock
  today: string
  coordinator: { userId: string; label: string }
  mediator: DemoMediator
  venues: DemoVenues
  agencyId?: string
  /** A different point of time for each case. */
  n: number
}

const must = (r: { ok: boolean; reason?: string }, what: string) => {
  if (!r.ok) throw new Error(`Demo case, ${what}: ${r.reason}`)
}

export async function takeToStage(ctx: StageContext, caseId: string, stage: Stage, received: string, sen: boolean) {
  const { db, clock, coordinator } = ctx
  const workflow = createWorkflowService({ db, clock })
  const actor = coordinator
  let day = received
  const on = (offset: number) => {
    day = workingDay(addDays(received, offset))
    if (day > ctx.today) day = ctx.today
    clock.day(day)
    return day
  }
  const apply = async (actions: Action | Action[], what: string) =>
    must(await workflow.apply(caseId, actions, { actor }), what)
  const parties = async () => (await partiesOf(db, caseId)).filter((p) => p.role !== 'referrer')
  const family = async () => (await parties()).find((p) => p.role === 'parent' || p.role === 'young-person')!
  const updateEveryone = async (note: string) => {
    for (const p of await parties())
      must(await workflow.recordUpdate(caseId, { partyId: p.id, channel: 'email', note }, { actor }), 'an update')
  }

  // Answered on the day it arrived, unless it is a new enquiry still waiting.
  if (stage === 'enquiry') {
    if (ctx.n % 2) {
      on(0)
      must(
        await workflow.recordUpdate(
          caseId,
          { partyId: (await family()).id, channel: 'phone', note: 'Called back and explained the two services.' },
          { actor },
        ),
        'an answer',
      )
    }
    return
  }
  on(1)
  must(
    await workflow.recordUpdate(
      caseId,
      { partyId: (await family()).id, channel: 'phone', note: 'Called back and explained the two services.' },
      { actor },
    ),
    'an answer',
  )
  if (stage === 'signposted') {
    must(
      await decideScope(db, clock, {
        caseId,
        scope: 'out-of-scope',
        reason: 'The concern is about a school exclusion, not special educational provision.',
        agencyId: ctx.agencyId,
        actor,
      }),
      'signposting',
    )
    return
  }
  must(
    await decideScope(db, clock, {
      caseId,
      scope: sen ? 'sen-mediation' : 'disagreement-resolution',
      reason: sen
        ? 'An appealable decision about an EHC needs assessment or plan.'
        : 'A disagreement with the school about the support it gives.',
      actor,
    }),
    'the scope',
  )
  if (stage === 'declined') {
    on(3)
    await apply({ type: 'decline-mediation' }, 'declining')
    on(5)
    await apply({ type: 'issue-certificate', kind: 'declined' }, 'the certificate')
    return
  }
  // The council (or the school) asked to take part, and each answers.
  on(2)
  if (sen) {
    await apply(
      [{ type: 'choose-mediation' }, { type: 'invite-party', party: 'local-authority', on: day, how: 'email' }],
      'choosing mediation',
    )
  } else {
    await apply(
      [{ type: 'start-willingness' }, { type: 'invite-party', party: 'school', on: day, how: 'email' }],
      'asking the school',
    )
    if (stage === 'willingness') {
      if (ctx.n % 2 === 0) await updateEveryone('We have asked the school whether it will take part.')
      return
    }
    on(5)
    await apply({ type: 'record-willingness', party: 'school', on: day, answer: 'willing' }, 'the answer')
  }
  if (stage === 'withdrawn' && ctx.n % 2) {
    on(6)
    await apply({ type: 'withdraw', by: 'parent', reason: 'The school has agreed a new support plan.' }, 'withdrawal')
    if (sen) await apply({ type: 'issue-certificate', kind: 'change-of-mind' }, 'the certificate')
    return
  }
  on(6)
  const found = (await findCase(db, caseId))!
  must(
    await createAllocateService({ db, clock }).allocate(found, {
      mediatorId: ctx.mediator.id,
      note: 'Has the days free and knows the setting.',
      expectedVersion: found.version,
      submissionKey: randomUUID(),
      actor: { userId: actor.userId, label: actor.label },
    }),
    'allocation',
  )
  if (stage === 'allocated') return await updateEveryone(`${ctx.mediator.name} will be your mediator.`)
  // The mediator talks to each party before the meeting.
  const byMediator = { userId: ctx.mediator.account.id, label: ctx.mediator.name }
  const preparation = createPreparationService({ db, clock })
  const everyone = await parties()
  for (const [i, p] of everyone.entries()) {
    if (stage === 'preparing' && i > 0) break
    on(8 + i)
    must(
      await preparation.addContact(
        caseId,
        {
          partyId: p.id,
          contactedOn: day,
          method: 'phone',
          note: 'Talked through what mediation is and what they want from it.',
          submissionKey: randomUUID(),
        },
        { actor: byMediator },
      ),
      'a contact',
    )
  }
  if (stage === 'preparing') {
    return await updateEveryone('The mediator is talking to each of you before the meeting.')
  }
  if (stage === 'withdrawn') {
    on(12)
    await apply({ type: 'withdraw', by: 'other-party', reason: 'The council decided to assess after all.' }, 'withdraw')
    if (sen) await apply({ type: 'issue-certificate', kind: 'change-of-mind' }, 'the certificate')
    return
  }
  // The meeting, booked with a week's notice.
  on(11)
  let meetingDay = workingDay(addDays(day, 8 + (ctx.n % 4)))
  const current = (await findCase(db, caseId))!
  // The first free slot: a room, or the online room, in the morning or the afternoon, that day or the next.
  const { room, breakout, online } = ctx.venues
  const places = [
    { place: { kind: 'room' as const, roomId: room }, breakoutRoomId: breakout },
    { place: { kind: 'online' as const, venueId: online } },
  ]
  let booking: Awaited<ReturnType<ReturnType<typeof createBookingService>['bookMeeting']>> | undefined
  for (let slot = 0; slot < 12 && !booking?.ok; slot++) {
    if (slot && slot % 4 === 0) meetingDay = workingDay(addDays(meetingDay, 1))
    const where = places[(slot + ctx.n) % 2]!
    const [start, end] = slot % 4 < 2 ? ['10:00', '12:30'] : ['14:00', '16:30']
    booking = await createBookingService({ db, clock }).bookMeeting(
      caseId,
      { day: meetingDay, start: start!, end: end!, ...where, adjustments: '' },
      { actor: byMediator, expectedVersion: current.version, submissionKey: randomUUID() },
    )
  }
  must(booking!, 'the meeting')
  if (stage === 'meeting-booked') return
  // The meeting is held and the agreement written there.
  const agreements = createAgreementService({ db, clock })
  clock.day(meetingDay)
  day = meetingDay
  const mediatorActor = { ...byMediator, userId: ctx.mediator.account.id }
  if (stage !== 'not-agreed') {
    const council = everyone.find((p) => p.role === 'local-authority')
    const school = everyone.find((p) => p.role === 'school')
    const points = [
      {
        responsiblePartyId: (council ?? school)!.id,
        responsibleName: council ? 'The SEN caseworker' : 'The SENCO',
        what: council
          ? 'Send the family the draft amended EHC plan, with the speech and language therapy set out in hours.'
          : 'Give a teaching assistant to the class every morning, and write down who it is each week.',
        byWhen: null,
        howKnown: 'A copy is emailed to the family and the mediator.',
        appealableKind: council ? 'draft-plan' : null,
        ownTimescaleAgreed: false,
      },
      {
        responsiblePartyId: (school ?? council)!.id,
        responsibleName: null,
        what: 'Meet the family every half term to go through how the support is working.',
        byWhen: workingDay(addDays(meetingDay, 10)),
        howKnown: 'The date of each meeting is written in the home-school book.',
        appealableKind: null,
        ownTimescaleAgreed: false,
      },
    ]
    for (const p of points)
      must(await agreements.addPoint(caseId, p, { actor: mediatorActor, submissionKey: randomUUID() }), 'a point')
    must(
      await agreements.saveNotAgreed(caseId, { notAgreed: [], checkInsAgreed: false }, { actor: mediatorActor }),
      'what was not agreed',
    )
    const agreement = (await agreementWithPoints(db, caseId))!
    must(
      await agreements.acceptAtMeeting(
        caseId,
        { partyIds: everyone.map((p) => p.id), agreementVersion: agreement.version },
        { actor: mediatorActor },
      ),
      'acceptance',
    )
  }
  const drafted = await agreementWithPoints(db, caseId)
  must(
    await agreements.finalise(
      caseId,
      {
        agreementVersion: drafted?.version ?? 1,
        noAgreement: stage === 'not-agreed',
        acceptanceNote: stage === 'not-agreed' ? 'The parties did not reach an agreement at the meeting.' : null,
      },
      { actor: mediatorActor },
    ),
    'the agreement',
  )
  // Where the council was not a party, the health body told it of the agreement (reg 42).
  if (stage !== 'not-agreed' && !everyone.some((p) => p.role === 'local-authority')) {
    on(diff(received, meetingDay) + 2)
    must(await workflow.recordFact(caseId, 'council-told-of-agreement', {}, { actor }), 'telling the council')
  }
  if (sen) {
    on(diff(received, meetingDay) + 2)
    await apply({ type: 'issue-certificate', kind: 'after-mediation' }, 'the certificate')
  }
  if (stage === 'closed' || ctx.n % 2 === 0) await feedback(db, clock, caseId, await family(), ctx.n % 7 === 3)
  if (stage !== 'closed') {
    // A service kept up: each point already due has been followed up on its day.
    for (const p of (await agreements.picture(caseId)).points) {
      if (!p.dueDate || p.dueDate >= ctx.today) continue
      clock.day(p.dueDate)
      must(
        await agreements.recordFollowUp(
          caseId,
          p.id,
          { outcome: 'kept', note: 'The family confirmed it happened.' },
          { actor, version: p.version },
        ),
        'a follow-up',
      )
    }
    clock.day(ctx.today)
    return await updateEveryone('Checking in on the points of your agreement.')
  }
  on(diff(received, meetingDay) + 15)
  const final = await agreements.picture(caseId)
  for (const p of final.points)
    must(
      await agreements.recordFollowUp(
        caseId,
        p.id,
        { outcome: 'kept', note: 'Confirmed by the family.' },
        { actor, version: p.version },
      ),
      'a follow-up',
    )
  await apply({ type: 'close', note: 'Every point was kept.' }, 'closing')
}

const diff = (from: string, to: string) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000)

/** A party's feedback from the portal; `complaint`: a complaint too, which goes on the register. */
async function feedback(
  db: Db,
  clock: Clock,
  caseId: string,
  party: typeof caseParties.$inferSelect,
  complaint = false,
) {
  const [row] = await db
    .select()
    .from(caseParties)
    .where(and(eq(caseParties.caseId, caseId), eq(caseParties.id, party.id)))
  const found = (await findCase(db, caseId))!
  const result = await createPortalService({ db, clock }).recordFeedback(
    {
      partyId: row!.id,
      caseId,
      role: row!.role,
      name: row!.name,
      organisation: row!.organisation,
      address: row!.email ?? '',
      reference: found.reference,
      childName: found.childName,
    },
    complaint
      ? {
          kind: 'complaint',
          answers: {
            complaint: 'The venue was changed the day before the meeting and nobody rang to tell me.',
            outcome: 'An apology, and a phone call next time anything changes.',
          },
          submissionKey: randomUUID(),
        }
      : {
          kind: 'feedback',
          answers: {
            satisfaction: 'satisfied',
            heard: 'yes',
            comment: 'The mediator listened to everyone and kept the meeting calm.',
          },
          submissionKey: randomUUID(),
        },
  )
  must(result, 'feedback')
}

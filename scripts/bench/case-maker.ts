// Makes one case: when it arrived, its council and coordinator, its request and people, its story
// (applied step by step with the workflow's rules), and then the case row and the deadline index
// as the app would have left them after the last event (features/cases/deadlines.ts).
import type { Calendar } from '../../src/domain/calendar.ts'
import { addDays, fromDayNumber, toDayNumber, type IsoDate } from '../../src/domain/dates.ts'
import type { Scope } from '../../src/domain/workflow.ts'
import { caseDeadlines as deriveDeadlines, deadlineIndexRows } from '../../src/features/cases/index.ts'
import type { ServiceSettings } from '../../src/features/settings/index.ts'
import { actorOf, CaseBuilder } from './case-builder.ts'
import { makeIntake } from './intake.ts'
import { mediated, type Panel } from './mediation.ts'
import type { People } from './people.ts'
import type { Agency, Council } from './places.ts'
import { Random } from './random.ts'
import type { Rows } from './rows.ts'
import * as stories from './stories.ts'

export interface World {
  seed: string
  cases: number
  today: IsoDate
  calendar: Calendar
  settings: ServiceSettings
  councils: Council[]
  people: People
  agencies: Agency[]
  panels: Panel[]
  provider: { name: string; address: string; phone: string }
  /** Cumulative council weights, for choosing a case's council. */
  councilCdf: number[]
}

export const YEARS = 20

/** The day case i (of n, oldest first) arrived: more each year, as services grow. */
export function receivedOn(world: World, i: number, random: Random): IsoDate {
  const first = toDayNumber(addDays(world.today, -YEARS * 365))
  const span = toDayNumber(world.today) - first
  const u = Math.min(0.999999, (i + random.next()) / world.cases)
  // Density grows linearly (twice as many a day at the end as at the start): invert its distribution.
  const t = -1 + Math.sqrt(1 + 3 * u)
  return fromDayNumber(first + Math.floor(t * span))
}

function pickCouncil(world: World, random: Random): number {
  const u = random.next() * world.councilCdf.at(-1)!
  let lo = 0
  let hi = world.councilCdf.length - 1
  while (lo < hi) {
    const mid = (lo + hi) >> 1
    if (world.councilCdf[mid]! < u) lo = mid + 1
    else hi = mid
  }
  return lo
}

export function makeCase(world: World, i: number, reference: string, day: IsoDate, random: Random, rows: Rows) {
  const councilIndex = pickCouncil(world, random)
  const council = world.councils[councilIndex]!
  const story = random.weighted(stories.STORY_WEIGHTS)
  const scope: Scope =
    story === 'not-willing'
      ? 'disagreement-resolution'
      : story === 'mediated'
        ? random.weighted<Scope>({ 'sen-mediation': 65, 'disagreement-resolution': 25, both: 10, 'out-of-scope': 0 })
        : story === 'withdrawn-early'
          ? random.pick(['sen-mediation', 'disagreement-resolution'] as const)
          : 'sen-mediation'
  const sen = scope !== 'disagreement-resolution' && story !== 'signposted'
  const caseId = random.uuid()
  const createdAt = new Date(`${day}T10:00:00Z`)
  const intake = makeIntake(random, caseId, council, day, stories.storyNeeds(story, sen), rows, createdAt)
  const coordinator = random.pick([...world.people.coordinators, ...world.people.managers])
  const b = new CaseBuilder({
    random,
    calendar: world.calendar,
    today: world.today,
    caseId,
    receivedOn: day,
    parties: intake.parties,
    rows,
    actor: actorOf(coordinator),
    cadence: council.cadence,
  })
  // A few older cases were left part-way and never finished: every real caseload has some.
  const forgotten = day < addDays(world.today, -365) && random.chance(0.003)
  const facts: stories.CaseFacts = {
    reference,
    intake,
    councilName: council.name,
    agencies: world.agencies,
    provider: world.provider,
  }

  stories.opening(b, facts, intake.channel === 'online')
  let assigned: string | null = null
  if (b.step(0, 2) && (!forgotten || random.chance(0.5))) {
    assigned = coordinator.id
    b.event('assigned', { to: coordinator.id, toName: coordinator.name })
  }
  if (!forgotten || random.chance(0.5)) {
    if (forgotten) b.today = b.date > b.today ? b.today : addDays(b.date, random.int(5, 60))
    switch (story) {
      case 'signposted':
        stories.signposted(b, facts)
        break
      case 'withdrawn-early':
        stories.withdrawnEarly(b, facts, scope)
        break
      case 'declined':
        stories.declined(b, facts)
        break
      case 'change-of-mind':
        stories.changeOfMind(b, facts)
        break
      case 'cannot-arrange':
        stories.cannotArrange(b, facts)
        break
      case 'not-willing':
        stories.notWilling(b, facts)
        break
      case 'mediated':
        mediated(b, facts, world.panels[councilIndex]!, scope)
        break
    }
  }
  b.finish()

  const events = b.events()
  const last = events.at(-1)!
  rows.cases.push({
    id: caseId,
    reference,
    localAuthorityId: council.id,
    status: b.state.status,
    assignedTo: assigned,
    scope: b.state.scope ?? 'undecided',
    channel: intake.channel,
    receivedOn: day,
    childName: intake.facts.child.name,
    childDateOfBirth: intake.facts.child.dateOfBirth,
    childPostcode: intake.facts.child.postcode,
    childSetting: intake.facts.child.setting,
    ehcStatus: intake.facts.ehcStatus,
    request: intake.facts,
    version: b.version,
    createdAt,
    updatedAt: last.recordedAt,
  })
  // The index as the last change left it: worked out on the day of the last event.
  const input = {
    events: events.map((e) => ({
      type: e.type,
      occurredOn: e.occurredOn,
      data: (e.data ?? {}) as Record<string, unknown>,
    })),
    parties: intake.parties,
    status: b.state.status,
    receivedOn: day,
    cadenceWorkingDays: council.cadence,
  }
  const deadlines = deriveDeadlines(input, {
    calendar: world.calendar,
    settings: world.settings,
    today: b.lastEventDate,
  })
  const indexed = deadlineIndexRows(deadlines, input, {
    calendar: world.calendar,
    chaserWorkingDays: world.settings.chaserWorkingDays,
  })
  for (const d of indexed) rows.caseDeadlines.push({ caseId, ...d })
  return { caseId, story, status: b.state.status, parties: intake.parties.length }
}

/** The stream of random numbers for case i: the same whatever order cases are made in. */
export const caseRandom = (world: World, i: number) => new Random(`${world.seed}:case:${i}`)

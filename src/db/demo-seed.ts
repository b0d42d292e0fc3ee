// Invented demo data, so a new user sees a service in use: three councils, a coordinator and a
// manager, a panel of mediators with their accounts (one with lapsed insurance, one with a
// conflict of interest), venues with rooms, and cases at every stage, each taken there by the
// service's own steps on the days they happened (demo/stages.ts). Every name here is made up.
// Running it again adds nothing: each demo case has a fixed submission key, and the people and
// places are found again by their email or name.
import { asc, eq } from 'drizzle-orm'
import type { Clock } from '../clock.ts'
import { addDays } from '../domain/dates.ts'
import { createCase } from '../features/cases/index.ts'
import type { Db } from './client.ts'
import { demoFacts, pick } from './demo/facts.ts'
import { demoAccount, demoCouncils, demoMediators, demoVenues, type DemoAccount } from './demo/people.ts'
import { demoClock, takeToStage, workingDay, type Stage } from './demo/stages.ts'
import { agencies, localAuthorities } from './schema/index.ts'

/** Each demo case: its stage, how many days ago it arrived, and whether it is SEN mediation. */
const plan: [Stage, number, boolean][] = [
  ['enquiry', 0, false],
  ['enquiry', 1, true],
  ['enquiry', 3, false],
  ['signposted', 9, false],
  ['signposted', 30, false],
  ['declined', 20, true],
  ['declined', 45, true],
  ['willingness', 4, false],
  ['willingness', 6, false],
  ['willingness', 10, false],
  ['allocated', 8, true],
  ['allocated', 9, false],
  ['allocated', 12, true],
  ['preparing', 12, true],
  ['preparing', 14, false],
  ['preparing', 16, true],
  ['meeting-booked', 14, true],
  ['meeting-booked', 15, false],
  ['meeting-booked', 17, true],
  ['meeting-booked', 18, false],
  ['agreed', 30, true],
  ['agreed', 36, false],
  ['agreed', 41, true],
  ['agreed', 47, false],
  ['agreed', 52, true],
  ['not-agreed', 32, true],
  ['not-agreed', 44, false],
  ['withdrawn', 15, true],
  ['withdrawn', 25, false],
  ['withdrawn', 38, true],
  ['closed', 70, true],
  ['closed', 80, false],
  ['closed', 90, true],
  ['closed', 100, false],
]
export const DEMO_CASES = plan.length

export async function seedDemo(db: Db, clock: Clock): Promise<string> {
  // The demo's first council is the one the install started with.
  const [first] = await db
    .select()
    .from(localAuthorities)
    .where(eq(localAuthorities.commissioned, true))
    .orderBy(asc(localAuthorities.createdAt), asc(localAuthorities.code))
    .limit(1)
  if (!first) throw new Error('There is no commissioning council for the demo cases')
  const councils = await demoCouncils(db, { id: first.id, code: first.code, name: first.name })
  const councilIds = councils.map((c) => c.id)
  const coordinator = await demoAccount(db, {
    email: 'coordinator.demo@example.com',
    name: 'Dana Whitcombe',
    roles: ['coordinator'],
    councils: councilIds,
  })
  const manager = await demoAccount(db, {
    email: 'manager.demo@example.com',
    name: 'Rhiannon Pryce',
    roles: ['manager'],
    councils: councilIds,
  })
  const today = clock.today()
  const moving = demoClock()
  moving.day(today)
  const panel = await demoMediators(db, moving, councils, { userId: manager.id })
  const venues = await demoVenues(db, moving)
  const [agency] = await db.select().from(agencies).orderBy(asc(agencies.name)).limit(1)
  // Those who can take cases: in good standing, with no conflict.
  const allocatable = panel.slice(0, 3)
  let added = 0
  for (const [i, [stage, age, sen]] of plan.entries()) {
    const received = workingDay(addDays(today, -age)) > today ? addDays(today, -age) : workingDay(addDays(today, -age))
    moving.day(received)
    const council = pick(councils, i % 4 === 3 ? 1 + (i % 2) : 0)
    const result = await createCase(db, moving, {
      facts: demoFacts(i, moving.now(), { council: council.name, sen }),
      channel: pick(['online', 'phone', 'email'] as const, i),
      localAuthorityId: council.id,
      actor: { label: 'The person asking for help', userId: undefined },
      submissionKey: `demo-${i}`,
    })
    if (!result.created) continue
    added++
    await takeToStage(
      {
        db,
        clock: moving,
        today,
        coordinator: { userId: coordinator.id, label: coordinator.name },
        mediator: i % 5 === 0 ? allocatable[0]! : pick(allocatable, i),
        venues,
        agencyId: agency?.id,
        n: i,
      },
      result.id,
      stage,
      received,
      sen,
    )
  }
  const accounts = [coordinator, manager, ...panel.map((m) => m.account)]
  return [`Added ${added} demo cases.`, ...accountLines(accounts)].join('\n')
}

function accountLines(accounts: DemoAccount[]): string[] {
  const fresh = accounts.filter((a) => a.password)
  if (!fresh.length) return []
  return [
    'Demo accounts (each sets a password and an authenticator app at the first sign-in):',
    ...fresh.map((a) => `  ${a.name}, ${a.email}: one-time password ${a.password}`),
  ]
}

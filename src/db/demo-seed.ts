// Invented demo cases, so a new user sees a service in use. Every name here is made up.
// Running it again adds nothing: each demo case has a fixed submission key.
import { asc, eq } from 'drizzle-orm'
import { isoDateInLondon, type Clock } from '../clock.ts'
import { createCase, appendEvent } from '../features/cases/index.ts'
import { hashPassword, oneTimePassword } from '../features/auth/index.ts'
import type {
  RequestFacts,
  RequesterRole,
  EhcStatus,
  DisagreementArea,
  OtherPartyKind,
  EhcDecision,
} from '../domain/request.ts'
import type { Db } from './client.ts'
import { agencies, cases, localAuthorities, scopeDecisions, userCouncils, users } from './schema/index.ts'

const firstNames = [
  'Amelia',
  'Oliver',
  'Isla',
  'Noah',
  'Freya',
  'Arlo',
  'Maisie',
  'Theo',
  'Poppy',
  'Reuben',
  'Esme',
  'Jude',
  'Willow',
  'Finley',
  'Ivy',
  'Caleb',
  'Nell',
  'Rowan',
]
const surnames = [
  'Hartley',
  'Okafor',
  'Brennan',
  'Whitlock',
  'Pemberton',
  'Szymanski',
  'Achebe',
  'Lindqvist',
  'Thornbury',
  'Mahmood',
  'Castellan',
  'Fairbairn',
  'Nwosu',
  'Ashdown',
]
const parentNames = ['Joanne', 'Marcus', 'Priya', 'Gareth', 'Leanne', 'Tomasz', 'Funmi', 'Declan', 'Harriet', 'Imran']
const settings = [
  'Brookfield Primary School',
  'Larchwood Academy',
  'Orchard Vale High School',
  'Riverside Nursery',
  'Kingsmead College',
  'Hollins Green Primary',
  'Sandy Lane Specialist School',
]
const postcodes = ['WA1 2NN', 'WA2 7LT', 'WA3 6QF', 'WA4 1PE', 'WA5 3AB', 'WA13 0HH', 'WA5 1TX']
const stories = [
  'The school says it cannot meet our son’s speech and language needs without more support, and the council says the school already has the money. We have been going round in circles since September.',
  'We asked for an EHC needs assessment in the spring and the council said no. Our daughter is falling further behind and we do not understand why.',
  'The plan says she should have an hour a day with a teaching assistant but this is not happening most days.',
  'The occupational therapy in section G has not been provided for two terms. Health say it is the council, the council say it is health.',
  'I am 17 and I want to go to a college that can support my autism. The council named a different college in my plan.',
  'The draft plan does not describe his sensory needs properly and the provision is vague: it says "access to" support rather than how much.',
]

function pick<T>(list: readonly T[], i: number): T {
  return list[i % list.length]!
}

function demoFacts(i: number, today: Date): RequestFacts {
  const child = `${pick(firstNames, i)} ${pick(surnames, i * 5 + 3)}`
  const family = pick(surnames, i * 5 + 3)
  const role: RequesterRole = i % 9 === 4 ? 'sendiass' : i % 7 === 3 ? 'young-person' : 'parent'
  const age = role === 'young-person' ? 17 + (i % 5) : 5 + (i % 11)
  const dob = isoDateInLondon(new Date(Date.UTC(today.getUTCFullYear() - age, (i * 3) % 12, 1 + (i % 27))))
  const appealable = i % 3 === 0
  const ehcStatus: EhcStatus = appealable
    ? pick(['refused', 'has-plan'] as const, i)
    : pick(['has-plan', 'none', 'assessment-requested'] as const, i)
  const areas: DisagreementArea[] = appealable
    ? ['ehc-decision']
    : [pick(['provision', 'duties', 'health-social-care'] as const, i)]
  const decision: EhcDecision | undefined = appealable
    ? pick(['refuse-assessment', 'plan-contents', 'refuse-amend'] as const, i)
    : undefined
  const letter = isoDateInLondon(new Date(today.getTime() - (10 + (i % 40)) * 86_400_000))
  const others: OtherPartyKind[] = appealable ? ['local-authority'] : i % 2 ? ['school'] : ['school', 'local-authority']
  const requesterName =
    role === 'young-person'
      ? child
      : role === 'parent'
        ? `${pick(parentNames, i)} ${family}`
        : `${pick(parentNames, i + 3)} Quayle`
  return {
    requester: { role, name: requesterName, ...(role === 'sendiass' ? { organisation: 'Warrington SENDIASS' } : {}) },
    ...(role === 'sendiass'
      ? {
          permission: { givenBy: `${pick(parentNames, i)} ${family}`, givenOn: letter },
          parent: { name: `${pick(parentNames, i)} ${family}` },
        }
      : {}),
    child: { name: child, dateOfBirth: dob, setting: pick(settings, i), postcode: pick(postcodes, i) },
    ehcStatus,
    areas,
    ...(decision ? { decision: { kind: decision, letterDate: letter } } : {}),
    otherParties: others.map((kind) => ({
      kind,
      name:
        kind === 'school' ? pick(settings, i) : kind === 'local-authority' ? 'Warrington Borough Council' : undefined,
    })),
    whatHappened: pick(stories, i),
    contact:
      i % 4 === 1
        ? { methods: ['phone'], phone: `07700 900${String(100 + i).slice(-3)}`, bestTimes: 'After 3pm on weekdays' }
        : { methods: ['email'], email: `${requesterName.toLowerCase().replace(/[^a-z]+/g, '.')}@example.com` },
    adjustments:
      i % 6 === 2
        ? { kinds: ['interpreter'], language: 'Polish' }
        : i % 6 === 5
          ? { kinds: ['large-print'] }
          : { kinds: [] },
    ...(i % 5 === 0 ? { supporter: 'A friend will come along for support' } : {}),
  }
}

export async function seedDemo(db: Db, clock: Clock): Promise<string> {
  // The demo is of the council the install started with: its cases, and a coordinator who works for it.
  const [council] = await db
    .select({ id: localAuthorities.id })
    .from(localAuthorities)
    .where(eq(localAuthorities.commissioned, true))
    .orderBy(asc(localAuthorities.createdAt), asc(localAuthorities.code))
    .limit(1)
  if (!council) throw new Error('There is no commissioning council for the demo cases')
  const coordinatorEmail = 'coordinator.demo@example.com'
  let [coordinator] = await db.select().from(users).where(eq(users.email, coordinatorEmail))
  let passwordNote = ''
  if (!coordinator) {
    const password = oneTimePassword()
    ;[coordinator] = await db
      .insert(users)
      .values({
        email: coordinatorEmail,
        name: 'Dana Coordinator',
        roles: ['coordinator'],
        passwordHash: await hashPassword(password),
        mustChangePassword: true,
      })
      .returning()
    passwordNote = ` Demo coordinator: ${coordinatorEmail}, one-time password ${password}.`
  }
  await db.insert(userCouncils).values({ userId: coordinator!.id, localAuthorityId: council.id }).onConflictDoNothing()
  const signposts = await db.select().from(agencies)
  let added = 0
  const count = 40
  for (let i = 0; i < count; i++) {
    const receivedAt = new Date(clock.now().getTime() - (count - i) * 2 * 86_400_000)
    const dayClock: Clock = { now: () => receivedAt, today: () => isoDateInLondon(receivedAt) }
    const facts = demoFacts(i, clock.now())
    const result = await createCase(db, dayClock, {
      facts,
      channel: pick(['online', 'phone', 'email'] as const, i),
      localAuthorityId: council.id,
      actor: {
        label: facts.requester.role === 'parent' ? 'The person asking for help' : coordinator!.name,
        userId: undefined,
      },
      submissionKey: `demo-${i}`,
    })
    if (!result.created) continue
    added++
    if (i < count - 8)
      await decideScope(db, dayClock, result.id, i, coordinator!.id, coordinator!.name, signposts[0]?.id)
  }
  return `Added ${added} demo cases.${passwordNote}`
}

async function decideScope(
  db: Db,
  clock: Clock,
  caseId: string,
  i: number,
  userId: string,
  name: string,
  agencyId?: string,
) {
  const scope = i % 11 === 7 ? 'out-of-scope' : i % 3 === 0 ? 'sen-mediation' : 'disagreement-resolution'
  const reason =
    scope === 'out-of-scope'
      ? 'The concern is about a school exclusion, not SEN provision.'
      : scope === 'sen-mediation'
        ? 'An appealable decision about an EHC plan.'
        : 'A disagreement about SEN provision with the school.'
  await db.transaction(async (tx) => {
    await tx.insert(scopeDecisions).values({
      caseId,
      scope,
      reason,
      signpostAgencyId: scope === 'out-of-scope' ? agencyId : undefined,
      decidedBy: userId,
      decidedAt: clock.now(),
    })
    await tx
      .update(cases)
      .set({ scope, status: scope === 'out-of-scope' ? 'signposted' : 'scope-decided', updatedAt: clock.now() })
      .where(eq(cases.id, caseId))
    await appendEvent(tx, clock, {
      caseId,
      type: 'scope-decided',
      actor: { userId, label: name },
      data: { scope, reason },
    })
  })
}

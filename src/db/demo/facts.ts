// The invented people, places and stories of the demo: every name here is made up.
import { isoDateInLondon } from '../../clock.ts'
import type {
  RequestFacts,
  RequesterRole,
  EhcStatus,
  DisagreementArea,
  OtherPartyKind,
  EhcDecision,
} from '../../domain/request.ts'

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

export function pick<T>(list: readonly T[], i: number): T {
  return list[i % list.length]!
}

/** A request as the person made it; `sen`: about an appealable EHC decision (SEN mediation). */
export function demoFacts(i: number, received: Date, options: { council: string; sen: boolean }): RequestFacts {
  const today = received
  const council = options.council
  const child = `${pick(firstNames, i)} ${pick(surnames, i * 5 + 3)}`
  const family = pick(surnames, i * 5 + 3)
  const role: RequesterRole = i % 9 === 4 ? 'sendiass' : i % 7 === 3 ? 'young-person' : 'parent'
  const age = role === 'young-person' ? 17 + (i % 5) : 5 + (i % 11)
  const dob = isoDateInLondon(new Date(Date.UTC(today.getUTCFullYear() - age, (i * 3) % 12, 1 + (i % 27))))
  const appealable = options.sen
  const ehcStatus: EhcStatus = appealable
    ? pick(['refused', 'has-plan'] as const, i)
    : pick(['has-plan', 'none', 'assessment-requested'] as const, i)
  const areas: DisagreementArea[] = appealable
    ? ['ehc-decision']
    : [pick(['provision', 'duties', 'health-social-care'] as const, i)]
  const decision: EhcDecision | undefined = appealable
    ? pick(['refuse-assessment', 'plan-contents', 'refuse-amend'] as const, i)
    : undefined
  const letter = isoDateInLondon(new Date(today.getTime() - (5 + (i % 25)) * 86_400_000))
  const others: OtherPartyKind[] = appealable ? ['local-authority'] : i % 2 ? ['school'] : ['school', 'local-authority']
  const requesterName =
    role === 'young-person'
      ? child
      : role === 'parent'
        ? `${pick(parentNames, i)} ${family}`
        : `${pick(parentNames, i + 3)} Quayle`
  return {
    requester: { role, name: requesterName, ...(role === 'sendiass' ? { organisation: 'the local SENDIASS' } : {}) },
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
      name: kind === 'school' ? pick(settings, i) : kind === 'local-authority' ? council : undefined,
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

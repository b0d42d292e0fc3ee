// Staff accounts: the bench administrator (a known password the tool signs in with), coordinators,
// managers and mediators with their panel records (accreditation, insurance, areas, CPD).
import { addDays, addMonths, type IsoDate } from '../../src/domain/dates.ts'
import { FIRST_NAMES, SURNAMES } from './names.ts'
import type { Council, Venue } from './places.ts'
import type { Random } from './random.ts'

export const BENCH_ADMIN = { email: 'bench.admin@example.org', password: 'bench-password-not-secret-0001' }
/** A commissioner of the council with the most cases: added when the load starts (fixtures.ts), not built. */
export const BENCH_COMMISSIONER = {
  email: 'bench.commissioner@example.org',
  password: 'bench-password-not-secret-0002',
}

export interface Staff {
  id: string
  name: string
  email: string
  roles: ('coordinator' | 'mediator' | 'manager' | 'administrator')[]
}

export interface Mediator {
  id: string
  userId: string
  name: string
  email: string
  /** Indexes of the councils they work in. */
  councils: number[]
}

export interface People {
  admin: Staff
  coordinators: Staff[]
  managers: Staff[]
  mediators: Mediator[]
  mediatorUsers: Staff[]
}

/** Scale with the caseload: 20 years of a national service keeps a few hundred staff busy. */
export function makePeople(random: Random, cases: number, councils: Council[]): People {
  const person = (i: number, kind: string, roles: Staff['roles']): Staff => {
    const name = `${random.pick(FIRST_NAMES)} ${random.pick(SURNAMES)}`
    const email = `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${kind}${i}@staff.example.org`
    return { id: random.uuid(), name, email, roles }
  }
  const admin: Staff = {
    id: random.uuid(),
    name: 'Bench Administrator',
    email: BENCH_ADMIN.email,
    roles: ['administrator', 'coordinator', 'manager'],
  }
  const coordinators = Array.from({ length: Math.max(5, Math.round(cases / 5000)) }, (_, i) =>
    person(i, 'coordinator', ['coordinator']),
  )
  const managers = Array.from({ length: Math.max(2, Math.round(cases / 100_000)) }, (_, i) =>
    person(i, 'manager', ['manager', 'coordinator']),
  )
  const mediatorUsers = Array.from({ length: Math.max(12, Math.round(cases / 2000)) }, (_, i) =>
    person(i, 'mediator', ['mediator']),
  )
  const mediators = mediatorUsers.map((user) => {
    const home = random.int(0, councils.length - 1)
    const reach = Array.from({ length: random.int(2, 8) }, () =>
      Math.max(0, Math.min(councils.length - 1, home + random.int(-5, 5))),
    )
    return {
      id: random.uuid(),
      userId: user.id,
      name: user.name,
      email: user.email,
      councils: [...new Set([home, ...reach])],
    }
  })
  return { admin, coordinators, managers, mediators, mediatorUsers }
}

export function userRows(people: People, passwordHash: string, otherHash: string, createdAt: Date, random: Random) {
  const all = [people.admin, ...people.managers, ...people.coordinators, ...people.mediatorUsers]
  return all.map((s) => ({
    id: s.id,
    email: s.email,
    name: s.name,
    passwordHash: s === people.admin ? passwordHash : otherHash,
    roles: s.roles,
    mustChangePassword: false,
    // Some have left over twenty years: their accounts are disabled, not deleted.
    disabledAt: s !== people.admin && random.chance(0.08) ? createdAt : null,
    createdAt,
  }))
}

export function mediatorRows(people: People, councils: Council[], venues: Venue[], today: IsoDate, random: Random) {
  const now = new Date(`${today}T09:00:00Z`)
  return people.mediators.map((m, i) => {
    const expiry = addMonths(today, random.int(-2, 20))
    return {
      id: m.id,
      userId: m.userId,
      name: m.name,
      email: m.email,
      phone: `07700 9${String(10000 + i).slice(-5)}`,
      cmcRegistrationNumber: `CMC-${100000 + i}`,
      cmcRegistrationExpiry: expiry,
      sendRegisterNumber: `SEND-${20000 + i}`,
      sendRegisterExpiry: addMonths(expiry, 3),
      senTrainingCompletedOn: addMonths(today, -random.int(12, 120)),
      senTrainingDetails: 'SEND mediation: law, practice and the voice of the child',
      insurer: random.pick(['Mediation Mutual', 'Civic Indemnity', 'Northern Professional']),
      insuranceCoverPounds: random.pick([1_000_000, 2_000_000, 5_000_000]),
      insuranceExpiry: addMonths(today, random.int(1, 12)),
      dbsCheckedOn: addMonths(today, -random.int(1, 30)),
      dbsRenewalDue: addMonths(today, random.int(6, 30)),
      languages: random.chance(0.15) ? ['English', random.pick(['Welsh', 'Polish', 'Urdu', 'BSL'])] : ['English'],
      areas: m.councils.map((c) => councils[c]!.code),
      venues: venues.filter((v) => m.councils.includes(v.councilIndex)).map((v) => v.name),
      workingDays: random.chance(0.7) ? [1, 2, 3, 4, 5] : [1, 2, 3],
      active: random.chance(0.9),
      createdAt: now,
      updatedAt: now,
    }
  })
}

export function cpdRows(people: People, today: IsoDate, random: Random) {
  return people.mediators.flatMap((m) =>
    Array.from({ length: random.int(2, 6) }, () => ({
      id: random.uuid(),
      mediatorId: m.id,
      completedOn: addDays(today, -random.int(10, 700)),
      hours: String(random.pick([1.5, 2, 3, 6])),
      activity: random.pick(['SEND law update', 'Working with young people', 'Online mediation skills']),
      createdAt: new Date(`${today}T09:00:00Z`),
    })),
  )
}

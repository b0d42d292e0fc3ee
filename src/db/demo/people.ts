// The demo's service: its councils, its staff accounts, its panel of mediators and its venues, made
// through the panel's and the venues' own services. Every name is invented. Made once: a second
// run finds each by its email, code or name and adds nothing.
import { eq } from 'drizzle-orm'
import type { Clock } from '../../clock.ts'
import { addDays } from '../../domain/dates.ts'
import type { Role } from '../../domain/staff.ts'
import { hashPassword, oneTimePassword } from '../../features/auth/index.ts'
import { createMediatorService } from '../../features/mediators/service.ts'
import type { MediatorProfile } from '../../features/mediators/service.ts'
import { createVenueService, type VenueInput } from '../../features/meetings/venue-service.ts'
import type { Db } from '../client.ts'
import { commissioningAuthority } from '../reference-data.ts'
import { localAuthorities, mediators, userCouncils, users } from '../schema/index.ts'

export interface DemoCouncil {
  id: string
  code: string
  name: string
}

/** Two more councils the service works for, beside the one the install started with. */
const moreCouncils = [
  { code: 'kessington', name: 'Kessington Borough Council', phone: '0300 555 0141' },
  { code: 'dunmere', name: 'Dunmere County Council', phone: '0300 555 0172' },
]

export async function demoCouncils(db: Db, first: DemoCouncil): Promise<DemoCouncil[]> {
  const found: DemoCouncil[] = [first]
  for (const c of moreCouncils) {
    await db
      .insert(localAuthorities)
      .values({
        ...commissioningAuthority,
        code: c.code,
        name: c.name,
        phone: c.phone,
        postcodeDistricts: [],
      })
      .onConflictDoNothing()
    const [row] = await db.select().from(localAuthorities).where(eq(localAuthorities.code, c.code))
    found.push({ id: row!.id, code: row!.code, name: row!.name })
  }
  return found
}

export interface DemoAccount {
  id: string
  email: string
  name: string
  /** Set only when the account was made by this run. */
  password?: string
}

/** A staff account that must choose a password and an authenticator app at its first sign-in. */
export async function demoAccount(
  db: Db,
  who: { email: string; name: string; roles: Role[]; councils: string[] },
): Promise<DemoAccount> {
  const [existing] = await db.select().from(users).where(eq(users.email, who.email))
  let account: DemoAccount
  if (existing) account = { id: existing.id, email: existing.email, name: existing.name }
  else {
    const password = oneTimePassword()
    const [row] = await db
      .insert(users)
      .values({
        email: who.email,
        name: who.name,
        roles: who.roles,
        passwordHash: await hashPassword(password),
        mustChangePassword: true,
      })
      .returning()
    account = { id: row!.id, email: row!.email, name: row!.name, password }
  }
  for (const localAuthorityId of who.councils)
    await db.insert(userCouncils).values({ userId: account.id, localAuthorityId }).onConflictDoNothing()
  return account
}

export interface DemoMediator {
  id: string
  name: string
  account: DemoAccount
}

interface PanelEntry {
  name: string
  email: string
  languages: string[]
  /** How their standing differs from good: insurance lapsed 3 weeks ago. */
  lapsedInsurance?: boolean
  /** A continuing link with an organisation in a case of the demo. */
  conflict?: { organisationName: string; details: string }
}

export const demoPanel: PanelEntry[] = [
  { name: 'Grace Adeyemi', email: 'mediator.demo@example.com', languages: ['English'] },
  { name: 'Tobias Rennick', email: 'tobias.rennick@example.com', languages: ['English', 'Welsh'] },
  { name: 'Halina Wrzesniak', email: 'halina.wrzesniak@example.com', languages: ['English', 'Polish'] },
  { name: 'Helen Marchetti', email: 'helen.marchetti@example.com', languages: ['English'], lapsedInsurance: true },
  {
    name: 'Samir Castellano',
    email: 'samir.castellano@example.com',
    languages: ['English', 'BSL'],
    conflict: {
      organisationName: 'Larchwood Academy',
      details: 'Samir is a governor of Larchwood Academy.',
    },
  },
]

export async function demoMediators(
  db: Db,
  clock: Clock,
  councils: DemoCouncil[],
  by: { userId: string },
): Promise<DemoMediator[]> {
  const today = clock.today()
  const service = createMediatorService({ db, clock })
  const audit = { userId: by.userId, ip: null }
  const made: DemoMediator[] = []
  for (const entry of demoPanel) {
    const account = await demoAccount(db, {
      email: entry.email,
      name: entry.name,
      roles: ['mediator'],
      councils: [],
    })
    const [existing] = await db.select().from(mediators).where(eq(mediators.email, entry.email))
    if (existing) {
      made.push({ id: existing.id, name: existing.name, account })
      continue
    }
    const inAYear = addDays(today, 300)
    const profile: MediatorProfile = {
      name: entry.name,
      email: entry.email,
      phone: '07700 900 4' + String(made.length).padStart(2, '0'),
      cmcRegistrationNumber: `CMC-${4100 + made.length}`,
      cmcRegistrationExpiry: inAYear,
      sendRegisterNumber: `SEND-${220 + made.length}`,
      sendRegisterExpiry: inAYear,
      senTrainingCompletedOn: addDays(today, -700),
      senTrainingDetails: 'Accredited SEND mediation course',
      insurer: 'Northgate Mutual Insurance',
      insuranceCoverPounds: 2_000_000,
      insuranceExpiry: entry.lapsedInsurance ? addDays(today, -21) : inAYear,
      dbsCheckedOn: addDays(today, -400),
      dbsRenewalDue: addDays(today, 700),
      languages: entry.languages,
      areas: councils.map((c) => c.code),
      venues: [],
      workingDays: [1, 2, 3, 4, 5],
      active: true,
      userId: account.id,
    }
    const created = await service.create({ ...profile, submissionKey: `demo-mediator-${entry.email}` }, audit)
    if (!created.ok) throw new Error(`Demo mediator ${entry.name}: ${created.reason}`)
    const id = created.id
    const cpd = await service.addCpd(
      id,
      {
        completedOn: addDays(today, -60),
        hours: 8,
        activity: 'SEND mediation practice day',
        submissionKey: `demo-cpd-${entry.email}`,
      },
      audit,
    )
    if (!cpd.ok) throw new Error(`Demo mediator ${entry.name}'s CPD: ${cpd.reason}`)
    if (entry.conflict) {
      const conflict = await service.declareConflict(
        id,
        {
          organisationKind: 'school',
          organisationName: entry.conflict.organisationName,
          localAuthorityId: councils[0]!.id,
          link: 'other',
          details: entry.conflict.details,
          endedOn: null,
          submissionKey: `demo-conflict-${entry.email}`,
        },
        audit,
      )
      if (!conflict.ok) throw new Error(`Demo mediator ${entry.name}'s conflict: ${conflict.reason}`)
    }
    made.push({ id, name: entry.name, account })
  }
  return made
}

const venueList: (VenueInput & { rooms: { name: string; capacity: number; isBreakout: boolean }[] })[] = [
  {
    name: 'Bridgewater Community Centre',
    kind: 'in-person',
    address: '14 Canal Walk, Warrington',
    postcode: 'WA1 2QQ',
    onlineLink: '',
    stepFree: true,
    hearingLoop: true,
    parking: true,
    quietRoom: true,
    accessibilityNotes: 'Level entrance from the car park; accessible toilet on the ground floor.',
    costPence: 4500,
    active: true,
    rooms: [
      { name: 'Main meeting room', capacity: 10, isBreakout: false },
      { name: 'Garden room', capacity: 4, isBreakout: true },
    ],
  },
  {
    name: 'Kessington Library',
    kind: 'in-person',
    address: 'Market Square, Kessington',
    postcode: 'WA4 6HT',
    onlineLink: '',
    stepFree: true,
    hearingLoop: false,
    parking: false,
    quietRoom: true,
    accessibilityNotes: 'Lift to the first floor. Pay and display parking on Mill Lane, 200 metres away.',
    costPence: 0,
    active: true,
    rooms: [
      { name: 'Study room 1', capacity: 8, isBreakout: false },
      { name: 'Study room 2', capacity: 4, isBreakout: true },
    ],
  },
  {
    name: 'Online meeting room',
    kind: 'online',
    address: '',
    postcode: '',
    onlineLink: 'https://meet.example.com/parley-demo',
    stepFree: false,
    hearingLoop: false,
    parking: false,
    quietRoom: false,
    accessibilityNotes: 'Live captions can be turned on. Join by phone if video is hard.',
    costPence: 0,
    active: true,
    rooms: [],
  },
]

export interface DemoVenues {
  /** The first in-person venue's main room and breakout room. */
  room: string
  breakout: string
  /** The online venue. */
  online: string
}

export async function demoVenues(db: Db, clock: Clock): Promise<DemoVenues> {
  const service = createVenueService({ db, clock })
  for (const { rooms, ...venue } of venueList) {
    const created = await service.createVenue(venue, `demo-venue-${venue.name}`)
    if (!created.ok) throw new Error(`Demo venue ${venue.name}: ${created.reason}`)
    for (const room of rooms) {
      const added = await service.addRoom(created.venueId, room, `demo-room-${venue.name}-${room.name}`)
      if (!added.ok) throw new Error(`Demo room ${room.name}: ${added.reason}`)
    }
  }
  const all = await service.venueList()
  const first = all.find((v) => v.name === venueList[0]!.name)!
  const online = all.find((v) => v.name === 'Online meeting room')!
  return {
    room: first.rooms.find((r) => !r.isBreakout)!.id,
    breakout: first.rooms.find((r) => r.isBreakout)!.id,
    online: online.id,
  }
}

export const venueNames = venueList.map((v) => v.name)

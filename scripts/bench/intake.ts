// The request a case starts from, and its people: who asked (a parent mostly; sometimes a
// professional, with the family's permission), the child, the other parties they named, and how
// to contact them. The parties are made from the request as features/cases/create-case.ts makes them.
import { addDays, type IsoDate } from '../../src/domain/dates.ts'
import {
  ehcDecisions,
  needsPermission,
  type EhcDecision,
  type EhcStatus,
  type OtherPartyKind,
  type RequestFacts,
  type RequesterRole,
} from '../../src/domain/request.ts'
import type { Party } from './case-builder.ts'
import { FIRST_NAMES, PLACE_ENDS, PLACE_STARTS, SCHOOL_KINDS, SURNAMES, WHAT_HAPPENED } from './names.ts'
import type { Council } from './places.ts'
import type { Random } from './random.ts'
import type { Rows } from './rows.ts'

export type Channel = 'online' | 'phone' | 'email'

export interface Intake {
  facts: RequestFacts
  channel: Channel
  parties: Party[]
  /** The party for each kind of other party named (council, school, ...). */
  partyOfKind: Partial<Record<OtherPartyKind, Party>>
  /** The parent or young person: who chooses, and who gets the certificate. */
  family: Party
}

const requesterWeights: Record<RequesterRole, number> = {
  parent: 84,
  'young-person': 6,
  sendiass: 5,
  school: 2,
  'local-authority': 1,
  'health-social-care': 1,
  voluntary: 0.5,
  other: 0.5,
}

const organisationOf: Partial<Record<RequesterRole, (council: Council) => string>> = {
  sendiass: (c) => `${c.place} SENDIASS`,
  school: (c) => `${c.place} High School`,
  'local-authority': (c) => c.name,
  'health-social-care': (c) => `${c.place} Children's Health Service`,
  voluntary: (c) => `${c.place} Parent Carer Forum`,
}

const person = (random: Random, surname = random.pickCommon(SURNAMES)) => `${random.pickCommon(FIRST_NAMES)} ${surname}`
const emailOf = (random: Random, name: string) =>
  `${name.toLowerCase().replace(/[^a-z]+/g, '.')}${random.int(1, 9999)}@example.com`
const phoneOf = (random: Random) => `07700 900${String(random.int(0, 999)).padStart(3, '0')}`

export interface IntakeNeeds {
  sen: boolean
  /** The story goes to mediation or asks the other parties: it names the council (and maybe more). */
  others: boolean
}

export function makeIntake(
  random: Random,
  caseId: string,
  council: Council,
  receivedOn: IsoDate,
  needs: IntakeNeeds,
  rows: Rows,
  createdAt: Date,
): Intake {
  const channel = random.weighted<Channel>({ online: 55, phone: 30, email: 15 })
  const family = random.pickCommon(SURNAMES)
  const role = random.weighted(requesterWeights)
  const youngPerson = role === 'young-person'
  const age = youngPerson ? random.int(16, 24) : random.int(needs.sen ? 2 : 4, 17)
  const childFirst = random.pickCommon(FIRST_NAMES)
  const childName = `${childFirst} ${family}`
  const dateOfBirth = addDays(receivedOn, -(age * 365 + random.int(0, 364)))
  const setting = `${random.pick(PLACE_STARTS)}${random.pick(PLACE_ENDS)} ${random.pick(SCHOOL_KINDS)}`
  const postcode = `${random.pick(council.districts)} ${random.int(1, 9)}${random.pick([...'ABDEFGHJLNPQRSTUWXYZ'])}${random.pick([...'ABDEFGHJLNPQRSTUWXYZ'])}`
  const parentName = random.chance(0.8) ? person(random, family) : person(random)
  const requesterName = youngPerson ? childName : role === 'parent' ? parentName : person(random)
  const email = random.chance(0.8) ? emailOf(random, requesterName) : undefined
  const phone = !email || random.chance(0.6) ? phoneOf(random) : undefined
  const ehcStatus: EhcStatus = needs.sen
    ? random.weighted({ 'has-plan': 55, 'assessment-requested': 25, refused: 20, none: 0 })
    : random.weighted({ 'has-plan': 40, 'assessment-requested': 20, refused: 5, none: 35 })
  const decisionKind = random.pick(Object.keys(ehcDecisions) as EhcDecision[])

  const otherParties: RequestFacts['otherParties'] = []
  if (needs.others || random.chance(0.03)) otherParties.push({ kind: 'local-authority', name: council.name })
  if (needs.others && random.chance(0.15)) otherParties.push({ kind: 'school', name: setting })
  if (needs.others && random.chance(0.1))
    otherParties.push({ kind: 'health', name: `${council.place} Integrated Care Board` })
  if (needs.others && random.chance(0.05))
    otherParties.push({ kind: 'social-care', name: `${council.place} Children's Social Care` })

  const facts: RequestFacts = {
    requester: {
      role,
      name: requesterName,
      ...(organisationOf[role] ? { organisation: organisationOf[role](council) } : {}),
    },
    ...(needsPermission(role)
      ? { permission: { givenBy: parentName, givenOn: receivedOn }, parent: { name: parentName } }
      : {}),
    child: { name: childName, dateOfBirth, setting, postcode },
    ehcStatus,
    areas: needs.sen ? ['ehc-decision'] : [random.pick(['duties', 'provision', 'health-social-care'] as const)],
    ...(needs.sen ? { decision: { kind: decisionKind, letterDate: addDays(receivedOn, -random.int(3, 50)) } } : {}),
    otherParties,
    whatHappened: random.pick(WHAT_HAPPENED),
    contact: {
      methods: [...(email ? (['email'] as const) : []), ...(phone ? (['phone'] as const) : [])],
      ...(email ? { email } : {}),
      ...(phone ? { phone } : {}),
      ...(random.chance(0.3) ? { bestTimes: 'Weekday mornings' } : {}),
    },
    adjustments: random.chance(0.08)
      ? { kinds: ['interpreter'], language: random.pick(['Polish', 'Urdu', 'Arabic', 'Romanian', 'Punjabi']) }
      : random.chance(0.05)
        ? { kinds: ['large-print'] }
        : { kinds: [] },
  }

  const party = (p: Omit<Party, 'id'> & { contact?: boolean }): Party => {
    const row: Party = { id: random.uuid(), ...p }
    rows.caseParties.push({
      id: row.id,
      caseId,
      role: p.role,
      name: p.name,
      organisation: p.organisation,
      email: p.email,
      phone: p.phone,
      contactPreferences: p.contact ? facts.contact : {},
      adjustments: p.contact ? facts.adjustments : {},
      isRequester: p.isRequester,
      createdAt,
    })
    return row
  }
  const reach = { email: email ?? null, phone: phone ?? null, isRequester: true, contact: true }
  const parties: Party[] = []
  let familyParty: Party
  if (needsPermission(role)) {
    const referrer = party({
      role: 'referrer',
      name: requesterName,
      organisation: facts.requester.organisation ?? null,
      ...reach,
    })
    familyParty = party({
      role: 'parent',
      name: parentName,
      organisation: null,
      email: null,
      phone: null,
      isRequester: false,
    })
    parties.push(referrer, familyParty)
    rows.partyPermissions.push({
      caseId,
      partyId: referrer.id,
      givenBy: parentName,
      givenOn: receivedOn,
      how: random.pick(['By phone', 'In writing', 'By email']),
      forWhat: 'To ask for mediation and speak for the family',
      createdAt,
    })
  } else {
    familyParty = party({ role, name: requesterName, organisation: null, ...reach })
    parties.push(familyParty)
  }
  const partyOfKind: Intake['partyOfKind'] = {}
  for (const other of otherParties) {
    const row = party({
      role: other.kind,
      name: other.name ?? '',
      organisation: other.name ?? null,
      email: null,
      phone: null,
      isRequester: false,
    })
    partyOfKind[other.kind] = row
    parties.push(row)
  }
  return { facts, channel, parties, partyOfKind, family: familyParty }
}

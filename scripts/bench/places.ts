// The country the data set lives in: about 150 councils with invented names, codes and postcode
// districts (areas starting Q, J, V or X, which no real postcode uses), their venues and rooms,
// and the agencies staff signpost people to.
import { COUNCIL_KINDS, PLACE_ENDS, PLACE_STARTS } from './names.ts'
import type { Random } from './random.ts'

export interface Council {
  id: string
  code: string
  name: string
  place: string
  districts: string[]
  /** How much of the caseload it has (bigger councils, more cases). */
  weight: number
  cadence: number
}

export interface Venue {
  id: string
  councilIndex: number
  name: string
  kind: 'in-person' | 'online'
  rooms: { id: string; name: string; capacity: number; isBreakout: boolean }[]
}

export const COUNCIL_COUNT = 150

/** Place names, all different: Ashbury, Colnefield, ... */
export function placeNames(random: Random, count: number): string[] {
  const names = new Set<string>()
  while (names.size < count) names.add(random.pick(PLACE_STARTS) + random.pick(PLACE_ENDS))
  return [...names]
}

export function makeCouncils(random: Random): Council[] {
  const letters = 'ABCDEFGHKLMNOPRSTUWY'
  const areas = ['Q', 'J', 'V', 'X'].flatMap((first) => [...letters].map((second) => first + second))
  const districts = areas.flatMap((area) => Array.from({ length: 9 }, (_, i) => `${area}${i + 1}`))
  const places = placeNames(random, COUNCIL_COUNT)
  let next = 0
  return places.map((place, i) => {
    // A few big councils, many small ones: districts and caseload both follow.
    const weight = 0.4 + 3 / (1 + i * 0.15) + random.next()
    const count = Math.max(2, Math.min(9, Math.round(weight * 2)))
    const own = districts.slice(next, next + count)
    next += count
    return {
      id: random.uuid(),
      code: place.toLowerCase(),
      name: `${place} ${random.pick(COUNCIL_KINDS)}`,
      place,
      districts: own,
      weight,
      cadence: random.chance(0.8) ? 10 : random.pick([5, 15, 20]),
    }
  })
}

export function councilRows(councils: Council[], createdAt: Date) {
  return councils.map((c) => ({
    id: c.id,
    code: c.code,
    name: c.name,
    commissioned: true,
    freeForResidents: true,
    postcodeDistricts: c.districts,
    serviceName: 'SEN Mediation and Disagreement Resolution Service',
    phone: '0300 000 0000',
    email: `sen-mediation@${c.code}.example.org`,
    address: `Civic Centre, ${c.place}`,
    openingHours: 'Monday to Friday, 9am to 5pm',
    updateCadenceWorkingDays: c.cadence,
    createdAt,
  }))
}

/** Two venues or so in each council, with a main room and often a breakout room; and one online room. */
export function makeVenues(random: Random, councils: Council[]): Venue[] {
  const venues: Venue[] = [
    {
      id: random.uuid(),
      councilIndex: -1,
      name: 'Online meeting room',
      kind: 'online',
      rooms: [{ id: random.uuid(), name: 'Main room', capacity: 12, isBreakout: false }],
    },
  ]
  councils.forEach((council, councilIndex) => {
    const count = council.weight > 2 ? 3 : random.int(1, 2)
    for (let v = 0; v < count; v++) {
      const rooms = [{ id: random.uuid(), name: 'Main room', capacity: random.int(6, 14), isBreakout: false }]
      if (random.chance(0.7)) rooms.push({ id: random.uuid(), name: 'Breakout room', capacity: 4, isBreakout: true })
      const name = random.pick(['Community Centre', 'Family Hub', 'Library', 'Conference Centre', 'Town Hall'])
      venues.push({ id: random.uuid(), councilIndex, name: `${council.place} ${name}`, kind: 'in-person', rooms })
    }
  })
  return venues
}

export function venueRows(random: Random, venues: Venue[], councils: Council[], createdAt: Date) {
  return venues.map((v) => {
    const council = councils[v.councilIndex]
    return {
      id: v.id,
      name: v.name,
      kind: v.kind,
      address: council ? `${random.int(1, 120)} High Street, ${council.place}` : null,
      postcode: council ? `${random.pick(council.districts)} ${random.int(1, 9)}AB` : null,
      onlineLink: v.kind === 'online' ? 'https://meet.example.org/parley' : null,
      stepFree: random.chance(0.8),
      hearingLoop: random.chance(0.5),
      parking: random.chance(0.6),
      quietRoom: random.chance(0.5),
      costPence: v.kind === 'online' ? 0 : random.pick([0, 0, 4500, 8000]),
      createdAt,
    }
  })
}

export function roomRows(venues: Venue[]) {
  return venues.flatMap((v) => v.rooms.map((r) => ({ ...r, venueId: v.id })))
}

/** The same codes as the reference data the server adds on its first start, which then adds nothing. */
export const AGENCIES = [
  { code: 'sendiass', name: 'SENDIASS (SEND Information, Advice and Support Service)' },
  { code: 'la-sen-team', name: "The council's SEN team" },
  { code: 'send-tribunal', name: 'The First-tier Tribunal (Special Educational Needs and Disability)' },
  { code: 'school-complaints', name: "The school's or college's complaints procedure" },
  { code: 'nhs-complaints', name: 'NHS complaints (the integrated care board)' },
  { code: 'lgsco', name: 'Local Government and Social Care Ombudsman' },
  { code: 'ipsea', name: 'IPSEA (Independent Provider of Special Education Advice)' },
]

export interface Agency {
  id: string
  code: string
  name: string
}

export function agencyRows(agencies: Agency[]) {
  return agencies.map((a, i) => ({
    ...a,
    helpsWith: 'Advice and support outside this service.',
    contact: 'See their website',
    sortOrder: i,
  }))
}

// The directory feed's queries. Only what is public: the councils the service runs for (their
// service details) and the venues where meetings are held in person (name, address and access).
// Never a case, a person, a meeting, an online link or a cost. Both tables are small (councils:
// a few hundred at most; venues: tens), but every list is paged with a bounded size.
import { and, asc, count, eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { localAuthorities, venues } from '../../db/schema/index.ts'

export interface Paging {
  limit: number
  offset: number
}

const councilColumns = {
  id: localAuthorities.id,
  code: localAuthorities.code,
  name: localAuthorities.name,
  freeForResidents: localAuthorities.freeForResidents,
  postcodeDistricts: localAuthorities.postcodeDistricts,
  serviceName: localAuthorities.serviceName,
  phone: localAuthorities.phone,
  email: localAuthorities.email,
  address: localAuthorities.address,
  openingHours: localAuthorities.openingHours,
  updatedAt: localAuthorities.updatedAt,
}

const venueColumns = {
  id: venues.id,
  name: venues.name,
  address: venues.address,
  postcode: venues.postcode,
  stepFree: venues.stepFree,
  hearingLoop: venues.hearingLoop,
  parking: venues.parking,
  quietRoom: venues.quietRoom,
  accessibilityNotes: venues.accessibilityNotes,
}

export type FeedCouncil = Awaited<ReturnType<typeof councilById>> & {}
export type FeedVenue = Awaited<ReturnType<typeof venueById>> & {}

const served = eq(localAuthorities.commissioned, true)
const publicVenue = and(eq(venues.active, true), eq(venues.kind, 'in-person'))

export function councilsPage(db: Db, { limit, offset }: Paging) {
  return db
    .select(councilColumns)
    .from(localAuthorities)
    .where(served)
    .orderBy(asc(localAuthorities.name), asc(localAuthorities.code))
    .limit(limit)
    .offset(offset)
}

export async function councilCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(localAuthorities).where(served)
  return row?.n ?? 0
}

/** A council the service runs for, by its id (which is its service's id in the feed). */
export async function councilById(db: Db, id: string) {
  const [row] = await db
    .select(councilColumns)
    .from(localAuthorities)
    .where(and(served, eq(localAuthorities.id, id)))
  return row
}

/** A council the service runs for, by its id as an organisation in the feed (ids.ts). */
export async function councilByOrganizationId(db: Db, organizationId: string) {
  const [row] = await db
    .select(councilColumns)
    .from(localAuthorities)
    .where(and(served, sql`md5('organization:' || ${localAuthorities.id}::text)::uuid = ${organizationId}::uuid`))
  return row
}

export function venuesPage(db: Db, { limit, offset }: Paging) {
  return db
    .select(venueColumns)
    .from(venues)
    .where(publicVenue)
    .orderBy(asc(venues.name), asc(venues.id))
    .limit(limit)
    .offset(offset)
}

export async function venueCount(db: Db): Promise<number> {
  const [row] = await db.select({ n: count() }).from(venues).where(publicVenue)
  return row?.n ?? 0
}

export async function venueById(db: Db, id: string) {
  const [row] = await db
    .select(venueColumns)
    .from(venues)
    .where(and(publicVenue, eq(venues.id, id)))
  return row
}

/** The service of each council at each venue: every venue serves every council's families. */
export function servicesAtLocationsPage(db: Db, { limit, offset }: Paging) {
  return db
    .select({ council: councilColumns, venue: venueColumns })
    .from(localAuthorities)
    .innerJoin(venues, publicVenue)
    .where(served)
    .orderBy(asc(localAuthorities.name), asc(localAuthorities.code), asc(venues.name), asc(venues.id))
    .limit(limit)
    .offset(offset)
}

export async function serviceAtLocationById(db: Db, id: string) {
  const [row] = await db
    .select({ council: councilColumns, venue: venueColumns })
    .from(localAuthorities)
    .innerJoin(venues, publicVenue)
    .where(
      and(
        served,
        sql`md5('service-at-location:' || ${localAuthorities.id}::text || ':' || ${venues.id}::text)::uuid = ${id}::uuid`,
      ),
    )
  return row
}

// The mediator panel's queries. `listMediatorsForAllocation` is the allocation engine's view of
// the panel: keep its signature and return type stable (src/features/allocation imports it).
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.ts'
import {
  localAuthorities,
  mediatorConflicts,
  mediatorCpd,
  mediatorUnavailability,
  mediators,
  users,
} from '../../db/schema/index.ts'
import type { IsoDate } from '../../domain/dates.ts'
import type { MediatorCredentials } from '../../domain/mediator-standing.ts'

type Queryable = Db | Tx

export type OrganisationKind = 'local-authority' | 'school' | 'college' | 'health'
export type ConflictLink = 'employment' | 'family' | 'contract' | 'other'

export interface UnavailableRange {
  id: string
  /** Inclusive. */
  fromDate: IsoDate
  /** Inclusive. */
  toDate: IsoDate
  note: string | null
}

export interface DeclaredConflict {
  id: string
  organisationKind: OrganisationKind
  organisationName: string
  /** The council area the organisation is in, when declared. */
  localAuthorityId: string | null
  /** That council's code (local_authorities.code), when declared. */
  localAuthorityCode: string | null
  link: ConflictLink
  details: string | null
  declaredOn: IsoDate
  /** Null while the link continues. */
  endedOn: IsoDate | null
}

/** One active mediator, with all allocation needs to rank them. Pass it (it is a MediatorCredentials) to `mediatorStanding`. */
export interface MediatorForAllocation extends MediatorCredentials {
  id: string
  name: string
  email: string
  /** Their staff account (role mediator), if linked. */
  userId: string | null
  /** English names as entered, for example 'English', 'Polish'; British Sign Language is stored as 'BSL'. Compare case-insensitively. */
  languages: string[]
  /** local_authorities.code of each council area they can reach. */
  areas: string[]
  venues: string[]
  /** ISO weekdays: 1 Monday .. 5 Friday. */
  workingDays: number[]
  /** Every recorded unavailability, earliest first. */
  unavailability: UnavailableRange[]
  /** Every declared conflict, including ended ones (a recent ended link is a "near" conflict). */
  conflicts: DeclaredConflict[]
}

/** Every active mediator, by name, with credentials, CPD by year, reach, availability and conflicts. */
export async function listMediatorsForAllocation(db: Queryable): Promise<MediatorForAllocation[]> {
  const rows = await db
    .select()
    .from(mediators)
    .where(eq(mediators.active, true))
    .orderBy(asc(mediators.name), asc(mediators.id))
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const [cpd, unavailable, conflicts] = await Promise.all([
    cpdHoursByYearFor(db, ids),
    unavailabilityFor(db, ids),
    conflictsFor(db, ids),
  ])
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    email: r.email,
    userId: r.userId,
    cmcRegistrationExpiry: r.cmcRegistrationExpiry,
    sendRegisterExpiry: r.sendRegisterExpiry,
    senTrainingCompletedOn: r.senTrainingCompletedOn,
    insuranceCoverPounds: r.insuranceCoverPounds,
    insuranceExpiry: r.insuranceExpiry,
    dbsRenewalDue: r.dbsRenewalDue,
    cpdHoursByYear: cpd.get(r.id) ?? {},
    active: r.active,
    languages: r.languages,
    areas: r.areas,
    venues: r.venues,
    workingDays: r.workingDays,
    unavailability: unavailable.get(r.id) ?? [],
    conflicts: conflicts.get(r.id) ?? [],
  }))
}

// --- building blocks (also used by the panel pages) ---

export type MediatorRow = typeof mediators.$inferSelect

/** CPD hours by calendar year, for each of the given mediators. */
export async function cpdHoursByYearFor(db: Queryable, ids: string[]): Promise<Map<string, Record<number, number>>> {
  const out = new Map<string, Record<number, number>>()
  if (ids.length === 0) return out
  const year = sql<number>`extract(year from ${mediatorCpd.completedOn})::int`
  const rows = await db
    .select({ mediatorId: mediatorCpd.mediatorId, year, hours: sql<string>`sum(${mediatorCpd.hours})` })
    .from(mediatorCpd)
    .where(inArray(mediatorCpd.mediatorId, ids))
    .groupBy(mediatorCpd.mediatorId, year)
  for (const r of rows) {
    const byYear = out.get(r.mediatorId) ?? {}
    byYear[Number(r.year)] = Number(r.hours)
    out.set(r.mediatorId, byYear)
  }
  return out
}

async function unavailabilityFor(db: Queryable, ids: string[]): Promise<Map<string, UnavailableRange[]>> {
  const rows = await db
    .select()
    .from(mediatorUnavailability)
    .where(inArray(mediatorUnavailability.mediatorId, ids))
    .orderBy(asc(mediatorUnavailability.fromDate), asc(mediatorUnavailability.toDate), asc(mediatorUnavailability.id))
  const out = new Map<string, UnavailableRange[]>()
  for (const r of rows) {
    const list = out.get(r.mediatorId) ?? []
    list.push({ id: r.id, fromDate: r.fromDate, toDate: r.toDate, note: r.note })
    out.set(r.mediatorId, list)
  }
  return out
}

async function conflictsFor(db: Queryable, ids: string[]): Promise<Map<string, DeclaredConflict[]>> {
  const rows = await db
    .select({ c: mediatorConflicts, code: localAuthorities.code })
    .from(mediatorConflicts)
    .leftJoin(localAuthorities, eq(localAuthorities.id, mediatorConflicts.localAuthorityId))
    .where(inArray(mediatorConflicts.mediatorId, ids))
    .orderBy(asc(mediatorConflicts.declaredOn), asc(mediatorConflicts.organisationName), asc(mediatorConflicts.id))
  const out = new Map<string, DeclaredConflict[]>()
  for (const { c, code } of rows) {
    const list = out.get(c.mediatorId) ?? []
    list.push({
      id: c.id,
      organisationKind: c.organisationKind as OrganisationKind,
      organisationName: c.organisationName,
      localAuthorityId: c.localAuthorityId,
      localAuthorityCode: code,
      link: c.link as ConflictLink,
      details: c.details,
      declaredOn: c.declaredOn,
      endedOn: c.endedOn,
    })
    out.set(c.mediatorId, list)
  }
  return out
}

// --- the panel pages ---

export interface PanelRow {
  mediator: MediatorRow
  cpdHoursByYear: Record<number, number>
}

/** Every mediator, active or not, with their CPD by year (the panel page sorts them). */
export async function listPanel(db: Queryable): Promise<PanelRow[]> {
  const rows = await db.select().from(mediators).orderBy(asc(mediators.name), asc(mediators.id))
  const cpd = await cpdHoursByYearFor(
    db,
    rows.map((r) => r.id),
  )
  return rows.map((mediator) => ({ mediator, cpdHoursByYear: cpd.get(mediator.id) ?? {} }))
}

export const isUuid = (id: string) => UUID.test(id)
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** One mediator, or undefined (also for an id that is not a UUID, which PostgreSQL would refuse). */
export async function findMediator(db: Queryable, id: string): Promise<MediatorRow | undefined> {
  if (!UUID.test(id)) return undefined
  const [row] = await db.select().from(mediators).where(eq(mediators.id, id))
  return row
}

export async function findMediatorByUser(db: Queryable, userId: string): Promise<MediatorRow | undefined> {
  const [row] = await db.select().from(mediators).where(eq(mediators.userId, userId))
  return row
}

export interface CpdEntry {
  id: string
  completedOn: IsoDate
  hours: number
  activity: string
}

export async function listCpd(db: Queryable, mediatorId: string): Promise<CpdEntry[]> {
  const rows = await db
    .select()
    .from(mediatorCpd)
    .where(eq(mediatorCpd.mediatorId, mediatorId))
    .orderBy(sql`${mediatorCpd.completedOn} desc`, sql`${mediatorCpd.createdAt} desc`)
  return rows.map((r) => ({ id: r.id, completedOn: r.completedOn, hours: Number(r.hours), activity: r.activity }))
}

export async function listUnavailability(db: Queryable, mediatorId: string): Promise<UnavailableRange[]> {
  return (await unavailabilityFor(db, [mediatorId])).get(mediatorId) ?? []
}

export async function listConflicts(
  db: Queryable,
  mediatorId: string,
): Promise<(DeclaredConflict & { localAuthorityName: string | null })[]> {
  const names = new Map((await listLocalAuthorities(db)).map((a) => [a.id, a.name]))
  return ((await conflictsFor(db, [mediatorId])).get(mediatorId) ?? []).map((c) => ({
    ...c,
    localAuthorityName: c.localAuthorityId ? (names.get(c.localAuthorityId) ?? null) : null,
  }))
}

export interface LocalAuthorityOption {
  id: string
  code: string
  name: string
}

export async function listLocalAuthorities(db: Queryable): Promise<LocalAuthorityOption[]> {
  return db
    .select({ id: localAuthorities.id, code: localAuthorities.code, name: localAuthorities.name })
    .from(localAuthorities)
    .orderBy(asc(localAuthorities.name))
}

export interface MediatorAccountOption {
  id: string
  name: string
  email: string
  /** The mediator profile this account is already linked to, if any. */
  linkedTo: string | null
}

/** Enabled staff accounts with the mediator role, for linking a profile to its account. */
export async function listMediatorAccounts(db: Queryable): Promise<MediatorAccountOption[]> {
  return db
    .select({ id: users.id, name: users.name, email: users.email, linkedTo: mediators.id })
    .from(users)
    .leftJoin(mediators, eq(mediators.userId, users.id))
    .where(and(sql`'mediator' = any(${users.roles})`, sql`${users.disabledAt} is null`))
    .orderBy(asc(users.name), asc(users.email))
}

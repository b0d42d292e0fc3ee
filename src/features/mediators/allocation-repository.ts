// The allocation engine's view of the panel (src/features/allocation imports it through index.ts:
// keep its signature and return type stable), and the building blocks the panel pages share.
import { asc, eq, inArray, sql } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.ts'
import {
  localAuthorities,
  mediatorConflicts,
  mediatorCpd,
  mediatorUnavailability,
  mediators,
} from '../../db/schema/index.ts'
import type {
  ConflictLink,
  DeclaredConflict,
  MediatorForAllocation,
  OrganisationKind,
  UnavailableRange,
} from './types.ts'

export type Queryable = Db | Tx

export type { MediatorForAllocation } from './types.ts'

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

export async function unavailabilityFor(db: Queryable, ids: string[]): Promise<Map<string, UnavailableRange[]>> {
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

export async function conflictsFor(db: Queryable, ids: string[]): Promise<Map<string, DeclaredConflict[]>> {
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

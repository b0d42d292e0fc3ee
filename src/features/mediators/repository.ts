// The panel pages' queries, and the changes they make. The allocation engine's view of the panel
// is in allocation-repository.ts.
import { and, asc, eq, isNull, ne, sql } from 'drizzle-orm'
import {
  localAuthorities,
  mediatorConflicts,
  mediatorCpd,
  mediatorUnavailability,
  mediators,
  users,
} from '../../db/schema/index.ts'
import type { IsoDate } from '../../domain/dates.ts'
import { conflictsFor, cpdHoursByYearFor, unavailabilityFor, type Queryable } from './allocation-repository.ts'
import type {
  DeclaredConflict,
  LocalAuthorityOption,
  MediatorAccountOption,
  MediatorRow,
  UnavailableRange,
} from './types.ts'

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

/** One mediator, or undefined (the id in the address is checked as a UUID before the page runs). */
export async function findMediator(db: Queryable, id: string): Promise<MediatorRow | undefined> {
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

export async function listLocalAuthorities(db: Queryable): Promise<LocalAuthorityOption[]> {
  return db
    .select({ id: localAuthorities.id, code: localAuthorities.code, name: localAuthorities.name })
    .from(localAuthorities)
    .orderBy(asc(localAuthorities.name))
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

// --- changes ---

type NewMediator = Omit<typeof mediators.$inferInsert, 'id' | 'version'>

/** Is this staff account already another mediator's? */
export async function accountLinkedElsewhere(db: Queryable, userId: string, exceptId?: string): Promise<boolean> {
  const [other] = await db
    .select({ id: mediators.id })
    .from(mediators)
    .where(exceptId ? and(eq(mediators.userId, userId), ne(mediators.id, exceptId)) : eq(mediators.userId, userId))
  return !!other
}

export async function insertMediator(db: Queryable, values: NewMediator): Promise<string> {
  const [row] = await db.insert(mediators).values(values).returning({ id: mediators.id })
  return row!.id
}

/** Saves only if the profile is still at `version`; false if it is not (or has gone). */
export async function updateMediatorAt(
  db: Queryable,
  id: string,
  version: number,
  values: Partial<NewMediator>,
): Promise<boolean> {
  const [row] = await db
    .update(mediators)
    .set({ ...values, version: version + 1 })
    .where(and(eq(mediators.id, id), eq(mediators.version, version)))
    .returning({ id: mediators.id })
  return !!row
}

export async function insertCpd(db: Queryable, values: typeof mediatorCpd.$inferInsert) {
  await db.insert(mediatorCpd).values(values)
}

export async function insertUnavailability(db: Queryable, values: typeof mediatorUnavailability.$inferInsert) {
  await db.insert(mediatorUnavailability).values(values)
}

/** False if there was no such unavailability for this mediator. */
export async function deleteUnavailability(db: Queryable, mediatorId: string, id: string): Promise<boolean> {
  const removed = await db
    .delete(mediatorUnavailability)
    .where(and(eq(mediatorUnavailability.id, id), eq(mediatorUnavailability.mediatorId, mediatorId)))
    .returning({ id: mediatorUnavailability.id })
  return removed.length > 0
}

export async function insertConflict(db: Queryable, values: typeof mediatorConflicts.$inferInsert) {
  await db.insert(mediatorConflicts).values(values)
}

/** Ends a continuing link on `endedOn`; false if there was no such continuing link. */
export async function endContinuingConflict(
  db: Queryable,
  mediatorId: string,
  id: string,
  endedOn: IsoDate,
): Promise<boolean> {
  const ended = await db
    .update(mediatorConflicts)
    .set({ endedOn })
    .where(
      and(
        eq(mediatorConflicts.id, id),
        eq(mediatorConflicts.mediatorId, mediatorId),
        isNull(mediatorConflicts.endedOn),
      ),
    )
    .returning({ id: mediatorConflicts.id })
  return ended.length > 0
}

// The public pages' queries: the councils the service runs for (their public settings), and the
// wording of the privacy, accessibility and cookies pages and the provider's details, kept as
// service settings (the settings table, one row a key).
import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.ts'
import { localAuthorities, settings } from '../../db/schema/index.ts'

type Queryable = Db | Tx

export const wordingKey = (kind: string) => `public-page.${kind}`

/** What a council's public page shows: its settings, none of them about a person. */
const publicColumns = {
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
  updateCadenceWorkingDays: localAuthorities.updateCadenceWorkingDays,
  complaintAcknowledgeWorkingDays: localAuthorities.complaintAcknowledgeWorkingDays,
  complaintResponseWorkingDays: localAuthorities.complaintResponseWorkingDays,
}

export type PublicCouncil = Awaited<ReturnType<typeof commissionedCouncils>>[number]

/** The councils the service runs for, by name (a small table: a few hundred at most in England). */
export function commissionedCouncils(db: Queryable) {
  return db
    .select(publicColumns)
    .from(localAuthorities)
    .where(eq(localAuthorities.commissioned, true))
    .orderBy(asc(localAuthorities.name), asc(localAuthorities.code))
}

/** One council the service runs for, by its code (the address of its page). */
export async function commissionedCouncilByCode(db: Queryable, code: string): Promise<PublicCouncil | undefined> {
  const [row] = await db
    .select(publicColumns)
    .from(localAuthorities)
    .where(and(eq(localAuthorities.code, code), eq(localAuthorities.commissioned, true)))
  return row
}

/** The stored wording of the pages given (a page not changed has no row). */
export function storedWordings(db: Queryable, kinds: readonly string[]) {
  return db
    .select({ key: settings.key, value: settings.value, updatedAt: settings.updatedAt })
    .from(settings)
    .where(
      inArray(
        settings.key,
        kinds.map((k) => wordingKey(k)),
      ),
    )
}

/**
 * The settings given, with the public pages' settings held until the transaction ends (a lock of
 * their own, as a setting never saved has no row to lock), so two saves never cross.
 */
export async function lockSettings(tx: Tx, keys: string[]) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext('parley.public-pages'))`)
  return tx.select({ key: settings.key, value: settings.value }).from(settings).where(inArray(settings.key, keys))
}

/** Writes (or replaces) each setting given, in the caller's transaction. */
export async function putSettings(tx: Tx, values: Record<string, string>, changed: { at: Date; by: string | null }) {
  for (const [key, value] of Object.entries(values)) {
    await tx
      .insert(settings)
      .values({ key, value, updatedAt: changed.at, updatedBy: changed.by })
      .onConflictDoUpdate({ target: settings.key, set: { value, updatedAt: changed.at, updatedBy: changed.by } })
  }
}

export async function deleteSetting(tx: Tx, key: string) {
  await tx.delete(settings).where(eq(settings.key, key))
}

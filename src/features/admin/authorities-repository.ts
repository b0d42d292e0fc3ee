// The commissioning authorities (councils), as the administration pages read and change them.
import { and, asc, eq } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.ts'
import { localAuthorities } from '../../db/schema/index.ts'

type Queryable = Db | Tx

export interface AuthorityCadence {
  id: string
  name: string
  /** Working days between the updates everyone on its cases should get. */
  cadence: number
}

const cadenceColumns = {
  id: localAuthorities.id,
  name: localAuthorities.name,
  cadence: localAuthorities.updateCadenceWorkingDays,
}

export function authoritiesByName(db: Queryable) {
  return db
    .select({ code: localAuthorities.code, name: localAuthorities.name })
    .from(localAuthorities)
    .orderBy(asc(localAuthorities.name))
}

export async function authorityByCode(db: Queryable, code: string) {
  const [row] = await db
    .select({ id: localAuthorities.id })
    .from(localAuthorities)
    .where(eq(localAuthorities.code, code))
  return row
}

export function cadencesByName(db: Queryable): Promise<AuthorityCadence[]> {
  return db.select(cadenceColumns).from(localAuthorities).orderBy(asc(localAuthorities.name))
}

export async function authorityCadence(db: Queryable, id: string): Promise<AuthorityCadence | undefined> {
  const [row] = await db.select(cadenceColumns).from(localAuthorities).where(eq(localAuthorities.id, id))
  return row
}

/** Sets the cadence only if it is still `expected`; false when it was not (or there is no such authority). */
export async function updateCadenceIf(db: Queryable, id: string, expected: number, cadence: number) {
  const updated = await db
    .update(localAuthorities)
    .set({ updateCadenceWorkingDays: cadence })
    .where(and(eq(localAuthorities.id, id), eq(localAuthorities.updateCadenceWorkingDays, expected)))
    .returning({ id: localAuthorities.id })
  return updated.length > 0
}

// The councils, as the API tokens and service settings pages read them (councils/ changes them).
import { asc, eq } from 'drizzle-orm'
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

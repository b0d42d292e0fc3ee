// The councils a report can be for: by id, or every council the provider works for.
import { asc, eq, inArray, or } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { localAuthorities } from '../../db/schema/index.ts'

export interface CouncilRow {
  id: string
  code: string
  name: string
}

const columns = { id: localAuthorities.id, code: localAuthorities.code, name: localAuthorities.name }

/** These councils, by name; with `commissioned`, every commissioning council as well. */
export async function councilsFor(db: Db, ids: readonly string[], commissioned = false): Promise<CouncilRow[]> {
  const mine = ids.length ? inArray(localAuthorities.id, [...ids]) : undefined
  const where = commissioned ? or(eq(localAuthorities.commissioned, true), mine) : mine
  if (!where) return []
  return db.select(columns).from(localAuthorities).where(where).orderBy(asc(localAuthorities.name))
}

/** Every council there is (commissioning or not): what "every council" covers. */
export async function everyCouncilId(db: Db): Promise<string[]> {
  return (await db.select({ id: localAuthorities.id }).from(localAuthorities)).map((r) => r.id)
}

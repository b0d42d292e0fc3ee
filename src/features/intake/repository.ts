// The request journey's queries: the councils, to tell which one a postcode is in and to let the
// person choose theirs.
import { asc, desc, eq } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { localAuthorities } from '../../db/schema/index.ts'

export function allAuthorities(db: Db) {
  return db.select().from(localAuthorities).orderBy(asc(localAuthorities.name))
}

/** The councils the service knows, to name the council a disagreement is with: those it works for first. */
export function knownCouncils(db: Db) {
  return db
    .select({ code: localAuthorities.code, name: localAuthorities.name })
    .from(localAuthorities)
    .orderBy(desc(localAuthorities.commissioned), asc(localAuthorities.name))
}

/** The provider's own council, the one the install started with: the first commissioning council. */
export async function firstCommissioningCouncil(db: Db) {
  const [row] = await db
    .select()
    .from(localAuthorities)
    .where(eq(localAuthorities.commissioned, true))
    .orderBy(asc(localAuthorities.createdAt), asc(localAuthorities.code))
    .limit(1)
  return row
}

export async function councilById(db: Db, id: string) {
  const [row] = await db.select().from(localAuthorities).where(eq(localAuthorities.id, id))
  return row
}

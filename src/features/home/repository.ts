// The start page's query: the councils where the service is free for the people who live there.
import { and, asc, eq } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { localAuthorities } from '../../db/schema/index.ts'

export async function freeCouncilNames(db: Db): Promise<string[]> {
  const rows = await db
    .select({ name: localAuthorities.name })
    .from(localAuthorities)
    .where(and(eq(localAuthorities.commissioned, true), eq(localAuthorities.freeForResidents, true)))
    .orderBy(asc(localAuthorities.name))
  return rows.map((r) => r.name)
}

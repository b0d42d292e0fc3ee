// The scope page's query: the agencies a case can be signposted to, from its council's list.
import { asc, eq } from 'drizzle-orm'
import type { Db } from '../../../db/client.ts'
import { agencies, councilAgencies } from '../../../db/schema/index.ts'

/** The agencies on the council's signposting list, in its order (none if it has no list). */
export function councilSignposting(db: Db, councilId: string) {
  return db
    .select({ agency: agencies })
    .from(councilAgencies)
    .innerJoin(agencies, eq(agencies.id, councilAgencies.agencyId))
    .where(eq(councilAgencies.localAuthorityId, councilId))
    .orderBy(asc(councilAgencies.sortOrder), asc(agencies.name))
}

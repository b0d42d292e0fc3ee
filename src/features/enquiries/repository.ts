// The enquiries area's one query: the commissioning councils, for choosing the one an enquiry is under.
import { asc, eq } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { localAuthorities } from '../../db/schema/index.ts'

export function commissioningCouncils(db: Db) {
  return db
    .select({
      id: localAuthorities.id,
      name: localAuthorities.name,
      postcodeDistricts: localAuthorities.postcodeDistricts,
    })
    .from(localAuthorities)
    .where(eq(localAuthorities.commissioned, true))
    .orderBy(asc(localAuthorities.name))
}

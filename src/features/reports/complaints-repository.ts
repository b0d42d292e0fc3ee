// Until the complaints register counts complaints (see complaint-figures.ts): those sent through
// the portal, by the day they were sent in England.
import { and, count, eq, sql } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { cases, partyFeedback } from '../../db/schema/index.ts'
import { addDays } from '../../domain/dates.ts'
import { ofCouncils, type FactQuery } from './case-facts-repository.ts'

export async function portalComplaintCount(db: Db, q: FactQuery): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(partyFeedback)
    .innerJoin(cases, eq(cases.id, partyFeedback.caseId))
    .where(
      and(
        ofCouncils(q.councils),
        eq(partyFeedback.kind, 'complaint'),
        sql`${partyFeedback.submittedAt} >= (${q.from}::date::timestamp at time zone 'Europe/London')`,
        sql`${partyFeedback.submittedAt} < (${addDays(q.to, 1)}::date::timestamp at time zone 'Europe/London')`,
      ),
    )
  return row?.n ?? 0
}

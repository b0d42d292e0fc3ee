// What Today shows of complaints: each stage whose acknowledgement or answer is owed by `horizon`
// (or overdue), in these councils, a page at a time and counted (up to a limit), from the two
// indexes of what is still owed (complaint_stages_acknowledge_due, complaint_stages_response_due).
import { and, asc, count, eq, isNull, lte, or, sql } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { complaintStages, complaints } from '../../db/schema/index.ts'
import { inCouncils } from './repository.ts'

type Councils = 'all' | readonly string[]

const owedBy = (councils: Councils, horizon: string) =>
  and(
    inCouncils(councils),
    or(
      and(
        isNull(complaintStages.acknowledgedOn),
        isNull(complaintStages.respondedOn),
        lte(complaintStages.acknowledgeBy, horizon),
      ),
      and(isNull(complaintStages.respondedOn), lte(complaintStages.respondBy, horizon)),
    ),
  )

/** The first thing owed at a stage: its acknowledgement if that is still owed, else its answer. */
const firstOwed = sql<string>`case when ${complaintStages.acknowledgedOn} is null then ${complaintStages.acknowledgeBy} else ${complaintStages.respondBy} end`

export async function complaintStagesDue(
  db: Db,
  councils: Councils,
  horizon: string,
  page: { offset: number; limit: number },
) {
  return db
    .select({
      complaintId: complaints.id,
      reference: complaints.reference,
      complainantName: complaints.complainantName,
      stage: complaintStages.stage,
      acknowledgeBy: complaintStages.acknowledgeBy,
      acknowledgedOn: complaintStages.acknowledgedOn,
      respondBy: complaintStages.respondBy,
    })
    .from(complaintStages)
    .innerJoin(complaints, eq(complaints.id, complaintStages.complaintId))
    .where(owedBy(councils, horizon))
    .orderBy(asc(firstOwed), asc(complaints.reference))
    .offset(page.offset)
    .limit(page.limit)
}

/** How many stages owe something, counting no further than `limit` + 1. */
export async function complaintStagesDueCount(db: Db, councils: Councils, horizon: string, limit: number) {
  const owed = db
    .select({ one: sql`1` })
    .from(complaintStages)
    .innerJoin(complaints, eq(complaints.id, complaintStages.complaintId))
    .where(owedBy(councils, horizon))
    .limit(limit + 1)
    .as('owed')
  const [row] = await db.select({ n: count() }).from(owed)
  return row?.n ?? 0
}

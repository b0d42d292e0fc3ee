// What Today shows of complaints: the acknowledgements and answers owed by `horizon` (or overdue),
// in these councils, from the two indexes of what is still owed (complaint_stages_*_due).
import { and, asc, eq, isNull, lte, or, sql } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { complaintStages, complaints } from '../../db/schema/index.ts'
import { inCouncils } from './repository.ts'

const MAX_ITEMS = 200

export async function complaintStagesDue(db: Db, councils: 'all' | readonly string[], horizon: string) {
  const acknowledgementOwed = and(
    isNull(complaintStages.acknowledgedOn),
    isNull(complaintStages.respondedOn),
    lte(complaintStages.acknowledgeBy, horizon),
  )
  const answerOwed = and(isNull(complaintStages.respondedOn), lte(complaintStages.respondBy, horizon))
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
    .where(and(inCouncils(councils), or(acknowledgementOwed, answerOwed)))
    .orderBy(
      asc(
        sql`least(case when ${complaintStages.acknowledgedOn} is null then ${complaintStages.acknowledgeBy} end, ${complaintStages.respondBy})`,
      ),
      asc(complaints.reference),
    )
    .limit(MAX_ITEMS)
}

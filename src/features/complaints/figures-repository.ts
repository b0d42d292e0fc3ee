// The complaints behind the figures: one row per complaint received in the period, in these
// councils, with how far it went, whether every stage was answered by its deadline, and the
// latest outcome given.
import { and, eq, gte, lte, sql } from 'drizzle-orm'
import type { Db } from '../../db/client.ts'
import { complaintStages, complaints } from '../../db/schema/index.ts'
import { inCouncils, stageRank } from './repository.ts'

export async function complaintsReceived(db: Db, councils: 'all' | readonly string[], from: string, to: string) {
  return db
    .select({
      stage: complaints.stage,
      inTime: sql<boolean>`bool_and(${complaintStages.respondedOn} is not null and ${complaintStages.respondedOn} <= ${complaintStages.respondBy})`,
      outcome: sql<
        string | null
      >`(array_agg(${complaintStages.outcome} order by ${stageRank} desc) filter (where ${complaintStages.outcome} is not null))[1]`,
    })
    .from(complaints)
    .innerJoin(complaintStages, eq(complaintStages.complaintId, complaints.id))
    .where(and(inCouncils(councils), gte(complaints.receivedOn, from), lte(complaints.receivedOn, to)))
    .groupBy(complaints.id, complaints.stage)
}

// Queries for following a final agreement through: each point's follow-up, the check-ins when
// points fall due, and the case's outcome. No rules here.
import { and, eq, lte, sql } from 'drizzle-orm'
import type { Db, Tx } from '../../db/client.ts'
import { agreementPoints, agreements, caseOutcomes } from '../../db/schema/index.ts'
import type { FollowUp } from '../../domain/agreement-rules.ts'
import type { PointRow } from './repository.ts'

export async function lockPointOfCase(tx: Tx, caseId: string, pointId: string) {
  const [row] = await tx
    .select()
    .from(agreementPoints)
    .where(and(eq(agreementPoints.id, pointId), eq(agreementPoints.caseId, caseId)))
    .for('update')
  return row
}

export async function agreementById(tx: Tx, agreementId: string) {
  const [row] = await tx.select().from(agreements).where(eq(agreements.id, agreementId))
  return row
}

export async function recordPointFollowUp(
  tx: Tx,
  point: PointRow,
  values: { followUp: Exclude<FollowUp, 'open'>; note: string | null; on: string },
) {
  await tx
    .update(agreementPoints)
    .set({
      followUp: values.followUp,
      followUpNote: values.note,
      followUpRecordedOn: values.on,
      version: point.version + 1,
    })
    .where(eq(agreementPoints.id, point.id))
}

export async function insertCaseOutcome(tx: Tx, values: typeof caseOutcomes.$inferInsert) {
  await tx.insert(caseOutcomes).values(values)
}

/** Points now due whose check-in has not gone yet, on final agreements where check-ins were agreed. */
export async function pointsDueForCheckIn(db: Db | Tx, today: string) {
  return db
    .select({ point: agreementPoints, agreement: agreements })
    .from(agreementPoints)
    .innerJoin(agreements, eq(agreements.id, agreementPoints.agreementId))
    .where(
      and(
        eq(agreements.status, 'final'),
        eq(agreements.checkInsAgreed, true),
        eq(agreementPoints.followUp, 'open'),
        lte(agreementPoints.dueDate, today),
        sql`not exists (select 1 from case_events e where e.case_id = ${agreementPoints.caseId} and e.type = 'agreement-check-in-sent' and e.data->>'pointId' = ${agreementPoints.id}::text)`,
      ),
    )
    .limit(500)
}

/** The point, locked, while it is still open (else undefined). */
export async function lockOpenPoint(tx: Tx, pointId: string) {
  const [row] = await tx
    .select({ id: agreementPoints.id })
    .from(agreementPoints)
    .where(and(eq(agreementPoints.id, pointId), eq(agreementPoints.followUp, 'open')))
    .for('update')
  return row
}

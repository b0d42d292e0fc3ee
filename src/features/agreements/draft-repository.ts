// Queries that lock and change the meeting record, the draft agreement, its points and its
// acceptances. The jsonb columns are parsed on the way in (stored.ts). No rules here.
import { and, eq, max } from 'drizzle-orm'
import type { Tx } from '../../db/client.ts'
import { agreementAcceptances, agreementPoints, agreements, cases, meetingRecords } from '../../db/schema/index.ts'
import type { AgreementContent } from '../../domain/agreement-content.ts'
import type { AgreementRow, PointRow } from './repository.ts'
import {
  agreementContentSchema,
  attendanceSchema,
  groundRulesSchema,
  issueOutcomesSchema,
  notAgreedSchema,
} from './stored.ts'

export async function lockCase(tx: Tx, caseId: string) {
  const [row] = await tx.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId)).for('update')
  return row
}

export async function lockAgreementOfCase(tx: Tx, caseId: string) {
  const [row] = await tx.select().from(agreements).where(eq(agreements.caseId, caseId)).for('update')
  return row
}

export async function lockAgreement(tx: Tx, agreementId: string) {
  const [row] = await tx.select().from(agreements).where(eq(agreements.id, agreementId)).for('update')
  return row
}

export async function insertDraft(tx: Tx, values: { caseId: string; meetingId?: string; now: Date }) {
  const [row] = await tx
    .insert(agreements)
    .values({ caseId: values.caseId, meetingId: values.meetingId, createdAt: values.now, updatedAt: values.now })
    .returning()
  return row!
}

export type DraftChanges = Partial<Pick<AgreementRow, 'notAgreed' | 'checkInsAgreed'>>

/** A new version of the draft, with any changes to it. */
export async function bumpAgreement(tx: Tx, agreement: AgreementRow, now: Date, changes: DraftChanges = {}) {
  await tx
    .update(agreements)
    .set({
      ...(changes.notAgreed ? { notAgreed: notAgreedSchema.parse(changes.notAgreed) } : {}),
      ...(changes.checkInsAgreed !== undefined ? { checkInsAgreed: changes.checkInsAgreed } : {}),
      version: agreement.version + 1,
      updatedAt: now,
    })
    .where(eq(agreements.id, agreement.id))
}

export async function finaliseAgreement(
  tx: Tx,
  agreementId: string,
  values: {
    content: AgreementContent
    on: string
    /** Null when a council's system recorded it (the API). */
    by: string | null
    largePrint: boolean
    version: number
    now: Date
  },
) {
  await tx
    .update(agreements)
    .set({
      status: 'final',
      finalContent: agreementContentSchema.parse(values.content),
      finalisedOn: values.on,
      finalisedBy: values.by,
      largePrint: values.largePrint,
      version: values.version,
      updatedAt: values.now,
    })
    .where(eq(agreements.id, agreementId))
}

// --- Points ---

export type PointValues = Pick<
  PointRow,
  'responsiblePartyId' | 'responsibleName' | 'what' | 'byWhen' | 'howKnown' | 'appealableKind' | 'ownTimescaleAgreed'
>

export async function lastPosition(tx: Tx, agreementId: string): Promise<number> {
  const [{ last } = { last: 0 }] = await tx
    .select({ last: max(agreementPoints.position) })
    .from(agreementPoints)
    .where(eq(agreementPoints.agreementId, agreementId))
  return last ?? 0
}

export async function insertPoint(
  tx: Tx,
  values: PointValues & { agreementId: string; caseId: string; position: number; issueId: string | null; now: Date },
) {
  const { now, ...row } = values
  const [point] = await tx
    .insert(agreementPoints)
    .values({ ...row, createdAt: now })
    .returning()
  return point!
}

export async function lockPoint(tx: Tx, agreementId: string, pointId: string) {
  const [row] = await tx
    .select()
    .from(agreementPoints)
    .where(and(eq(agreementPoints.id, pointId), eq(agreementPoints.agreementId, agreementId)))
    .for('update')
  return row
}

export async function updatePoint(tx: Tx, point: PointRow, values: PointValues) {
  await tx
    .update(agreementPoints)
    .set({ ...values, version: point.version + 1 })
    .where(eq(agreementPoints.id, point.id))
}

export async function deletePoint(tx: Tx, pointId: string) {
  await tx.delete(agreementPoints).where(eq(agreementPoints.id, pointId))
}

/** Each point's place in the list, and (once final) its due dates. */
export async function placePoint(
  tx: Tx,
  pointId: string,
  values: { position: number; statutoryDueDate?: string; dueDate?: string },
) {
  await tx.update(agreementPoints).set(values).where(eq(agreementPoints.id, pointId))
}

// --- Acceptances ---

/** Records an acceptance; false when this party had already accepted this version. */
export async function insertAcceptance(tx: Tx, values: typeof agreementAcceptances.$inferInsert): Promise<boolean> {
  const inserted = await tx
    .insert(agreementAcceptances)
    .values(values)
    .onConflictDoNothing()
    .returning({ id: agreementAcceptances.id })
  return inserted.length > 0
}

// --- The meeting record ---

export async function lockMeetingRecord(tx: Tx, meetingId: string) {
  const [row] = await tx.select().from(meetingRecords).where(eq(meetingRecords.meetingId, meetingId)).for('update')
  return row
}

export type MeetingRecordValues = Omit<typeof meetingRecords.$inferInsert, 'meetingId' | 'version'>

/** Writes the record of the meeting: the first one, or the next version of it. */
export async function saveMeetingRecord(
  tx: Tx,
  meetingId: string,
  existing: { version: number } | undefined,
  values: MeetingRecordValues,
) {
  const checked = {
    ...values,
    attendance: attendanceSchema.parse(values.attendance ?? []),
    groundRules: groundRulesSchema.parse(values.groundRules ?? {}),
    issueOutcomes: issueOutcomesSchema.parse(values.issueOutcomes ?? {}),
  }
  if (existing)
    await tx
      .update(meetingRecords)
      .set({ ...checked, version: existing.version + 1 })
      .where(eq(meetingRecords.meetingId, meetingId))
  else await tx.insert(meetingRecords).values({ meetingId, ...checked })
}

// Queries that change meetings and parties' availability. No rules here.
import { and, eq, sql } from 'drizzle-orm'
import type { Tx } from '../../db/client.ts'
import { meetings, partyAvailability } from '../../db/schema/index.ts'
import type { Availability } from '../../domain/meeting-availability.ts'

/** Bookings for one day wait for each other (until the transaction ends), so two cannot take the same room at once. */
export async function lockDay(tx: Tx, day: string) {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`parley-meetings-${day}`}))`)
}

export type MeetingColumns = Pick<
  typeof meetings.$inferInsert,
  | 'mediatorId'
  | 'venueId'
  | 'roomId'
  | 'breakoutRoomId'
  | 'onlineLink'
  | 'day'
  | 'startTime'
  | 'endTime'
  | 'noticeSentOn'
  | 'shorterNoticeAgreedBy'
  | 'shorterNoticeAgreedOn'
  | 'adjustments'
>

export async function insertMeeting(
  tx: Tx,
  values: MeetingColumns & { id: string; caseId: string; bookedBy?: string; bookedAt: Date },
) {
  const [row] = await tx
    .insert(meetings)
    .values({ ...values, icsUid: `${values.id}@parley`, icsSequence: 0 })
    .returning()
  return row!
}

/** The meeting's new details, the same calendar UID with a higher sequence; undefined if its version moved on. */
export async function moveMeetingRow(tx: Tx, id: string, version: number, columns: MeetingColumns) {
  const [row] = await tx
    .update(meetings)
    .set({ ...columns, icsSequence: sql`${meetings.icsSequence} + 1`, version: sql`${meetings.version} + 1` })
    .where(and(eq(meetings.id, id), eq(meetings.version, version)))
    .returning()
  return row
}

/** Calls the live meeting off; undefined if it was changed or cancelled meanwhile. */
export async function cancelMeetingRow(
  tx: Tx,
  caseId: string,
  meeting: { id: string; version: number },
  values: { reason: string; at: Date },
) {
  const [row] = await tx
    .update(meetings)
    .set({
      cancelledAt: values.at,
      cancelReason: values.reason,
      icsSequence: sql`${meetings.icsSequence} + 1`,
      version: sql`${meetings.version} + 1`,
    })
    .where(
      and(
        eq(meetings.id, meeting.id),
        eq(meetings.caseId, caseId),
        eq(meetings.version, meeting.version),
        sql`${meetings.cancelledAt} is null`,
      ),
    )
    .returning()
  return row
}

/** One party's answer for one day, given by staff. */
export async function saveAvailabilityDay(
  tx: Tx,
  values: { caseId: string; partyId: string; day: string; availability: Availability; by?: string; at: Date },
) {
  await tx
    .insert(partyAvailability)
    .values({
      caseId: values.caseId,
      partyId: values.partyId,
      day: values.day,
      availability: values.availability,
      source: 'staff',
      recordedBy: values.by,
      recordedAt: values.at,
    })
    .onConflictDoUpdate({
      target: [partyAvailability.partyId, partyAvailability.day],
      set: { availability: values.availability, source: 'staff', recordedBy: values.by ?? null, recordedAt: values.at },
    })
}

export async function clearAvailabilityDay(tx: Tx, partyId: string, day: string) {
  await tx.delete(partyAvailability).where(and(eq(partyAvailability.partyId, partyId), eq(partyAvailability.day, day)))
}

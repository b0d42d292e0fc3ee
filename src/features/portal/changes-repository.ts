// Queries of what a party changes through the portal (and staff's record of a family's
// permission), each in the caller's transaction: service.ts and staff-service.ts say when.
import { and, eq, isNull, sql } from 'drizzle-orm'
import type { Tx } from '../../db/client.ts'
import {
  attendees,
  caseParties,
  cases,
  meetingResponses,
  meetings,
  partyAvailability,
  partyFeedback,
  partyPermissions,
  summaries,
} from '../../db/schema/index.ts'

export type CaseRecord = typeof cases.$inferSelect
export type PartyRecord = typeof caseParties.$inferSelect

/** The case, locked until the transaction ends: changes to one case happen one at a time. */
export async function lockCase(tx: Tx, caseId: string) {
  const [row] = await tx.select().from(cases).where(eq(cases.id, caseId)).for('update')
  return row
}

/** The case changed: its version moves on. */
export async function bumpCaseVersion(tx: Tx, caseId: string, now: Date) {
  await tx
    .update(cases)
    .set({ version: sql`${cases.version} + 1`, updatedAt: now })
    .where(eq(cases.id, caseId))
}

export async function partyOfCase(tx: Tx, caseId: string, partyId: string, role?: string) {
  const [row] = await tx
    .select()
    .from(caseParties)
    .where(
      and(eq(caseParties.id, partyId), eq(caseParties.caseId, caseId), role ? eq(caseParties.role, role) : undefined),
    )
  return row
}

export async function partyById(tx: Tx, partyId: string) {
  const [row] = await tx.select().from(caseParties).where(eq(caseParties.id, partyId))
  return row
}

export async function updateParty(
  tx: Tx,
  partyId: string,
  change: Pick<typeof caseParties.$inferInsert, 'contactPreferences' | 'adjustments' | 'email' | 'phone' | 'version'>,
) {
  await tx.update(caseParties).set(change).where(eq(caseParties.id, partyId))
}

export async function insertAttendee(tx: Tx, row: typeof attendees.$inferInsert) {
  const [inserted] = await tx.insert(attendees).values(row).returning({ id: attendees.id })
  return inserted!
}

/** Takes the person off the party's own list; undefined if they are not on it. */
export async function deleteOwnAttendee(tx: Tx, caseId: string, partyId: string, attendeeId: string) {
  const [gone] = await tx
    .delete(attendees)
    .where(and(eq(attendees.id, attendeeId), eq(attendees.caseId, caseId), eq(attendees.partyId, partyId)))
    .returning()
  return gone
}

/** A day's answer from the portal, replacing an earlier one for that day. */
export async function saveDay(
  tx: Tx,
  row: { caseId: string; partyId: string; day: string; availability: string },
  now: Date,
) {
  await tx
    .insert(partyAvailability)
    .values({ ...row, source: 'portal', recordedAt: now })
    .onConflictDoUpdate({
      target: [partyAvailability.partyId, partyAvailability.day],
      set: { availability: row.availability, source: 'portal', recordedBy: null, recordedAt: now },
    })
}

/** The case's meeting with this id, if it has not been cancelled. */
export async function liveMeetingOfCase(tx: Tx, caseId: string, meetingId: string) {
  const [row] = await tx
    .select()
    .from(meetings)
    .where(and(eq(meetings.id, meetingId), eq(meetings.caseId, caseId), isNull(meetings.cancelledAt)))
  return row
}

/** The party's answer to the invitation, replacing an earlier one. */
export async function saveResponse(
  tx: Tx,
  key: { meetingId: string; partyId: string },
  values: { attending: boolean; note: string | null; icsSequence: number; respondedAt: Date },
) {
  await tx
    .insert(meetingResponses)
    .values({ ...key, ...values })
    .onConflictDoUpdate({ target: [meetingResponses.meetingId, meetingResponses.partyId], set: values })
}

export async function insertSummary(tx: Tx, row: typeof summaries.$inferInsert) {
  const [inserted] = await tx.insert(summaries).values(row).returning({ id: summaries.id })
  return inserted!
}

export async function insertFeedback(tx: Tx, row: typeof partyFeedback.$inferInsert) {
  const [inserted] = await tx.insert(partyFeedback).values(row).returning({ id: partyFeedback.id })
  return inserted!
}

export async function insertPermission(tx: Tx, row: typeof partyPermissions.$inferInsert) {
  const [inserted] = await tx.insert(partyPermissions).values(row).returning({ id: partyPermissions.id })
  return inserted!
}

/** Withdraws a permission of this case that stands; undefined if there is none. */
export async function withdrawStandingPermission(tx: Tx, caseId: string, permissionId: string, by: string, now: Date) {
  const [row] = await tx
    .update(partyPermissions)
    .set({ withdrawnAt: now, withdrawnBy: by })
    .where(
      and(
        eq(partyPermissions.id, permissionId),
        eq(partyPermissions.caseId, caseId),
        isNull(partyPermissions.withdrawnAt),
      ),
    )
    .returning()
  return row
}

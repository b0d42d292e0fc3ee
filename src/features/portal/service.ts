// What a party changes through the portal, and the little staff record about it (a third party's
// permission). Each change, in one transaction: lock the case, check, change, append the case
// event (in the party's name) and bump the case's version, as every other change to a case does.
import { and, eq, isNull, sql } from 'drizzle-orm'
import type { Clock } from '../../clock.ts'
import type { Db, Tx } from '../../db/client.ts'
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
import { appendEvent, type Actor } from '../cases/index.ts'
import { partyLabel, summariesReleased, type DocumentType } from '../preparation/index.ts'
import type { PortalParty } from './party-access.ts'
import { endPartySessions, portalActor } from './sign-in-service.ts'
import type { AdjustmentKind, ContactMethod } from '../../domain/request.ts'

export const staleMessage =
  'Someone else changed these details while you were working on them. Check them and try again.'

export type PortalResult =
  { ok: true; id?: string } | { ok: false; code: 'not-found' | 'stale' | 'invalid'; reason: string; field?: string }

type Work = (ctx: {
  tx: Tx
  caseRow: typeof cases.$inferSelect
  party: typeof caseParties.$inferSelect
}) => Promise<
  | { ok: true; events: { type: string; data: Record<string, unknown> }[]; id?: string }
  | { ok: false; reason: string; field?: string; code?: 'stale' | 'invalid' | 'not-found' }
>

export interface ContactInput {
  methods: ContactMethod[]
  email: string
  phone: string
  address: string
  bestTimes: string
  kinds: AdjustmentKind[]
  language: string
  details: string
}

export type Availability = 'all-day' | 'morning' | 'afternoon' | 'unavailable'

export function createPortalService({ db, clock }: { db: Db; clock: Clock }) {
  /** A change by the party, in their own case, with the case locked. */
  function change(who: PortalParty, work: Work, tx0?: Tx): Promise<PortalResult> {
    const run = async (tx: Tx): Promise<PortalResult> => {
      const [caseRow] = await tx.select().from(cases).where(eq(cases.id, who.caseId)).for('update')
      const [party] = await tx
        .select()
        .from(caseParties)
        .where(and(eq(caseParties.id, who.partyId), eq(caseParties.caseId, who.caseId)))
      if (!caseRow || !party) return { ok: false, code: 'not-found', reason: 'There is no such case.' }
      const result = await work({ tx, caseRow, party })
      if (!result.ok) return { ok: false, code: result.code ?? 'invalid', reason: result.reason, field: result.field }
      for (const event of result.events) {
        await appendEvent(tx, clock, {
          caseId: caseRow.id,
          type: event.type,
          actor: portalActor(party),
          data: { partyId: party.id, party: partyLabel(party), ...event.data },
        })
      }
      if (result.events.length)
        await tx
          .update(cases)
          .set({ version: caseRow.version + 1, updatedAt: clock.now() })
          .where(eq(cases.id, caseRow.id))
      return { ok: true, id: result.id }
    }
    return tx0 ? run(tx0) : db.transaction(run)
  }

  return {
    /** How to contact them and the adjustments they need: their own party row, with a version check. */
    updateContact(who: PortalParty, input: ContactInput, expectedVersion: number) {
      return change(who, async ({ tx, party }) => {
        if (party.version !== expectedVersion) return { ok: false, code: 'stale', reason: staleMessage }
        const before = party.contactPreferences
        const contactPreferences = {
          ...before,
          methods: input.methods,
          email: input.email || undefined,
          phone: input.phone || undefined,
          address: input.address || undefined,
          bestTimes: input.bestTimes || undefined,
        }
        const adjustments = {
          kinds: input.kinds,
          language: input.language || undefined,
          details: input.details || undefined,
        }
        await tx
          .update(caseParties)
          .set({
            contactPreferences,
            adjustments,
            email: input.email || null,
            phone: input.phone || null,
            version: party.version + 1,
          })
          .where(eq(caseParties.id, party.id))
        // The event says what kind of thing changed, not the details themselves (the timeline is read widely).
        return {
          ok: true,
          events: [{ type: 'contact-preferences-changed', data: { methods: input.methods, adjustments: input.kinds } }],
        }
      })
    },

    addAttendee(who: PortalParty, input: { name: string; role: string; isSupporter: boolean }, tx?: Tx) {
      return change(
        who,
        async ({ tx, caseRow }) => {
          const [row] = await tx
            .insert(attendees)
            .values({
              caseId: caseRow.id,
              partyId: who.partyId,
              name: input.name,
              role: input.role,
              isSupporter: input.isSupporter,
              createdAt: clock.now(),
            })
            .returning({ id: attendees.id })
          return {
            ok: true,
            id: row!.id,
            events: [
              {
                type: 'attendee-added',
                data: {
                  attendeeId: row!.id,
                  name: input.name,
                  role: input.role,
                  isSupporter: input.isSupporter,
                  hasAuthorityToAgree: false,
                  via: 'portal',
                },
              },
            ],
          }
        },
        tx,
      )
    },

    removeAttendee(who: PortalParty, attendeeId: string) {
      return change(who, async ({ tx, caseRow }) => {
        const [gone] = await tx
          .delete(attendees)
          .where(
            and(eq(attendees.id, attendeeId), eq(attendees.caseId, caseRow.id), eq(attendees.partyId, who.partyId)),
          )
          .returning()
        if (!gone) return { ok: false, code: 'not-found', reason: 'There is no such person on your list.' }
        return { ok: true, events: [{ type: 'attendee-removed', data: { attendeeId, name: gone.name } }] }
      })
    },

    /** Several days at once: each day's answer replaces an earlier one for the same day. */
    saveAvailability(who: PortalParty, days: { day: string; availability: Availability }[]) {
      return change(who, async ({ tx, caseRow }) => {
        for (const d of days) {
          await tx
            .insert(partyAvailability)
            .values({
              caseId: caseRow.id,
              partyId: who.partyId,
              day: d.day,
              availability: d.availability,
              source: 'portal',
              recordedAt: clock.now(),
            })
            .onConflictDoUpdate({
              target: [partyAvailability.partyId, partyAvailability.day],
              set: { availability: d.availability, source: 'portal', recordedBy: null, recordedAt: clock.now() },
            })
        }
        return {
          ok: true,
          events: [
            {
              type: 'availability-given',
              data: { days: days.map((d) => ({ day: d.day, availability: d.availability })) },
            },
          ],
        }
      })
    },

    /** Coming to the meeting or not: the answer to the invitation as it stands (its sequence). */
    respondToMeeting(who: PortalParty, input: { meetingId: string; attending: boolean; note: string }) {
      return change(who, async ({ tx, caseRow }) => {
        const [meeting] = await tx
          .select()
          .from(meetings)
          .where(and(eq(meetings.id, input.meetingId), eq(meetings.caseId, caseRow.id), isNull(meetings.cancelledAt)))
        if (!meeting) return { ok: false, code: 'not-found', reason: 'There is no meeting to answer.' }
        const values = {
          attending: input.attending,
          note: input.note || null,
          icsSequence: meeting.icsSequence,
          respondedAt: clock.now(),
        }
        await tx
          .insert(meetingResponses)
          .values({ meetingId: meeting.id, partyId: who.partyId, ...values })
          .onConflictDoUpdate({ target: [meetingResponses.meetingId, meetingResponses.partyId], set: values })
        return {
          ok: true,
          events: [
            {
              type: 'meeting-response',
              data: { meetingId: meeting.id, attending: input.attending, icsSequence: meeting.icsSequence },
            },
          ],
        }
      })
    },

    /** A typed summary or an uploaded document, until the summaries are released. */
    submitSummary(
      who: PortalParty,
      input: { text?: string; file?: { name: string; type: DocumentType; bytes: Buffer } },
      tx?: Tx,
    ) {
      return change(
        who,
        async ({ tx, caseRow }) => {
          if (summariesReleased(caseRow, clock.today())) {
            return {
              ok: false,
              reason: 'The summaries have already been shared with everyone, so you cannot send or change yours now',
              field: 'summaryText',
            }
          }
          const [row] = await tx
            .insert(summaries)
            .values({
              caseId: caseRow.id,
              partyId: who.partyId,
              text: input.file ? null : (input.text ?? null),
              fileName: input.file?.name,
              fileType: input.file?.type,
              fileSize: input.file?.bytes.length,
              file: input.file?.bytes,
              submittedBy: null,
              submittedAt: clock.now(),
            })
            .returning({ id: summaries.id })
          return {
            ok: true,
            id: row!.id,
            events: [
              {
                type: 'summary-submitted',
                data: {
                  summaryId: row!.id,
                  kind: input.file ? 'document' : 'typed',
                  via: 'portal',
                  ...(input.file ? { fileType: input.file.type, fileSize: input.file.bytes.length } : {}),
                },
              },
            ],
          }
        },
        tx,
      )
    },

    /** Feedback or a complaint, once per form (its submission key). */
    recordFeedback(
      who: PortalParty,
      kind: 'feedback' | 'complaint',
      answers: Record<string, unknown>,
      submissionKey: string | undefined,
      tx?: Tx,
    ) {
      return change(
        who,
        async ({ tx, caseRow }) => {
          const [row] = await tx
            .insert(partyFeedback)
            .values({
              caseId: caseRow.id,
              partyId: who.partyId,
              kind,
              answers,
              submissionKey,
              submittedAt: clock.now(),
            })
            .onConflictDoNothing({ target: partyFeedback.submissionKey })
            .returning({ id: partyFeedback.id })
          if (!row) return { ok: true, events: [] }
          // What they said stays in party_feedback, for staff; the timeline only says it arrived.
          return {
            ok: true,
            id: row.id,
            events: [
              { type: kind === 'complaint' ? 'complaint-received' : 'feedback-received', data: { feedbackId: row.id } },
            ],
          }
        },
        tx,
      )
    },

    /** The family withdraws a third party's permission: their access ends at once, sessions too. */
    withdrawPermission(who: PortalParty, permissionId: string) {
      return change(who, async ({ tx, caseRow, party }) => {
        const [permission] = await tx
          .update(partyPermissions)
          .set({ withdrawnAt: clock.now(), withdrawnBy: party.name })
          .where(
            and(
              eq(partyPermissions.id, permissionId),
              eq(partyPermissions.caseId, caseRow.id),
              isNull(partyPermissions.withdrawnAt),
            ),
          )
          .returning()
        if (!permission) return { ok: false, code: 'not-found', reason: 'There is no such permission.' }
        await endPartySessions(tx, permission.partyId)
        const [thirdParty] = await tx.select().from(caseParties).where(eq(caseParties.id, permission.partyId))
        return {
          ok: true,
          events: [
            {
              type: 'permission-withdrawn',
              data: {
                permissionId,
                thirdPartyId: permission.partyId,
                thirdParty: thirdParty ? partyLabel(thirdParty) : '',
              },
            },
          ],
        }
      })
    },
  }
}

/** Staff record a family's permission for a third party (a referrer of the case) to act for them, in the caller's transaction. */
export async function recordPermission(
  tx: Tx,
  clock: Clock,
  caseId: string,
  input: { partyId: string; givenBy: string; givenOn: string; how: string; forWhat: string },
  actor: Actor & { userId: string },
): Promise<PortalResult> {
  {
    const [caseRow] = await tx.select().from(cases).where(eq(cases.id, caseId)).for('update')
    if (!caseRow) return { ok: false, code: 'not-found', reason: 'There is no such case.' }
    const [party] = await tx
      .select()
      .from(caseParties)
      .where(and(eq(caseParties.id, input.partyId), eq(caseParties.caseId, caseId), eq(caseParties.role, 'referrer')))
    if (!party) return { ok: false, code: 'invalid', reason: 'Select who the permission is for', field: 'party' }
    if (input.givenOn > clock.today())
      return {
        ok: false,
        code: 'invalid',
        reason: 'The date permission was given must be today or in the past',
        field: 'givenOn-day',
      }
    const [row] = await tx
      .insert(partyPermissions)
      .values({
        caseId,
        partyId: party.id,
        givenBy: input.givenBy,
        givenOn: input.givenOn,
        how: input.how || null,
        forWhat: input.forWhat || null,
        recordedBy: actor.userId,
        createdAt: clock.now(),
      })
      .returning({ id: partyPermissions.id })
    await appendEvent(tx, clock, {
      caseId,
      type: 'permission-recorded',
      actor,
      occurredOn: input.givenOn,
      data: { permissionId: row!.id, partyId: party.id, party: partyLabel(party), givenBy: input.givenBy },
    })
    await tx
      .update(cases)
      .set({ version: caseRow.version + 1, updatedAt: clock.now() })
      .where(eq(cases.id, caseId))
    return { ok: true, id: row!.id }
  }
}

/** Staff withdraw a permission (the family said so by phone, say). */
export async function withdrawPermissionByStaff(
  db: Db,
  clock: Clock,
  caseId: string,
  permissionId: string,
  actor: Actor & { userId: string },
): Promise<PortalResult> {
  return db.transaction(async (tx) => {
    const [permission] = await tx
      .update(partyPermissions)
      .set({ withdrawnAt: clock.now(), withdrawnBy: actor.label })
      .where(
        and(
          eq(partyPermissions.id, permissionId),
          eq(partyPermissions.caseId, caseId),
          isNull(partyPermissions.withdrawnAt),
        ),
      )
      .returning()
    if (!permission) return { ok: false, code: 'not-found', reason: 'There is no such permission.' }
    await endPartySessions(tx, permission.partyId)
    const [thirdParty] = await tx.select().from(caseParties).where(eq(caseParties.id, permission.partyId))
    await appendEvent(tx, clock, {
      caseId,
      type: 'permission-withdrawn',
      actor,
      data: { permissionId, thirdPartyId: permission.partyId, thirdParty: thirdParty ? partyLabel(thirdParty) : '' },
    })
    await tx
      .update(cases)
      .set({ version: sql`${cases.version} + 1`, updatedAt: clock.now() })
      .where(eq(cases.id, caseId))
    return { ok: true }
  })
}

// What a party changes through the portal, each a change to their own case (party-change.ts):
// in one transaction with its events, and once per form (its submission key) for what it adds.
// Every answer is a Result: a refusal says why, and on which field.
import type { Clock } from '../../clock.ts'
import type { Db, Tx } from '../../db/client.ts'
import { oncePerKey } from '../../db/once-per-key.ts'
import type { ContactMethod, AdjustmentKind } from '../../domain/request.ts'
import { RefusalError, refuse, refusalsAsResults, type Result } from '../../domain/result.ts'
import { agreementWithPoints, recordAcceptance } from '../agreements/index.ts'
import { recordPortalComplaint } from '../complaints/index.ts'
import { partyLabel, summariesReleased, type DocumentType } from '../preparation/index.ts'
import {
  deleteOwnAttendee,
  insertAttendee,
  insertFeedback,
  insertSummary,
  liveMeetingOfCase,
  partyById,
  saveDay,
  saveResponse,
  updateParty,
  withdrawStandingPermission,
} from './changes-repository.ts'
import { complaintAnswers, feedbackAnswers } from './feedback/answers.ts'
import { changeAsParty, type PartyWork } from './party-change.ts'
import { isFamily, type PortalParty } from './party-access.ts'
import { deleteSessionsOfParty } from './sign-in-repository.ts'
import { portalActor } from './sign-in-service.ts'

export const staleMessage =
  'Someone else changed these details while you were working on them. Check them and try again.'

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
  const ok = async <T extends object>(answer: Promise<T>) => ({ ok: true as const, ...(await answer) })
  /** A change in a transaction of its own. */
  const change = <T extends object>(who: PortalParty, work: PartyWork<T>): Promise<Result<T>> =>
    refusalsAsResults(() => ok(db.transaction((tx: Tx) => changeAsParty(tx, clock, who, work))))
  /** A change that adds something: once per submission key (a second send gets the first answer). */
  const changeOnce = <T extends object>(key: string, who: PortalParty, work: PartyWork<T>): Promise<Result<T>> =>
    refusalsAsResults(() => oncePerKey(db, clock, key, (tx) => ok(changeAsParty(tx, clock, who, work))))

  return {
    /** How to contact them and the adjustments they need: their own party row, with a version check. */
    updateContact(who: PortalParty, input: ContactInput, expectedVersion: number) {
      return change(who, async ({ tx, party }) => {
        if (party.version !== expectedVersion) throw new RefusalError(staleMessage, 'methods', 'stale')
        await updateParty(tx, party.id, {
          contactPreferences: {
            ...party.contactPreferences,
            methods: input.methods,
            email: input.email || undefined,
            phone: input.phone || undefined,
            address: input.address || undefined,
            bestTimes: input.bestTimes || undefined,
          },
          adjustments: {
            kinds: input.kinds,
            language: input.language || undefined,
            details: input.details || undefined,
          },
          email: input.email || null,
          phone: input.phone || null,
          version: party.version + 1,
        })
        // The event says what kind of thing changed, not the details themselves (the timeline is read widely).
        const data = { methods: input.methods, adjustments: input.kinds }
        return { events: [{ type: 'contact-preferences-changed', data }], answer: {} }
      })
    },

    /** Someone coming with them: for the family, a supporter; for others, a colleague. */
    addAttendee(who: PortalParty, input: { name: string; role: string; submissionKey: string }) {
      return changeOnce(input.submissionKey, who, async ({ tx, caseRow }) => {
        const person = { name: input.name, role: input.role, isSupporter: isFamily(who.role) }
        const row = await insertAttendee(tx, {
          ...person,
          caseId: caseRow.id,
          partyId: who.partyId,
          createdAt: clock.now(),
        })
        const data = { attendeeId: row.id, ...person, hasAuthorityToAgree: false, via: 'portal' }
        return { events: [{ type: 'attendee-added', data }], answer: { id: row.id } }
      })
    },

    removeAttendee(who: PortalParty, attendeeId: string) {
      return change(who, async ({ tx, caseRow }) => {
        const gone = await deleteOwnAttendee(tx, caseRow.id, who.partyId, attendeeId)
        if (!gone) throw new RefusalError('There is no such person on your list.', undefined, 'not-found')
        return { events: [{ type: 'attendee-removed', data: { attendeeId, name: gone.name } }], answer: {} }
      })
    },

    /** Several days at once: each day's answer replaces an earlier one for the same day. */
    saveAvailability(who: PortalParty, days: { day: string; availability: Availability }[]) {
      return change(who, async ({ tx, caseRow }) => {
        for (const d of days) await saveDay(tx, { caseId: caseRow.id, partyId: who.partyId, ...d }, clock.now())
        const data = { days: days.map((d) => ({ day: d.day, availability: d.availability })) }
        return { events: [{ type: 'availability-given', data }], answer: {} }
      })
    },

    /** Coming to the meeting or not: the answer to the invitation as it stands (its sequence). */
    respondToMeeting(who: PortalParty, input: { meetingId: string; attending: boolean; note: string }) {
      return change(who, async ({ tx, caseRow }) => {
        // Someone acting for the family follows the meeting but does not answer for anyone.
        const meeting = who.role === 'referrer' ? undefined : await liveMeetingOfCase(tx, caseRow.id, input.meetingId)
        if (!meeting) throw new RefusalError('There is no meeting to answer.', undefined, 'not-found')
        await saveResponse(
          tx,
          { meetingId: meeting.id, partyId: who.partyId },
          {
            attending: input.attending,
            note: input.note || null,
            icsSequence: meeting.icsSequence,
            respondedAt: clock.now(),
          },
        )
        const data = { meetingId: meeting.id, attending: input.attending, icsSequence: meeting.icsSequence }
        return { events: [{ type: 'meeting-response', data }], answer: {} }
      })
    },

    /** A typed summary or an uploaded document, until the summaries are released. */
    submitSummary(
      who: PortalParty,
      input: { text: string; file?: { name: string; type: DocumentType; bytes: Buffer }; submissionKey: string },
    ) {
      return changeOnce(input.submissionKey, who, async ({ tx, caseRow }) => {
        if (summariesReleased(caseRow, clock.today()))
          throw new RefusalError(
            'The summaries have already been shared with everyone, so you cannot send or change yours now',
            'summaryText',
          )
        const { file } = input
        const row = await insertSummary(tx, {
          caseId: caseRow.id,
          partyId: who.partyId,
          text: file ? null : input.text,
          fileName: file?.name,
          fileType: file?.type,
          fileSize: file?.bytes.length,
          file: file?.bytes,
          submittedBy: null,
          submittedAt: clock.now(),
        })
        const data = {
          summaryId: row.id,
          kind: file ? 'document' : 'typed',
          via: 'portal',
          ...(file ? { fileType: file.type, fileSize: file.bytes.length } : {}),
        }
        return { events: [{ type: 'summary-submitted', data }], answer: { id: row.id } }
      })
    },

    /** Feedback or a complaint, once per form (its submission key). */
    recordFeedback(
      who: PortalParty,
      input: { kind: 'feedback' | 'complaint'; answers: unknown; submissionKey: string },
    ) {
      const answers = (input.kind === 'complaint' ? complaintAnswers : feedbackAnswers).parse(input.answers)
      return changeOnce(input.submissionKey, who, async ({ tx, caseRow, party }) => {
        const row = await insertFeedback(tx, {
          caseId: caseRow.id,
          partyId: who.partyId,
          kind: input.kind,
          answers,
          submissionKey: input.submissionKey,
          submittedAt: clock.now(),
        })
        // A complaint is an entry in the complaints register too, where staff follow it through.
        if ('complaint' in answers)
          await recordPortalComplaint(tx, clock, {
            caseId: caseRow.id,
            partyId: party.id,
            partyName: party.name || party.organisation || partyLabel(party),
            feedbackId: row.id,
            complaint: answers.complaint,
            outcome: answers.outcome,
            actorLabel: portalActor(party).label,
          })
        // What they said stays in party_feedback, for staff; the timeline only says it arrived.
        const type = input.kind === 'complaint' ? 'complaint-received' : 'feedback-received'
        return { events: [{ type, data: { feedbackId: row.id } }], answer: { id: row.id } }
      })
    },

    /** The family withdraws a third party's permission: their access ends at once, sessions too. */
    withdrawPermission(who: PortalParty, permissionId: string) {
      return change(who, async ({ tx, caseRow, party }) => {
        const permission = await withdrawStandingPermission(tx, caseRow.id, permissionId, party.name, clock.now())
        if (!permission) throw new RefusalError('There is no such permission.', undefined, 'not-found')
        await deleteSessionsOfParty(tx, permission.partyId)
        const thirdParty = await partyById(tx, permission.partyId)
        const data = {
          permissionId,
          thirdPartyId: permission.partyId,
          thirdParty: thirdParty ? partyLabel(thirdParty) : '',
        }
        return { events: [{ type: 'permission-withdrawn', data }], answer: {} }
      })
    },

    /** The party accepts the draft agreement as it stands (its version); accepting it twice records it once. */
    async acceptAgreement(who: PortalParty, input: { agreementId: unknown; version: number }): Promise<Result> {
      const agreement = await agreementWithPoints(db, who.caseId)
      if (!agreement || agreement.status !== 'draft' || input.agreementId !== agreement.id)
        return refuse('There is no agreement to accept.', undefined, 'not-found')
      const result = await db.transaction((tx) =>
        recordAcceptance(tx, clock, {
          agreementId: agreement.id,
          partyId: who.partyId,
          agreementVersion: input.version,
          how: 'portal',
          actor: portalActor(who),
        }),
      )
      if (result.ok) return { ok: true }
      const code = result.code === 'stale' || result.code === 'not-found' ? result.code : 'refused'
      return refuse(result.reason, result.field, code)
    },
  }
}

export type PortalService = ReturnType<typeof createPortalService>

// Booking the meeting, or moving it: through the workflow's 'arrange-meeting', in one transaction
// with the case locked: the meeting row, the workflow's event (so the status and the statutory
// clocks stay right), the invitation (or the new details) to every party and the mediator with its
// .ics file, and the notice recorded as sent. A clash of room or mediator is refused inside that
// transaction, with the day locked, so two bookings made at once cannot both take a room.
import { randomUUID } from 'node:crypto'
import type { Db, Tx } from '../../db/client.ts'
import { oncePerKey } from '../../db/once-per-key.ts'
import { formatLongDate } from '../../domain/dates.ts'
import { refusalsAsResults, refuse, RefusalError, type Result } from '../../domain/result.ts'
import { appendEvent, refreshDeadlineIndex, type Actor, createWorkflowService } from '../cases/index.ts'
import { placeAndChecks, placeWords, type BookingInput } from './booking-checks.ts'
import { onceIfKeyed, type MeetingDeps } from './deps.ts'
import { tellEveryone } from './invitations.ts'
import { insertMeeting, moveMeetingRow } from './meeting-repository.ts'
import { meetingPicture } from './meeting-picture.ts'
import { liveMeeting, venuesWithRooms, withPlace, type PlacedMeeting } from './repository.ts'
import { gatheredAdjustments, placeText } from './words.ts'

export type MeetingChanged = Result<{ meetingId: string; unreached: string[] }>

const changedMeeting = 'Someone else changed this meeting while you were working on it. Check the meeting and try again'

/** A workflow refusal, on the date: the reason as the form says it. */
export function workflowRefusal(result: { code: string; reason: string }, field: string): RefusalError {
  return result.code === 'stale'
    ? new RefusalError(
        'Someone else changed this case while you were working on it. Check the case and try again',
        field,
        'stale',
      )
    : new RefusalError(result.reason.replace(/\.$/, ''), field, result.code === 'not-found' ? 'not-found' : 'refused')
}

export function createBookingService(deps: MeetingDeps) {
  const { db, clock } = deps

  /**
   * Books a new meeting, or moves the live one (`moving`: its id and version), in the caller's
   * transaction; refusals are thrown (RefusalError), undoing it all.
   */
  async function arrange(
    tx: Tx,
    caseId: string,
    input: BookingInput,
    options: { actor: Actor; expectedVersion: number; moving?: { id: string; version: number } },
  ): Promise<{ meetingId: string; unreached: string[] }> {
    // The workflow's own transaction is a savepoint of ours, so the messages below go with it.
    const workflow = createWorkflowService({ db: tx as unknown as Db, clock })
    let meeting: PlacedMeeting | undefined
    // For the timeline's "Where:" (the place itself is checked with the case locked, below).
    const venue = await placeWords(tx, input.place)
    const arrange = {
      type: 'arrange-meeting',
      meetingDate: input.day,
      shorterNoticeAgreed: input.shorterNotice !== undefined,
      ...(venue ? { venue } : {}),
    } as const
    // Booking the meeting is the mediator preparing: it starts preparation if nobody recorded that.
    const result = await workflow.apply(
      caseId,
      (state) => (state.status === 'mediator-allocated' ? [{ type: 'start-preparation' }, arrange] : [arrange]),
      {
        actor: options.actor,
        expectedVersion: options.expectedVersion,
        beforeEvent: async (inner) => {
          const current = await liveMeeting(inner, caseId)
          if (options.moving) {
            if (!current || current.id !== options.moving.id)
              throw new RefusalError(
                'This meeting was cancelled or replaced while you were working. Check the meeting and try again',
                'meetingDate-day',
                'stale',
              )
            if (current.version !== options.moving.version)
              throw new RefusalError(changedMeeting, 'meetingDate-day', 'stale')
          } else if (current) {
            throw new RefusalError(
              `A meeting is already booked for ${formatLongDate(current.day)}. Move it instead of booking another`,
              'meetingDate-day',
              'stale',
            )
          }
          const columns = {
            ...(await placeAndChecks(inner, caseId, input, options.moving?.id)),
            day: input.day,
            startTime: input.start,
            endTime: input.end,
            noticeSentOn: clock.today(),
            shorterNoticeAgreedBy: input.shorterNotice?.by ?? null,
            shorterNoticeAgreedOn: input.shorterNotice?.on ?? null,
            adjustments: input.adjustments.trim() || null,
          }
          const row = options.moving
            ? await moveMeetingRow(inner, options.moving.id, options.moving.version, columns)
            : await insertMeeting(inner, {
                ...columns,
                id: randomUUID(),
                caseId,
                bookedBy: options.actor.userId,
                bookedAt: clock.now(),
              })
          if (!row) throw new RefusalError(changedMeeting, 'meetingDate-day', 'stale')
          meeting = await withPlace(inner, row)
        },
      },
    )
    if (!result.ok) throw workflowRefusal(result, 'meetingDate-day')
    const booked = meeting!
    // The date and place go to everyone now: the notice the meeting-notice clock waits for.
    const unreached = await tellEveryone(tx, clock, booked, options.moving ? 'update' : 'invitation', options.actor)
    await appendEvent(tx, clock, {
      caseId,
      type: 'meeting-notice-sent',
      actor: options.actor,
      data: {
        meetingDate: booked.day,
        place: placeText(booked),
        ...(input.shorterNotice
          ? { shorterNoticeAgreedBy: input.shorterNotice.by, shorterNoticeAgreedOn: input.shorterNotice.on }
          : {}),
      },
    })
    await refreshDeadlineIndex(tx, clock, caseId)
    return { meetingId: booked.id, unreached }
  }

  return {
    /** The booking form: the Meeting tab's picture, the venues that can be booked, and the parties' adjustments. */
    async bookingPage(caseId: string) {
      const [picture, venues] = await Promise.all([meetingPicture(db, clock, caseId), venuesWithRooms(db)])
      return {
        picture,
        venues: venues.filter((v) => v.active),
        adjustments: gatheredAdjustments(picture.parties),
      }
    },

    /** Books the case's meeting, once per form (its one-time key). */
    async bookMeeting(
      caseId: string,
      input: BookingInput,
      options: { actor: Actor; expectedVersion: number; submissionKey: string },
    ): Promise<MeetingChanged> {
      return refusalsAsResults(() =>
        oncePerKey(db, clock, options.submissionKey, async (tx) => ({
          ok: true as const,
          ...(await arrange(tx, caseId, input, options)),
        })),
      )
    },

    /** Moves the live meeting (the version its form was shown at) to a new date, time or place. */
    async moveMeeting(
      caseId: string,
      input: BookingInput,
      options: { actor: Actor; expectedVersion: number; meetingVersion?: number; submissionKey?: string },
    ): Promise<MeetingChanged> {
      const live = await liveMeeting(db, caseId)
      if (!live || options.meetingVersion === undefined)
        return refuse('There is no meeting to move: book one instead', 'meetingDate-day')
      const moving = { id: live.id, version: options.meetingVersion }
      return refusalsAsResults(() =>
        onceIfKeyed(deps, options.submissionKey, async (tx) => ({
          ok: true as const,
          ...(await arrange(tx, caseId, input, { ...options, moving })),
        })),
      )
    },
  }
}

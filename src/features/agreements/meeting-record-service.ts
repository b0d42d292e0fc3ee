// The record of the meeting: who attended (against who was expected), who could agree, the times,
// private sessions, the ground rules and each agenda issue's result. Saving the record of a
// meeting that has taken place records it as held, when the case's workflow allows.
import { GROUND_RULES, type AttendanceEntry, type IssueOutcomes } from '../../domain/agreement-content.ts'
import { refuse, RefusalError, type Result } from '../../domain/result.ts'
import { refusalReason } from '../../domain/workflow.ts'
import { appendEvent, type Actor } from '../cases/index.ts'
import { attendeesOf } from '../preparation/index.ts'
import { withWorkflow, type AgreementDeps } from './draft.ts'
import { lockMeetingRecord, saveMeetingRecord } from './draft-repository.ts'
import { agendaOf, expectedAttendees, liveMeeting, mediationParties } from './repository.ts'
import { loadAgreement } from './view-model.ts'

export interface MeetingRecordInput {
  attended: string[]
  authority: string[]
  others: string[]
  startedAt: string
  endedAt: string | null
  privateSessions: number
  groundRules: string[]
  issueOutcomes: IssueOutcomes
}

export function createMeetingRecordService(deps: AgreementDeps) {
  const { db, clock } = deps
  return {
    /** The meeting record's page: the agreement's picture and the people expected. */
    async meetingRecordPage(caseId: string) {
      const [picture, expected] = await Promise.all([loadAgreement(db, clock, caseId), attendeesOf(db, caseId)])
      return { ...picture, expected }
    },

    /** Saves what happened at the meeting; a meeting that has taken place is recorded as held. */
    async saveMeetingRecord(
      caseId: string,
      input: MeetingRecordInput,
      options: { actor: Actor; expectedVersion?: number },
    ): Promise<
      Result<{ held: boolean; /** A meeting still to come: the day it is booked for. */ bookedFor?: string }>
    > {
      const meeting = await liveMeeting(db, caseId)
      if (!meeting) return refuse('Book the meeting before recording it', 'startedAt')
      const hasTakenPlace = meeting.day <= clock.today()
      let held = false
      const result = await withWorkflow(
        deps,
        caseId,
        options.actor,
        (state) => {
          held = hasTakenPlace && refusalReason(state, 'hold-meeting') === undefined
          return held ? [{ type: 'hold-meeting' }] : []
        },
        async (tx) => {
          const existing = await lockMeetingRecord(tx, meeting.id)
          if (existing && options.expectedVersion !== undefined && existing.version !== options.expectedVersion) {
            throw new RefusalError(
              'Someone else changed this meeting record while you were working on it. Check it and try again.',
              undefined,
              'stale',
            )
          }
          const expected = await expectedAttendees(tx, caseId)
          const parties = await mediationParties(tx, caseId)
          const agenda = await agendaOf(tx, caseId)
          const attendance: AttendanceEntry[] = [
            ...expected.map((a) => ({
              attendeeId: a.id,
              partyId: a.partyId,
              name: a.name,
              role: a.role,
              party: parties.find((p) => p.id === a.partyId)?.label ?? '',
              attended: input.attended.includes(a.id),
              hadAuthorityToAgree: input.attended.includes(a.id) && input.authority.includes(a.id),
            })),
            ...input.others.map((name) => ({
              partyId: null,
              name,
              role: 'Also attended',
              party: '',
              attended: true,
              hadAuthorityToAgree: false,
            })),
          ]
          const groundRules = Object.fromEntries(GROUND_RULES.map((r) => [r.key, input.groundRules.includes(r.key)]))
          const issueOutcomes = Object.fromEntries(
            agenda.filter((i) => input.issueOutcomes[i.id]).map((i) => [i.id, input.issueOutcomes[i.id]!]),
          )
          await saveMeetingRecord(tx, meeting.id, existing, {
            caseId,
            startedAt: input.startedAt,
            endedAt: input.endedAt,
            attendance,
            groundRules,
            privateSessions: input.privateSessions,
            issueOutcomes,
            recordedBy: options.actor.userId,
            updatedAt: clock.now(),
          })
          await appendEvent(tx, clock, {
            caseId,
            type: 'meeting-recorded',
            actor: options.actor,
            occurredOn: hasTakenPlace ? meeting.day : clock.today(),
            data: {
              meetingId: meeting.id,
              attended: attendance.filter((a) => a.attended).length,
              expected: expected.length,
              groundRulesAgreed: Object.values(groundRules).every(Boolean),
              privateSessions: input.privateSessions,
              issues: Object.keys(issueOutcomes).length,
            },
          })
        },
        hasTakenPlace ? meeting.day : undefined,
      )
      return result.ok ? { ok: true, held, ...(hasTakenPlace ? {} : { bookedFor: meeting.day }) } : result
    },
  }
}

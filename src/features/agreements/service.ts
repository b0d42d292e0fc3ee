// Changes to the meeting record, the agreement and its points, each in one transaction with its
// case event. Changes that also move the case along ('hold-meeting', 'conclude', 'start-follow-up',
// 'close', 'withdraw') run inside the workflow service's transaction (its beforeEvent), so the
// case's state, events, deadlines and these rows change together or not at all.
import { and, eq, lte, max, sql } from 'drizzle-orm'
import type { Clock } from '../../clock.ts'
import type { Db, Tx } from '../../db/client.ts'
import {
  agreementAcceptances,
  agreementPoints,
  agreements,
  attendees,
  caseOutcomes,
  caseParties,
  cases,
  meetingRecords,
} from '../../db/schema/index.ts'
import {
  appealableKindLabels,
  concludedOutcome,
  followUpCounts,
  isAppealableKind,
  pointDueDate,
  type FollowUp,
} from '../../domain/agreement-rules.ts'
import { formatLongDate } from '../../domain/dates.ts'
import {
  refusalReason,
  routeLabels,
  transition,
  type Action,
  type CaseState,
  type Route,
} from '../../domain/workflow.ts'
import { appendEvent, type Actor, createWorkflowService } from '../cases/index.ts'
import { queueForParty, serviceValues } from '../messages/index.ts'
import { inPartyOrder, isPreparingParty, partyLabel } from '../preparation/index.ts'
import { currentCalendar } from '../settings/index.ts'
import { GROUND_RULES, type AgreementContent } from './content.ts'
import { agreementPdf } from './pdf.ts'
import { agendaOf, agreementWithPoints, liveMeeting, type AgreementRow, type PointRow } from './repository.ts'
import { templateNamed } from '../../domain/message-wording.ts'
import { agreementTemplates } from './templates.ts'

export const staleMessage = 'Someone else changed this agreement while you were working on it. Check it and try again.'
export const finalMessage = 'The agreement is final: it can no longer be changed.'

/** A refusal thrown inside a transaction to undo it, with the field to point at. */
export class Refusal extends Error {
  readonly code: 'stale' | 'invalid' | 'not-found' | 'final'
  readonly field?: string
  constructor(code: Refusal['code'], message: string, field?: string) {
    super(message)
    this.code = code
    this.field = field
  }
}

export type Result<T = object> =
  ({ ok: true } & T) | { ok: false; code: Refusal['code'] | 'refused'; reason: string; field?: string }

const refused = (e: unknown): Result<never> => {
  if (e instanceof Refusal) return { ok: false, code: e.code, reason: e.message, field: e.field }
  throw e
}

// --- Reading what the pages need about parties ---

export type CaseParty = typeof caseParties.$inferSelect

/** The parties to the mediation (not whoever referred the family), in a steady order. */
export async function mediationParties(db: Db | Tx, caseId: string) {
  const rows = await db.select().from(caseParties).where(eq(caseParties.caseId, caseId))
  return inPartyOrder(rows.filter(isPreparingParty)).map((p) => ({ ...p, label: partyLabel(p) }))
}

export function wantsLargePrint(party: { adjustments: unknown }): boolean {
  return ((party.adjustments as { kinds?: string[] } | null)?.kinds ?? []).includes('large-print')
}

/** Who does a point, in words. */
export function responsibleOf(
  point: Pick<PointRow, 'responsiblePartyId' | 'responsibleName'>,
  parties: { id: string; label: string }[],
): string {
  const party = parties.find((p) => p.id === point.responsiblePartyId)
  const name = point.responsibleName?.trim()
  if (party && name) return `${name} (${party.label})`
  return party?.label ?? name ?? 'No one named'
}

// --- Acceptance (also used by the portal) ---

/**
 * A party accepts the agreement as it stood at `agreementVersion`. Idempotent: accepting the same
 * version twice records it once (and one event). Refused when the agreement has changed since.
 */
export async function recordAcceptance(
  tx: Tx,
  clock: Clock,
  input: {
    agreementId: string
    partyId: string
    agreementVersion: number
    how: 'at-meeting' | 'portal'
    recordedBy?: string
    actor?: Actor
  },
): Promise<Result<{ recorded: boolean }>> {
  const [agreement] = await tx.select().from(agreements).where(eq(agreements.id, input.agreementId)).for('update')
  if (!agreement) return { ok: false, code: 'not-found', reason: 'There is no such agreement.' }
  if (agreement.version !== input.agreementVersion) {
    return {
      ok: false,
      code: 'stale',
      reason: 'The agreement has changed since it was read. Read it again before accepting it.',
    }
  }
  const [party] = await tx
    .select()
    .from(caseParties)
    .where(and(eq(caseParties.id, input.partyId), eq(caseParties.caseId, agreement.caseId)))
  if (!party || !isPreparingParty(party))
    return { ok: false, code: 'invalid', reason: 'Select a party to this case', field: 'parties' }
  const inserted = await tx
    .insert(agreementAcceptances)
    .values({
      agreementId: agreement.id,
      partyId: party.id,
      agreementVersion: agreement.version,
      how: input.how,
      recordedBy: input.recordedBy,
      acceptedAt: clock.now(),
    })
    .onConflictDoNothing()
    .returning({ id: agreementAcceptances.id })
  if (!inserted.length) return { ok: true, recorded: false }
  await appendEvent(tx, clock, {
    caseId: agreement.caseId,
    type: 'agreement-accepted',
    actor:
      input.actor ??
      (input.how === 'portal'
        ? { label: party.name || partyLabel(party) }
        : { userId: input.recordedBy, label: 'Staff' }),
    data: {
      agreementId: agreement.id,
      partyId: party.id,
      party: partyLabel(party),
      version: agreement.version,
      how: input.how,
    },
  })
  return { ok: true, recorded: true }
}

// --- The service ---

export interface PointInput {
  responsiblePartyId: string | null
  responsibleName: string | null
  what: string
  byWhen: string | null
  howKnown: string | null
  appealableKind: string | null
  ownTimescaleAgreed: boolean
  issueId?: string | null
}

export interface MeetingRecordInput {
  attended: string[]
  authority: string[]
  others: string[]
  startedAt: string
  endedAt: string | null
  privateSessions: number
  groundRules: string[]
  issueOutcomes: Record<string, string>
}

export type OutcomeInput =
  | { outcome: 'full-agreement' | 'partial-agreement' | 'no-agreement'; reason: string }
  | { outcome: 'withdrawn'; withdrawnBy: 'parent' | 'young-person' | 'other-party' | 'service'; reason: string }
  | { outcome: 'could-not-proceed'; unwillingPartyId: string; reason: string }
  | { outcome: 'referred'; referredTo: string; reason: string }

export function createAgreementService({ db, clock }: { db: Db; clock: Clock }) {
  const workflow = createWorkflowService({ db, clock })

  /** Locks the case's agreement (creating the draft if there is none) and checks it can change. */
  async function draftFor(tx: Tx, caseId: string, expectedVersion?: number): Promise<AgreementRow> {
    const [caseRow] = await tx.select({ status: cases.status }).from(cases).where(eq(cases.id, caseId)).for('update')
    if (!caseRow) throw new Refusal('not-found', 'There is no such case.')
    if (caseRow.status === 'closed')
      throw new Refusal('final', 'The case is closed: reopen it before changing the agreement.')
    let [agreement] = await tx.select().from(agreements).where(eq(agreements.caseId, caseId)).for('update')
    if (!agreement) {
      const meeting = await liveMeeting(tx, caseId)
      ;[agreement] = await tx
        .insert(agreements)
        .values({ caseId, meetingId: meeting?.id, createdAt: clock.now(), updatedAt: clock.now() })
        .returning()
    }
    if (agreement!.status === 'final') throw new Refusal('final', finalMessage)
    if (expectedVersion !== undefined && expectedVersion !== agreement!.version)
      throw new Refusal('stale', staleMessage)
    return agreement!
  }

  /** Any change to the draft is a new version: acceptances of the old one no longer count. */
  async function bump(tx: Tx, agreement: AgreementRow, changes: Partial<typeof agreements.$inferInsert> = {}) {
    await tx
      .update(agreements)
      .set({ ...changes, version: agreement.version + 1, updatedAt: clock.now() })
      .where(eq(agreements.id, agreement.id))
  }

  async function checkResponsible(tx: Tx, caseId: string, input: PointInput) {
    if (input.responsiblePartyId) {
      const [party] = await tx
        .select()
        .from(caseParties)
        .where(and(eq(caseParties.id, input.responsiblePartyId), eq(caseParties.caseId, caseId)))
      if (!party || !isPreparingParty(party))
        throw new Refusal(
          'invalid',
          'Select a party to this case, or leave it and name the person',
          'responsiblePartyId',
        )
    }
    if (input.appealableKind && !isAppealableKind(input.appealableKind))
      throw new Refusal('invalid', 'Select what could otherwise be appealed', 'appealableKind')
  }

  const pointValues = (input: PointInput) => ({
    responsiblePartyId: input.responsiblePartyId || null,
    responsibleName: input.responsibleName || null,
    what: input.what,
    byWhen: input.byWhen || null,
    howKnown: input.howKnown || null,
    appealableKind: input.appealableKind || null,
    ownTimescaleAgreed: input.ownTimescaleAgreed,
  })

  /** A workflow change with our own writes inside it; actions chosen from the case's state. */
  async function withWorkflow(
    caseId: string,
    actor: Actor,
    actions: (state: CaseState) => Action[],
    work: (tx: Tx, state: CaseState) => Promise<void>,
    occurredOn?: string,
  ): Promise<Result<{ state: CaseState }>> {
    try {
      const result = await workflow.apply(caseId, actions, {
        actor,
        occurredOn,
        beforeEvent: (tx, { state }) => work(tx, state),
      })
      if (!result.ok)
        return { ok: false, code: result.code === 'not-found' ? 'not-found' : 'refused', reason: result.reason }
      return { ok: true, state: result.state }
    } catch (e) {
      return refused(e)
    }
  }

  return {
    /** Saves what happened at the meeting; a meeting that has taken place is recorded as held. */
    async saveMeetingRecord(
      caseId: string,
      input: MeetingRecordInput,
      options: { actor: Actor; expectedVersion?: number },
    ): Promise<Result<{ held: boolean }>> {
      const meeting = await liveMeeting(db, caseId)
      if (!meeting)
        return { ok: false, code: 'invalid', reason: 'Book the meeting before recording it', field: 'startedAt' }
      const hasTakenPlace = meeting.day <= clock.today()
      let held = false
      const result = await withWorkflow(
        caseId,
        options.actor,
        (state) => {
          held = hasTakenPlace && refusalReason(state, 'hold-meeting') === undefined
          return held ? [{ type: 'hold-meeting' }] : []
        },
        async (tx) => {
          const [existing] = await tx
            .select()
            .from(meetingRecords)
            .where(eq(meetingRecords.meetingId, meeting.id))
            .for('update')
          if (existing && options.expectedVersion !== undefined && existing.version !== options.expectedVersion) {
            throw new Refusal(
              'stale',
              'Someone else changed this meeting record while you were working on it. Check it and try again.',
            )
          }
          const expected = await tx.select().from(attendees).where(eq(attendees.caseId, caseId))
          const parties = await mediationParties(tx, caseId)
          const attendance = [
            ...expected.map((a) => {
              const party = parties.find((p) => p.id === a.partyId)
              return {
                attendeeId: a.id,
                partyId: a.partyId,
                name: a.name,
                role: a.role,
                party: party?.label ?? '',
                attended: input.attended.includes(a.id),
                hadAuthorityToAgree: input.attended.includes(a.id) && input.authority.includes(a.id),
              }
            }),
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
          const agenda = await agendaOf(tx, caseId)
          const issueOutcomes = Object.fromEntries(
            agenda.filter((i) => input.issueOutcomes[i.id]).map((i) => [i.id, input.issueOutcomes[i.id]]),
          )
          const values = {
            caseId,
            startedAt: input.startedAt,
            endedAt: input.endedAt,
            attendance,
            groundRules,
            privateSessions: input.privateSessions,
            issueOutcomes,
            recordedBy: options.actor.userId,
            updatedAt: clock.now(),
          }
          if (existing)
            await tx
              .update(meetingRecords)
              .set({ ...values, version: existing.version + 1 })
              .where(eq(meetingRecords.meetingId, meeting.id))
          else await tx.insert(meetingRecords).values({ meetingId: meeting.id, ...values })
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
      return result.ok ? { ok: true, held } : result
    },

    /** Adds a point at the end (inside the form's submitOnce transaction). */
    async addPoint(tx: Tx, caseId: string, input: PointInput, actor: Actor): Promise<PointRow> {
      const agreement = await draftFor(tx, caseId)
      await checkResponsible(tx, caseId, input)
      const [{ last } = { last: 0 }] = await tx
        .select({ last: max(agreementPoints.position) })
        .from(agreementPoints)
        .where(eq(agreementPoints.agreementId, agreement.id))
      const [point] = await tx
        .insert(agreementPoints)
        .values({
          agreementId: agreement.id,
          caseId,
          position: (last ?? 0) + 1,
          ...pointValues(input),
          issueId: input.issueId ?? null,
          createdAt: clock.now(),
        })
        .returning()
      await bump(tx, agreement)
      await appendEvent(tx, clock, {
        caseId,
        type: 'agreement-point-added',
        actor,
        data: { agreementId: agreement.id, pointId: point!.id, what: input.what },
      })
      return point!
    },

    async editPoint(
      caseId: string,
      pointId: string,
      input: PointInput,
      options: { actor: Actor; version: number },
    ): Promise<Result> {
      try {
        return await db.transaction(async (tx) => {
          const agreement = await draftFor(tx, caseId)
          const [point] = await tx
            .select()
            .from(agreementPoints)
            .where(and(eq(agreementPoints.id, pointId), eq(agreementPoints.agreementId, agreement.id)))
            .for('update')
          if (!point) throw new Refusal('not-found', 'There is no such point.')
          if (point.version !== options.version) throw new Refusal('stale', staleMessage)
          await checkResponsible(tx, caseId, input)
          await tx
            .update(agreementPoints)
            .set({ ...pointValues(input), version: point.version + 1 })
            .where(eq(agreementPoints.id, point.id))
          await bump(tx, agreement)
          await appendEvent(tx, clock, {
            caseId,
            type: 'agreement-point-changed',
            actor: options.actor,
            data: { agreementId: agreement.id, pointId, what: input.what },
          })
          return { ok: true } as const
        })
      } catch (e) {
        return refused(e)
      }
    },

    async removePoint(caseId: string, pointId: string, options: { actor: Actor; version: number }): Promise<Result> {
      try {
        return await db.transaction(async (tx) => {
          const agreement = await draftFor(tx, caseId)
          const [point] = await tx
            .select()
            .from(agreementPoints)
            .where(and(eq(agreementPoints.id, pointId), eq(agreementPoints.agreementId, agreement.id)))
            .for('update')
          if (!point) return { ok: true } as const // already removed: a second click changes nothing
          if (point.version !== options.version) throw new Refusal('stale', staleMessage)
          await tx.delete(agreementPoints).where(eq(agreementPoints.id, point.id))
          await bump(tx, agreement)
          await appendEvent(tx, clock, {
            caseId,
            type: 'agreement-point-removed',
            actor: options.actor,
            data: { agreementId: agreement.id, pointId, what: point.what },
          })
          return { ok: true } as const
        })
      } catch (e) {
        return refused(e)
      }
    },

    /** Moves a point up or down one place. The agreement's version guards against a list changed meanwhile. */
    async movePoint(
      caseId: string,
      pointId: string,
      direction: 'up' | 'down',
      options: { actor: Actor; agreementVersion: number },
    ): Promise<Result> {
      try {
        return await db.transaction(async (tx) => {
          const agreement = await draftFor(tx, caseId, options.agreementVersion)
          const all = (await agreementWithPoints(tx, caseId))!.points
          const i = all.findIndex((p) => p.id === pointId)
          if (i < 0) throw new Refusal('not-found', 'There is no such point.')
          const j = direction === 'up' ? i - 1 : i + 1
          if (j < 0 || j >= all.length) return { ok: true } as const
          const order = [...all]
          ;[order[i], order[j]] = [order[j]!, order[i]!]
          for (const [n, p] of order.entries())
            await tx
              .update(agreementPoints)
              .set({ position: n + 1 })
              .where(eq(agreementPoints.id, p.id))
          await bump(tx, agreement)
          await appendEvent(tx, clock, {
            caseId,
            type: 'agreement-points-reordered',
            actor: options.actor,
            data: { agreementId: agreement.id, pointId, direction },
          })
          return { ok: true } as const
        })
      } catch (e) {
        return refused(e)
      }
    },

    /** The issues not agreed (in the parties' words) and whether check-ins were agreed. */
    async saveNotAgreed(
      caseId: string,
      input: { notAgreed: string[]; checkInsAgreed: boolean },
      options: { actor: Actor; agreementVersion?: number },
    ): Promise<Result> {
      try {
        return await db.transaction(async (tx) => {
          const agreement = await draftFor(tx, caseId, options.agreementVersion)
          await bump(tx, agreement, { notAgreed: input.notAgreed, checkInsAgreed: input.checkInsAgreed })
          await appendEvent(tx, clock, {
            caseId,
            type: 'agreement-not-agreed-saved',
            actor: options.actor,
            data: {
              agreementId: agreement.id,
              notAgreed: input.notAgreed.length,
              checkInsAgreed: input.checkInsAgreed,
            },
          })
          return { ok: true } as const
        })
      } catch (e) {
        return refused(e)
      }
    },

    /** Each party ticked accepted the draft at the meeting. */
    async acceptAtMeeting(
      caseId: string,
      input: { partyIds: string[]; agreementVersion: number },
      options: { actor: Actor & { userId: string } },
    ): Promise<Result<{ recorded: number }>> {
      try {
        return await db.transaction(async (tx) => {
          const [agreement] = await tx.select().from(agreements).where(eq(agreements.caseId, caseId))
          if (!agreement)
            throw new Refusal('invalid', 'Write the agreement before recording who accepted it', 'parties')
          if (agreement.status === 'final') throw new Refusal('final', finalMessage)
          let recorded = 0
          for (const partyId of input.partyIds) {
            const result = await recordAcceptance(tx, clock, {
              agreementId: agreement.id,
              partyId,
              agreementVersion: input.agreementVersion,
              how: 'at-meeting',
              recordedBy: options.actor.userId,
              actor: options.actor,
            })
            if (!result.ok)
              throw new Refusal(
                result.code === 'stale' ? 'stale' : 'invalid',
                result.code === 'stale' ? staleMessage : result.reason,
                'parties',
              )
            if (result.recorded) recorded++
          }
          return { ok: true, recorded }
        })
      } catch (e) {
        return refused(e)
      }
    },

    /**
     * Makes the draft final: freezes what it says, sets each point's due date, queues a copy (the
     * PDF attached; large print for those who asked) to every party, and records how the mediation
     * ended, which starts the certificate's clock in SEN mediation.
     */
    async finalise(
      caseId: string,
      input: { agreementVersion: number; noAgreement: boolean; acceptanceNote: string | null },
      options: { actor: Actor & { userId: string } },
    ): Promise<
      Result<{ outcome: AgreementContent['outcome']; copies: number; unreachable: string[]; concluded: boolean }>
    > {
      const today = clock.today()
      const calendar = await currentCalendar(db)
      let outcome: AgreementContent['outcome'] = 'none'
      let copies = 0
      const unreachable: string[] = []
      let concluded = false
      // Worked out before the transaction, from the same rows it checks again under the lock.
      const before = await agreementWithPoints(db, caseId)
      const meetingNow = await liveMeeting(db, caseId)
      const recordNow = meetingNow
        ? (await db.select().from(meetingRecords).where(eq(meetingRecords.meetingId, meetingNow.id)))[0]
        : undefined
      const plannedOutcome = concludedOutcome({
        points: before?.points.length ?? 0,
        notAgreed: ((before?.notAgreed as string[] | undefined) ?? []).length,
        issueOutcomes: Object.values((recordNow?.issueOutcomes as Record<string, string> | undefined) ?? {}),
      })
      const result = await withWorkflow(
        caseId,
        options.actor,
        (state) => {
          if (state.outcome !== undefined) return []
          const conclude: Action = { type: 'conclude', outcome: plannedOutcome }
          if (state.status === 'meeting-held') return ((concluded = true), [conclude])
          if (state.status === 'meeting-arranged' && refusalReason(state, 'hold-meeting') === undefined)
            return ((concluded = true), [{ type: 'hold-meeting' }, conclude])
          return []
        },
        async (tx, state) => {
          const agreement = await draftFor(tx, caseId, input.agreementVersion)
          const full = (await agreementWithPoints(tx, caseId))!
          const points = full.points
          if (!points.length && !input.noAgreement)
            throw new Refusal(
              'invalid',
              'Add at least one point, or confirm that no agreement was reached',
              'noAgreement',
            )
          if (points.length && input.noAgreement)
            throw new Refusal(
              'invalid',
              'The agreement has points: remove them, or untick "No agreement was reached"',
              'noAgreement',
            )
          const parties = await mediationParties(tx, caseId)
          const accepted = await tx
            .select()
            .from(agreementAcceptances)
            .where(
              and(
                eq(agreementAcceptances.agreementId, agreement.id),
                eq(agreementAcceptances.agreementVersion, agreement.version),
              ),
            )
          const missing = parties.filter((p) => !accepted.some((a) => a.partyId === p.id))
          if (missing.length && !input.acceptanceNote) {
            throw new Refusal(
              'invalid',
              `Record each party's acceptance, or say why the agreement is final without it (not recorded: ${missing.map((p) => p.label).join(', ')})`,
              'acceptanceNote',
            )
          }
          const [caseRow] = await tx.select().from(cases).where(eq(cases.id, caseId))
          const meeting = await liveMeeting(tx, caseId)
          const [record] = meeting
            ? await tx.select().from(meetingRecords).where(eq(meetingRecords.meetingId, meeting.id))
            : []
          outcome = concludedOutcome({
            points: points.length,
            notAgreed: (agreement.notAgreed as string[]).length,
            issueOutcomes: Object.values((record?.issueOutcomes as Record<string, string> | undefined) ?? {}),
          })
          if (outcome !== plannedOutcome) throw new Refusal('stale', staleMessage)
          // Not agreed: as the parties listed it, or else the agenda issues the record says were not fully resolved.
          const issueResults = (record?.issueOutcomes ?? {}) as Record<string, string>
          const notAgreed = (agreement.notAgreed as string[]).length
            ? (agreement.notAgreed as string[])
            : (await agendaOf(tx, caseId))
                .filter((i) => issueResults[i.id] === 'not-resolved' || issueResults[i.id] === 'partly-resolved')
                .map((i) => i.text)
          const service = await serviceValues(tx)
          const version = agreement.version + 1
          const contentPoints = []
          for (const [n, p] of points.entries()) {
            const due = pointDueDate(p, today, calendar)
            await tx
              .update(agreementPoints)
              .set({ statutoryDueDate: due.statutoryDueDate, dueDate: due.dueDate, position: n + 1 })
              .where(eq(agreementPoints.id, p.id))
            contentPoints.push({
              id: p.id,
              number: n + 1,
              responsible: responsibleOf(p, parties),
              what: p.what,
              byWhen: p.byWhen,
              howKnown: p.howKnown,
              appealable: isAppealableKind(p.appealableKind) ? appealableKindLabels[p.appealableKind] : null,
              ownTimescaleAgreed: p.ownTimescaleAgreed,
              statutoryDueDate: due.statutoryDueDate,
              dueDate: due.dueDate,
              rule: due.rule,
            })
          }
          const route = state.route as Route | undefined
          const content: AgreementContent = {
            title: 'Mediation agreement',
            caseReference: caseRow!.reference,
            service: route ? routeLabels[route] : 'Mediation',
            childName: caseRow!.childName,
            madeOn: today,
            version,
            meeting: meeting
              ? { day: meeting.day, startedAt: record?.startedAt ?? null, endedAt: record?.endedAt ?? null }
              : null,
            parties: parties.map((p) => {
              const a = accepted.find((x) => x.partyId === p.id)
              return {
                name: p.label.charAt(0).toUpperCase() + p.label.slice(1),
                accepted: a ? (a.how === 'portal' ? 'Accepted online' : 'Accepted at the meeting') : null,
              }
            }),
            attended: (
              (record?.attendance as
                | { name: string; role: string; party: string; attended: boolean; hadAuthorityToAgree: boolean }[]
                | undefined) ?? []
            )
              .filter((a) => a.attended)
              .map((a) => ({
                name: a.name,
                role: a.role,
                party: a.party || 'themselves',
                hadAuthorityToAgree: a.hadAuthorityToAgree,
              })),
            groundRules: GROUND_RULES.map((r) => ({
              text: r.text,
              agreed: (record?.groundRules as Record<string, boolean> | undefined)?.[r.key] === true,
            })),
            outcome,
            points: contentPoints.map(({ id: _id, ...rest }) => rest),
            notAgreed,
            checkInsAgreed: agreement.checkInsAgreed,
            acceptanceNote: missing.length ? input.acceptanceNote : null,
            provider: {
              name: service['service-name'] ?? 'Parley',
              phone: service['service-phone'] ?? '',
              email: service['service-email'] ?? '',
            },
          }
          const anyLargePrint = parties.some(wantsLargePrint)
          await tx
            .update(agreements)
            .set({
              status: 'final',
              finalContent: content,
              finalisedOn: today,
              finalisedBy: options.actor.userId,
              largePrint: anyLargePrint,
              version,
              updatedAt: clock.now(),
            })
            .where(eq(agreements.id, agreement.id))
          await appendEvent(tx, clock, {
            caseId,
            type: 'agreement-finalised',
            actor: options.actor,
            data: {
              agreementId: agreement.id,
              version,
              outcome,
              acceptanceNote: content.acceptanceNote,
              points: contentPoints.map((p) => ({
                id: p.id,
                number: p.number,
                what: p.what,
                responsible: p.responsible,
                dueDate: p.dueDate,
                rule: p.rule,
              })),
            },
          })
          // A copy to every party, by the way each prefers.
          const standardPdf = (await agreementPdf(content, { largePrint: false })).toString('base64')
          const largePdf = anyLargePrint ? (await agreementPdf(content, { largePrint: true })).toString('base64') : ''
          const file = `${content.caseReference}-agreement`
          const firstDue = [...contentPoints].sort((a, b) => a.dueDate.localeCompare(b.dueDate))[0]
          for (const party of parties) {
            const large = wantsLargePrint(party)
            const row = await queueForParty(tx, clock, party.id, {
              caseId,
              template: templateNamed(agreementTemplates, 'agreement-copy'),
              values: {
                ...service,
                name: party.name || party.label,
                child: caseRow!.childName,
                reference: caseRow!.reference,
                'made-on': formatLongDate(today),
                'points-count': String(contentPoints.length),
                'first-due': firstDue
                  ? `The first point is due on ${formatLongDate(firstDue.dueDate)}.`
                  : 'No agreement was reached, so nothing falls due.',
              },
              attachments: [
                large
                  ? { filename: `${file}-large-print.pdf`, contentType: 'application/pdf', content: largePdf }
                  : { filename: `${file}.pdf`, contentType: 'application/pdf', content: standardPdf },
              ],
              dedupeKey: `agreement-copy:${agreement.id}:${version}:${party.id}`,
              createdBy: options.actor.userId,
            })
            if (row) copies++
            else unreachable.push(party.label)
          }
        },
      )
      if (!result.ok) return result
      return { ok: true, outcome, copies, unreachable, concluded }
    },

    /** Whether a point was kept, once it falls due. Starts follow-up when the case is ready for it. */
    async recordFollowUp(
      caseId: string,
      pointId: string,
      input: { outcome: Exclude<FollowUp, 'open'>; note: string | null },
      options: { actor: Actor; version: number },
    ): Promise<Result> {
      return withWorkflow(
        caseId,
        options.actor,
        (state) => (refusalReason(state, 'start-follow-up') === undefined ? [{ type: 'start-follow-up' }] : []),
        async (tx) => {
          const [point] = await tx
            .select()
            .from(agreementPoints)
            .where(and(eq(agreementPoints.id, pointId), eq(agreementPoints.caseId, caseId)))
            .for('update')
          if (!point) throw new Refusal('not-found', 'There is no such point.')
          const [agreement] = await tx.select().from(agreements).where(eq(agreements.id, point.agreementId))
          if (agreement?.status !== 'final')
            throw new Refusal('invalid', 'Points are followed up once the agreement is final', 'outcome')
          if (point.version !== options.version) throw new Refusal('stale', staleMessage)
          await tx
            .update(agreementPoints)
            .set({
              followUp: input.outcome,
              followUpNote: input.note,
              followUpRecordedOn: clock.today(),
              version: point.version + 1,
            })
            .where(eq(agreementPoints.id, point.id))
          await appendEvent(tx, clock, {
            caseId,
            type: 'agreement-point-followed-up',
            actor: options.actor,
            data: { pointId, number: point.position, what: point.what, outcome: input.outcome, note: input.note },
          })
        },
      )
    },

    /** Closes the case with a structured outcome, for reporting; applies 'close' (or 'withdraw') as fits. */
    async recordOutcome(
      caseId: string,
      input: OutcomeInput,
      options: { actor: Actor & { userId: string } },
    ): Promise<Result<{ status: string }>> {
      let unwillingLabel = ''
      if (input.outcome === 'could-not-proceed') {
        const parties = await mediationParties(db, caseId)
        const party = parties.find((p) => p.id === input.unwillingPartyId)
        if (!party)
          return {
            ok: false,
            code: 'invalid',
            reason: 'Select the party that was not willing to take part',
            field: 'unwillingPartyId',
          }
        unwillingLabel = party.label
      }
      let reason: string | undefined
      const result = await withWorkflow(
        caseId,
        options.actor,
        (state) => {
          const planned = outcomeActions(state, input, unwillingLabel)
          if ('refused' in planned) {
            reason = planned.refused
            return []
          }
          return planned.actions
        },
        async (tx) => {
          if (reason) throw new Refusal('invalid', reason, 'outcome')
          const [done] = await tx.select().from(caseOutcomes).where(eq(caseOutcomes.caseId, caseId))
          if (done) throw new Refusal('invalid', 'The outcome has already been recorded', 'outcome')
          const full = await agreementWithPoints(tx, caseId)
          const counts = followUpCounts(full?.points ?? [])
          await tx.insert(caseOutcomes).values({
            caseId,
            outcome: input.outcome,
            withdrawnBy: input.outcome === 'withdrawn' ? input.withdrawnBy : null,
            reason: input.reason || null,
            unwillingPartyId: input.outcome === 'could-not-proceed' ? input.unwillingPartyId : null,
            referredTo: input.outcome === 'referred' ? input.referredTo : null,
            pointsKept: counts.kept,
            pointsNotKept: counts.notKept,
            recordedBy: options.actor.userId,
            recordedAt: clock.now(),
          })
          await appendEvent(tx, clock, {
            caseId,
            type: 'case-outcome-recorded',
            actor: options.actor,
            data: { outcome: input.outcome, pointsKept: counts.kept, pointsNotKept: counts.notKept },
          })
        },
      )
      if (!result.ok) return { ...result, field: result.field ?? 'outcome' }
      return { ok: true, status: result.state.status }
    },
  }
}

export type AgreementService = ReturnType<typeof createAgreementService>

/** The workflow actions that close a case with this outcome, tried in turn on the state. */
export function outcomeActions(
  state: CaseState,
  input: OutcomeInput,
  unwillingLabel: string,
): { actions: Action[] } | { refused: string } {
  const actions: Action[] = []
  let current = state
  const attempt = (action: Action): string | undefined => {
    const r = transition(current, action)
    if (!r.ok) return r.reason
    actions.push(action)
    current = r.state
    return undefined
  }
  const closeIfAllowed = () => {
    if (refusalReason(current, 'close') === undefined) attempt({ type: 'close', note: input.reason || undefined })
  }
  const note = input.reason ? ` ${input.reason}` : ''
  switch (input.outcome) {
    case 'full-agreement':
    case 'partial-agreement':
    case 'no-agreement': {
      if (current.outcome === undefined && current.status === 'meeting-held') {
        const refusedWhy = attempt({
          type: 'conclude',
          outcome:
            input.outcome === 'full-agreement'
              ? 'agreement'
              : input.outcome === 'partial-agreement'
                ? 'partial'
                : 'none',
        })
        if (refusedWhy) return { refused: refusedWhy }
      }
      const refusedWhy = attempt({ type: 'close', note: input.reason || undefined })
      return refusedWhy ? { refused: refusedWhy } : { actions }
    }
    case 'withdrawn': {
      if (current.status !== 'withdrawn') {
        const refusedWhy = attempt({ type: 'withdraw', by: input.withdrawnBy, reason: input.reason })
        if (refusedWhy) return { refused: refusedWhy }
      }
      closeIfAllowed()
      return { actions }
    }
    case 'could-not-proceed':
    case 'referred': {
      if (refusalReason(current, 'close') === undefined) return (closeIfAllowed(), { actions })
      const why =
        input.outcome === 'referred'
          ? `Referred to ${input.referredTo}.${note}`
          : `Could not go ahead: ${unwillingLabel} was not willing to take part.${note}`
      const refusedWhy = attempt({ type: 'withdraw', by: 'service', reason: why })
      if (refusedWhy) return { refused: refusedWhy }
      closeIfAllowed()
      return { actions }
    }
  }
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

/**
 * The check-in job: when a point falls due, asks the person responsible and the parent or young
 * person whether it was done. Once per point (the event, and each message's dedupe key).
 */
export async function queueDueCheckIns({
  db,
  clock,
}: {
  db: Db
  clock: Clock
}): Promise<{ points: number; messages: number }> {
  const due = await pointsDueForCheckIn(db, clock.today())
  let messages = 0
  for (const { point } of due) {
    messages += await db.transaction(async (tx) => {
      const [again] = await tx
        .select({ id: agreementPoints.id })
        .from(agreementPoints)
        .where(and(eq(agreementPoints.id, point.id), eq(agreementPoints.followUp, 'open')))
        .for('update')
      if (!again) return 0
      const [caseRow] = await tx.select().from(cases).where(eq(cases.id, point.caseId))
      if (!caseRow || caseRow.status === 'closed') return 0
      const parties = await mediationParties(tx, point.caseId)
      const family = parties.filter((p) => p.role === 'parent' || p.role === 'young-person')
      const to = [
        ...new Set([...(point.responsiblePartyId ? [point.responsiblePartyId] : []), ...family.map((p) => p.id)]),
      ]
      const service = await serviceValues(tx)
      const responsible = responsibleOf(point, parties)
      let sent = 0
      for (const partyId of to) {
        const party = parties.find((p) => p.id === partyId)
        if (!party) continue
        const row = await queueForParty(tx, clock, partyId, {
          caseId: point.caseId,
          template: templateNamed(agreementTemplates, 'agreement-check-in'),
          values: {
            ...service,
            name: party.name || party.label,
            child: caseRow.childName,
            reference: caseRow.reference,
            number: String(point.position),
            what: point.what,
            responsible,
            'due-date': formatLongDate(point.dueDate!),
          },
          dedupeKey: `agreement-check-in:${point.id}:${partyId}`,
        })
        if (row) sent++
      }
      await appendEvent(tx, clock, {
        caseId: point.caseId,
        type: 'agreement-check-in-sent',
        actor: { label: 'Parley' },
        data: { pointId: point.id, number: point.position, what: point.what, messages: sent },
      })
      return sent
    })
  }
  return { points: due.length, messages }
}

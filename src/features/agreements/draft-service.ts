// Writing the draft agreement: its points in the participants' own words (added, changed, removed
// and reordered), and what was not agreed. Each change is a new version of the draft, so any
// acceptance of the old one no longer counts, and each is one transaction with its case event.
import { APPEALABLE_KINDS, isAppealableKind, pointDueDate } from '../../domain/agreement-rules.ts'
import type { Calendar } from '../../domain/calendar.ts'
import { refusalsAsResults, RefusalError, type Result } from '../../domain/result.ts'
import { smartCheck } from '../../domain/smart-check.ts'
import { oncePerKey } from '../../db/once-per-key.ts'
import type { Tx } from '../../db/client.ts'
import { appendEvent, type Actor } from '../cases/index.ts'
import { currentCalendar } from '../settings/index.ts'
import { draftFor, inTransaction, staleMessage, type AgreementDeps } from './draft.ts'
import {
  bumpAgreement,
  deletePoint,
  insertPoint,
  lastPosition,
  lockPoint,
  placePoint,
  updatePoint,
  type PointValues,
} from './draft-repository.ts'
import { agreementWithPoints, mediationParties, mediationParty, pointOfCase } from './repository.ts'

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

const pointValues = (input: PointInput): PointValues => ({
  responsiblePartyId: input.responsiblePartyId || null,
  responsibleName: input.responsibleName || null,
  what: input.what,
  byWhen: input.byWhen || null,
  howKnown: input.howKnown || null,
  appealableKind: input.appealableKind || null,
  ownTimescaleAgreed: input.ownTimescaleAgreed,
})

/** The SMART advice for a point as written, with the law's date if it were made final today. */
export function adviceOf(point: Omit<PointInput, 'issueId'>, today: string, calendar: Calendar) {
  return smartCheck({ ...point, statutoryDueDate: pointDueDate(point, today, calendar).statutoryDueDate }, today)
}

async function checkResponsible(tx: Tx, caseId: string, input: PointInput) {
  if (input.responsiblePartyId && !(await mediationParty(tx, caseId, input.responsiblePartyId)))
    throw new RefusalError('Select a party to this case, or leave it and name the person', 'responsiblePartyId')
  if (input.appealableKind && !isAppealableKind(input.appealableKind))
    throw new RefusalError('Select what could otherwise be appealed', 'appealableKind')
}

export function createDraftService(deps: AgreementDeps) {
  const { db, clock } = deps

  /** Whether the point as saved has advice to make it more specific (for the message after saving). */
  const advised = async (input: PointInput) => adviceOf(input, clock.today(), await currentCalendar(db)).length > 0

  return {
    /** The point form: the parties, the law's date for each kind if made final today, and the point being changed. */
    async pointPage(caseId: string, pointId?: string) {
      const [parties, calendar, point] = await Promise.all([
        mediationParties(db, caseId),
        currentCalendar(db),
        pointId ? pointOfCase(db, caseId, pointId) : undefined,
      ])
      if (pointId && !point) return undefined
      const today = clock.today()
      const statutory = Object.fromEntries(
        [null, ...APPEALABLE_KINDS].map((kind) => [
          kind ?? 'none',
          pointDueDate({ appealableKind: kind }, today, calendar).statutoryDueDate,
        ]),
      )
      return { parties, statutory, point, advice: point ? adviceOf(point, today, calendar) : [] }
    },

    /** Adds a point at the end, once per form (its one-time key). */
    async addPoint(
      caseId: string,
      input: PointInput,
      options: { actor: Actor; submissionKey: string },
    ): Promise<Result<{ pointId: string; advised: boolean }>> {
      const added = await refusalsAsResults(() =>
        oncePerKey(db, clock, options.submissionKey, async (tx) => {
          const agreement = await draftFor(tx, clock, caseId)
          await checkResponsible(tx, caseId, input)
          const point = await insertPoint(tx, {
            agreementId: agreement.id,
            caseId,
            position: (await lastPosition(tx, agreement.id)) + 1,
            ...pointValues(input),
            issueId: input.issueId ?? null,
            now: clock.now(),
          })
          await bumpAgreement(tx, agreement, clock.now())
          await appendEvent(tx, clock, {
            caseId,
            type: 'agreement-point-added',
            actor: options.actor,
            data: { agreementId: agreement.id, pointId: point.id, what: input.what },
          })
          return { ok: true as const, pointId: point.id }
        }),
      )
      return added.ok ? { ...added, advised: await advised(input) } : added
    },

    async editPoint(
      caseId: string,
      pointId: string,
      input: PointInput,
      options: { actor: Actor; version: number },
    ): Promise<Result<{ advised: boolean }>> {
      const saved = await inTransaction(db, async (tx) => {
        const agreement = await draftFor(tx, clock, caseId)
        const point = await lockPoint(tx, agreement.id, pointId)
        if (!point) throw new RefusalError('There is no such point.', undefined, 'not-found')
        if (point.version !== options.version) throw new RefusalError(staleMessage, undefined, 'stale')
        await checkResponsible(tx, caseId, input)
        await updatePoint(tx, point, pointValues(input))
        await bumpAgreement(tx, agreement, clock.now())
        await appendEvent(tx, clock, {
          caseId,
          type: 'agreement-point-changed',
          actor: options.actor,
          data: { agreementId: agreement.id, pointId, what: input.what },
        })
        return { ok: true }
      })
      return saved.ok ? { ok: true, advised: await advised(input) } : saved
    },

    async removePoint(caseId: string, pointId: string, options: { actor: Actor; version: number }): Promise<Result> {
      return inTransaction(db, async (tx) => {
        const agreement = await draftFor(tx, clock, caseId)
        const point = await lockPoint(tx, agreement.id, pointId)
        if (!point) return { ok: true } // already removed: a second click changes nothing
        if (point.version !== options.version) throw new RefusalError(staleMessage, undefined, 'stale')
        await deletePoint(tx, point.id)
        await bumpAgreement(tx, agreement, clock.now())
        await appendEvent(tx, clock, {
          caseId,
          type: 'agreement-point-removed',
          actor: options.actor,
          data: { agreementId: agreement.id, pointId, what: point.what },
        })
        return { ok: true }
      })
    },

    /** Moves a point up or down one place. The agreement's version guards against a list changed meanwhile. */
    async movePoint(
      caseId: string,
      pointId: string,
      direction: 'up' | 'down',
      options: { actor: Actor; agreementVersion: number },
    ): Promise<Result> {
      return inTransaction(db, async (tx) => {
        const agreement = await draftFor(tx, clock, caseId, options.agreementVersion)
        const all = (await agreementWithPoints(tx, caseId))!.points
        const i = all.findIndex((p) => p.id === pointId)
        if (i < 0) throw new RefusalError('There is no such point.', undefined, 'not-found')
        const j = direction === 'up' ? i - 1 : i + 1
        if (j < 0 || j >= all.length) return { ok: true }
        const order = [...all]
        ;[order[i], order[j]] = [order[j]!, order[i]!]
        for (const [n, p] of order.entries()) await placePoint(tx, p.id, { position: n + 1 })
        await bumpAgreement(tx, agreement, clock.now())
        await appendEvent(tx, clock, {
          caseId,
          type: 'agreement-points-reordered',
          actor: options.actor,
          data: { agreementId: agreement.id, pointId, direction },
        })
        return { ok: true }
      })
    },

    /** The issues not agreed (in the parties' words) and whether check-ins were agreed. */
    async saveNotAgreed(
      caseId: string,
      input: { notAgreed: string[]; checkInsAgreed: boolean },
      options: { actor: Actor; agreementVersion?: number },
    ): Promise<Result> {
      return inTransaction(db, async (tx) => {
        const agreement = await draftFor(tx, clock, caseId, options.agreementVersion)
        await bumpAgreement(tx, agreement, clock.now(), input)
        await appendEvent(tx, clock, {
          caseId,
          type: 'agreement-not-agreed-saved',
          actor: options.actor,
          data: { agreementId: agreement.id, notAgreed: input.notAgreed.length, checkInsAgreed: input.checkInsAgreed },
        })
        return { ok: true }
      })
    },
  }
}

// Changes to the panel: profiles (with a version check), CPD, unavailable dates and conflicts.
// Each create runs once per form (its submissionKey). A mediator is not a case, so these changes
// write no case events: each is in the audit trail instead (who, from where, before and after), in
// the change's own transaction.
import type { Clock } from '../../clock.ts'
import type { Db, Tx } from '../../db/client.ts'
import { oncePerKey } from '../../db/once-per-key.ts'
import type { IsoDate } from '../../domain/dates.ts'
import { RefusalError, refuse, refusalsAsResults, type Refused, type Result } from '../../domain/result.ts'
import { recordChange, type AuditActor } from '../audit/index.ts'
import {
  accountLinkedElsewhere,
  deleteUnavailability,
  endContinuingConflict,
  findMediator,
  insertConflict,
  insertCpd,
  insertMediator,
  insertUnavailability,
  updateMediatorAt,
} from './repository.ts'
import type { ConflictLink, MediatorRow, OrganisationKind } from './types.ts'

export interface MediatorProfile {
  name: string
  email: string
  phone: string | null
  cmcRegistrationNumber: string | null
  cmcRegistrationExpiry: IsoDate | null
  sendRegisterNumber: string | null
  sendRegisterExpiry: IsoDate | null
  senTrainingCompletedOn: IsoDate | null
  senTrainingDetails: string | null
  insurer: string | null
  insuranceCoverPounds: number | null
  insuranceExpiry: IsoDate | null
  dbsCheckedOn: IsoDate | null
  dbsRenewalDue: IsoDate | null
  languages: string[]
  areas: string[]
  venues: string[]
  workingDays: number[]
  active: boolean
  userId: string | null
}

export interface CpdInput {
  completedOn: IsoDate
  hours: number
  activity: string
}

export interface UnavailabilityInput {
  fromDate: IsoDate
  toDate: IsoDate
  note: string | null
}

export interface ConflictInput {
  organisationKind: OrganisationKind
  organisationName: string
  localAuthorityId: string | null
  link: ConflictLink
  details: string | null
  endedOn: IsoDate | null
}

/** The one-time key of the form that creates something. */
export interface Once {
  submissionKey: string
}

/** A save refused because someone else saved the profile first: what they saved, to show. */
export type ProfileChangedSince = Refused & { current: MediatorRow }

const accountTaken = 'That staff account is already linked to another mediator. Choose another account'
export const profileChangedSince =
  'Someone else changed this profile while you were editing it. The page now shows their changes: make yours again and save'

export function createMediatorService({ db, clock }: { db: Db; clock: Clock }) {
  /** Runs a create once per key; a refusal thrown inside undoes it and leaves the key free. */
  const once = <T extends object>(key: string, work: (tx: Db) => Promise<Result<T>>) =>
    refusalsAsResults(() => oncePerKey(db, clock, key, (tx) => work(tx as unknown as Db)))
  /** A change to a mediator's record in the audit trail (`what`: the part of the record changed). */
  const audited = (
    tx: Db,
    by: AuditActor,
    mediatorId: string,
    action: string,
    before: object | null,
    after: object | null,
  ) =>
    recordChange(tx as unknown as Tx, clock, {
      by,
      action: `mediator.${action}`,
      record: { kind: 'mediator', id: mediatorId },
      before: before && { ...before },
      after: after && { ...after },
    })
  /** Runs a change that is not a create in a transaction of its own, so its record goes with it. */
  const inTransaction = <T>(work: (tx: Db) => Promise<T>) => db.transaction((tx) => work(tx as unknown as Db))

  return {
    create({ submissionKey, ...profile }: MediatorProfile & Once, by: AuditActor): Promise<Result<{ id: string }>> {
      return once(submissionKey, async (tx) => {
        if (profile.userId && (await accountLinkedElsewhere(tx, profile.userId)))
          throw new RefusalError(accountTaken, 'userId')
        const now = clock.now()
        const id = await insertMediator(tx, { ...profile, createdAt: now, updatedAt: now })
        await audited(tx, by, id, 'created', null, profile)
        return { ok: true, id }
      })
    },

    /** Saves only if the profile is still at `version` (what the person editing saw). */
    async update(
      id: string,
      version: number,
      profile: MediatorProfile,
      by: AuditActor,
    ): Promise<Result<{ id: string }> | ProfileChangedSince> {
      if (profile.userId && (await accountLinkedElsewhere(db, profile.userId, id)))
        return refuse(accountTaken, 'userId')
      const saved = await inTransaction(async (tx) => {
        const was = await findMediator(tx, id)
        if (!(await updateMediatorAt(tx, id, version, { ...profile, updatedAt: clock.now() }))) return false
        const { createdAt: _c, updatedAt: _u, version: _v, ...before } = was ?? ({} as MediatorRow)
        await audited(tx, by, id, 'changed', was ? before : null, profile)
        return true
      })
      if (saved) return { ok: true, id }
      const current = await findMediator(db, id)
      if (!current) return refuse('There is no such mediator.', undefined, 'not-found')
      // Answered as a problem with the form (400), as this page always has, with their changes shown.
      return { ...refuse(profileChangedSince, 'name'), current }
    },

    addCpd(mediatorId: string, { submissionKey, ...entry }: CpdInput & Once, by: AuditActor): Promise<Result> {
      return once(submissionKey, async (tx) => {
        await insertCpd(tx, { mediatorId, ...entry, hours: entry.hours.toFixed(1), createdAt: clock.now() })
        await audited(tx, by, mediatorId, 'cpd-added', null, entry)
        return { ok: true }
      })
    },

    addUnavailability(
      mediatorId: string,
      { submissionKey, ...range }: UnavailabilityInput & Once,
      by: AuditActor,
    ): Promise<Result> {
      return once(submissionKey, async (tx) => {
        await insertUnavailability(tx, { mediatorId, ...range })
        await audited(tx, by, mediatorId, 'unavailability-added', null, range)
        return { ok: true }
      })
    },

    async removeUnavailability(mediatorId: string, id: string, by: AuditActor): Promise<Result> {
      const removed = await inTransaction(async (tx) => {
        if (!(await deleteUnavailability(tx, mediatorId, id))) return false
        await audited(tx, by, mediatorId, 'unavailability-removed', { unavailability: id }, null)
        return true
      })
      return removed ? { ok: true } : refuse('There are no such unavailable dates.', undefined, 'not-found')
    },

    declareConflict(
      mediatorId: string,
      { submissionKey, ...conflict }: ConflictInput & Once,
      by: AuditActor,
    ): Promise<Result> {
      return once(submissionKey, async (tx) => {
        await insertConflict(tx, { mediatorId, ...conflict, declaredOn: clock.today() })
        await audited(tx, by, mediatorId, 'conflict-declared', null, conflict)
        return { ok: true }
      })
    },

    /** Records that a continuing link has ended today. */
    async endConflict(mediatorId: string, id: string, by: AuditActor): Promise<Result> {
      const ended = await inTransaction(async (tx) => {
        if (!(await endContinuingConflict(tx, mediatorId, id, clock.today()))) return false
        await audited(
          tx,
          by,
          mediatorId,
          'conflict-ended',
          { conflict: id, endedOn: null },
          { conflict: id, endedOn: clock.today() },
        )
        return true
      })
      return ended ? { ok: true } : refuse('There is no such continuing link.', undefined, 'not-found')
    },
  }
}
export type MediatorService = ReturnType<typeof createMediatorService>

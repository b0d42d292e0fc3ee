// Changes to the panel: profiles (with a version check), CPD, unavailable dates and conflicts.
// A mediator is not a case, so these changes write no case events.
import { and, eq, isNull, ne } from 'drizzle-orm'
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { mediatorConflicts, mediatorCpd, mediatorUnavailability, mediators } from '../../db/schema/index.ts'
import type { IsoDate } from '../../domain/dates.ts'
import { isUuid, type ConflictLink, type OrganisationKind } from './repository.ts'

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

export type SaveOutcome = { ok: true; id: string } | { ok: false; problem: 'stale' | 'not-found' | 'account-taken' }

export function createMediatorService({ db, clock }: { db: Db; clock: Clock }) {
  /** Is this staff account already another mediator's? */
  async function accountTaken(userId: string | null, exceptId?: string) {
    if (!userId) return false
    const [other] = await db
      .select({ id: mediators.id })
      .from(mediators)
      .where(exceptId ? and(eq(mediators.userId, userId), ne(mediators.id, exceptId)) : eq(mediators.userId, userId))
    return !!other
  }

  return {
    async create(profile: MediatorProfile): Promise<SaveOutcome> {
      if (await accountTaken(profile.userId)) return { ok: false, problem: 'account-taken' }
      const now = clock.now()
      const [row] = await db
        .insert(mediators)
        .values({ ...profile, createdAt: now, updatedAt: now })
        .returning({ id: mediators.id })
      return { ok: true, id: row!.id }
    },

    /** Saves only if the profile is still at `version` (what the person editing saw). */
    async update(id: string, version: number, profile: MediatorProfile): Promise<SaveOutcome> {
      if (await accountTaken(profile.userId, id)) return { ok: false, problem: 'account-taken' }
      const [row] = await db
        .update(mediators)
        .set({ ...profile, version: version + 1, updatedAt: clock.now() })
        .where(and(eq(mediators.id, id), eq(mediators.version, version)))
        .returning({ id: mediators.id })
      if (row) return { ok: true, id: row.id }
      const [exists] = await db.select({ id: mediators.id }).from(mediators).where(eq(mediators.id, id))
      return { ok: false, problem: exists ? 'stale' : 'not-found' }
    },

    async addCpd(mediatorId: string, entry: CpdInput) {
      await db
        .insert(mediatorCpd)
        .values({ mediatorId, ...entry, hours: entry.hours.toFixed(1), createdAt: clock.now() })
    },

    async addUnavailability(mediatorId: string, range: UnavailabilityInput) {
      await db.insert(mediatorUnavailability).values({ mediatorId, ...range })
    },

    /** False if there was no such unavailability for this mediator. */
    async removeUnavailability(mediatorId: string, id: string): Promise<boolean> {
      if (!isUuid(id)) return false
      const removed = await db
        .delete(mediatorUnavailability)
        .where(and(eq(mediatorUnavailability.id, id), eq(mediatorUnavailability.mediatorId, mediatorId)))
        .returning({ id: mediatorUnavailability.id })
      return removed.length > 0
    },

    async declareConflict(mediatorId: string, conflict: ConflictInput) {
      await db.insert(mediatorConflicts).values({ mediatorId, ...conflict, declaredOn: clock.today() })
    },

    /** Records that a continuing link has ended today. False if there was no such continuing link. */
    async endConflict(mediatorId: string, id: string): Promise<boolean> {
      if (!isUuid(id)) return false
      const ended = await db
        .update(mediatorConflicts)
        .set({ endedOn: clock.today() })
        .where(
          and(
            eq(mediatorConflicts.id, id),
            eq(mediatorConflicts.mediatorId, mediatorId),
            isNull(mediatorConflicts.endedOn),
          ),
        )
        .returning({ id: mediatorConflicts.id })
      return ended.length > 0
    },
  }
}
export type MediatorService = ReturnType<typeof createMediatorService>

// Councils, as administrators add and change them: each council's settings (service name, contact
// details, opening hours, who it is free for, postcode districts, update cadence, letters,
// complaint deadlines) and its signposting list. Every change is in the audit trail, written in
// the change's own transaction; pages read the settings as they are, so a change shows at once.
// A new update cadence works out again when updates are owed on the council's open cases.
import type { Clock } from '../../../clock.ts'
import type { Db, Tx } from '../../../db/client.ts'
import { oncePerKey } from '../../../db/once-per-key.ts'
import { refuse, RefusalError, refusalsAsResults, type Result } from '../../../domain/result.ts'
import { recordChange, type AuditActor } from '../../audit/index.ts'
import { requestRecompute } from '../settings/recompute.ts'
import {
  allAgencies,
  codeInUse,
  councilById,
  districtsElsewhere,
  existingAgencies,
  insertCouncil,
  listCouncils,
  lockCouncil,
  otherCommissioningCount,
  setSignposting,
  signpostingOf,
  updateCouncilAt,
  type CouncilColumns,
  type CouncilRow,
} from './repository.ts'

export type { CouncilRow }

export interface CouncilInput {
  name: string
  commissioned: boolean
  freeForResidents: boolean
  postcodeDistricts: string[]
  serviceName: string
  phone: string
  email: string
  address: string
  openingHours: string
  updateCadenceWorkingDays: number
  /** The signposting list, in the order given. */
  agencyIds: string[]
  letterHeading: string
  letterSignature: string
  complaintAcknowledgeWorkingDays: number
  complaintResponseWorkingDays: number
}

export interface CouncilSaved {
  name: string
  /** A new update cadence: the open cases' updates owed are being worked out again (a job). */
  recomputing?: boolean
}

function columnsOf(input: CouncilInput): Omit<CouncilColumns, 'code'> {
  const { agencyIds: _agencyIds, ...settings } = input
  return {
    ...settings,
    email: input.email || null,
    letterHeading: input.letterHeading || null,
    letterSignature: input.letterSignature || null,
  }
}

/** The council as the audit trail keeps it: its settings and the codes of its signposting list. */
function auditState(council: CouncilRow, signposting: readonly { code: string }[]) {
  const { id: _id, version: _version, createdAt: _created, updatedAt: _updated, ...settings } = council
  return { ...settings, signposting: signposting.map((a) => a.code) }
}

/** Refuses districts that already belong to another commissioning council (a postcode must lead to one). */
async function checkDistricts(tx: Tx, input: CouncilInput, exceptId?: string) {
  if (!input.commissioned) return
  const taken = await districtsElsewhere(tx, input.postcodeDistricts, exceptId)
  if (taken.length) {
    const [first] = taken
    throw new RefusalError(
      `${first!.districts.join(', ')} ${first!.districts.length === 1 ? 'is' : 'are'} already a postcode district of ${first!.name}. A district can lead to one council only: remove it here or there`,
      'postcodeDistricts',
    )
  }
}

/** The agencies chosen, in the order given; refused if any is not an agency. */
async function chosenAgencies(tx: Tx, ids: readonly string[]) {
  const found = await existingAgencies(tx, ids)
  if (found.length !== new Set(ids).size) throw new RefusalError('Select agencies from the list', 'agencies')
  return [...new Set(ids)].map((id) => found.find((a) => a.id === id)!)
}

export function createCouncilsService(db: Db, clock: Clock) {
  return {
    list: () => listCouncils(db),

    /** One council with its signposting list, or undefined. */
    async find(id: string) {
      const council = await councilById(db, id)
      if (!council) return undefined
      return { council, signposting: await signpostingOf(db, id) }
    },

    agencies: () => allAgencies(db),

    /** A new council, once per one-time key. */
    async create(
      input: CouncilInput & { code: string },
      submissionKey: string,
      by: AuditActor,
    ): Promise<Result<{ id: string }>> {
      const taken = () => new RefusalError('There is already a council with this code. Enter a different code', 'code')
      return refusalsAsResults(() =>
        oncePerKey(db, clock, submissionKey, async (tx) => {
          if (await codeInUse(tx, input.code)) throw taken()
          await checkDistricts(tx, input)
          const agencies = await chosenAgencies(tx, input.agencyIds)
          const council = await insertCouncil(tx, { ...columnsOf(input), code: input.code }, clock.now())
          if (!council) throw taken() // the same code added at the same moment by another request
          await setSignposting(
            tx,
            council.id,
            agencies.map((a) => a.id),
          )
          await recordChange(tx, clock, {
            by,
            action: 'council.created',
            record: { kind: 'council', id: council.id },
            before: null,
            after: auditState(council, agencies),
          })
          return { ok: true as const, id: council.id }
        }),
      )
    },

    /** The council's new settings, unless someone changed them since the page showed `version`. */
    async update(id: string, version: number, input: CouncilInput, by: AuditActor): Promise<Result<CouncilSaved>> {
      const saved = await refusalsAsResults(() =>
        db.transaction(async (tx) => {
          const before = await lockCouncil(tx, id)
          if (!before) return refuse('There is no such council.', undefined, 'not-found')
          if (before.version !== version) {
            return refuse(
              'Someone else changed this council while you were working on it. The page now shows their changes: make yours again and save',
              'name',
              'stale',
            )
          }
          if (before.commissioned && !input.commissioned && (await otherCommissioningCount(tx, id)) === 0) {
            throw new RefusalError(
              'At least one council must commission the service: its details are the service’s own. Add another council first',
              'commissioned',
            )
          }
          await checkDistricts(tx, input, id)
          const agencies = await chosenAgencies(tx, input.agencyIds)
          const signpostedBefore = await signpostingOf(tx, id)
          if (!(await updateCouncilAt(tx, id, version, columnsOf(input), clock.now()))) {
            throw new RefusalError('Someone else changed this council. Reload the page', 'name', 'stale')
          }
          await setSignposting(
            tx,
            id,
            agencies.map((a) => a.id),
          )
          const after = (await councilById(tx, id))!
          await recordChange(tx, clock, {
            by,
            action: 'council.changed',
            record: { kind: 'council', id },
            before: auditState(before, signpostedBefore),
            after: auditState(after, agencies),
          })
          // A new cadence moves the updates owed: a job works them out again (asked for here, with the change).
          const recomputing = before.updateCadenceWorkingDays !== input.updateCadenceWorkingDays
          if (recomputing)
            await requestRecompute(tx, clock, {
              reason: 'update-cadence',
              localAuthorityId: id,
              requestedBy: by.userId ?? undefined,
            })
          return { ok: true as const, name: after.name, recomputing }
        }),
      )
      if (!saved.ok) return saved
      return saved.recomputing ? { ok: true, name: saved.name, recomputing: true } : { ok: true, name: saved.name }
    },
  }
}

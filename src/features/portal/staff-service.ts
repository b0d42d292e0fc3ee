// The portal's side of a case, for staff: a family's permission for a third party who referred them
// (a SENDIASS officer, say) recorded or withdrawn, and the parties' feedback and complaints.
import type { Clock } from '../../clock.ts'
import type { Db, Tx } from '../../db/client.ts'
import { oncePerKey } from '../../db/once-per-key.ts'
import { RefusalError, refusalsAsResults, type Result } from '../../domain/result.ts'
import { appendEvent, type Actor } from '../cases/index.ts'
import { partyLabel } from '../preparation/index.ts'
import {
  bumpCaseVersion,
  insertPermission,
  lockCase,
  partyById,
  partyOfCase,
  withdrawStandingPermission,
} from './changes-repository.ts'
import { heardLabels, satisfactionLabels } from './feedback/answers.ts'
import { feedbackOf, permissionsOf, referrersOf } from './repository.ts'
import { deleteSessionsOfParty } from './sign-in-repository.ts'

type StaffActor = Actor & { userId: string }

export interface PermissionInput {
  partyId: string
  givenBy: string
  givenOn: string
  how: string
  forWhat: string
  submissionKey: string
}

const named = (p: { name: string; organisation: string | null }) =>
  p.organisation ? `${p.name}, ${p.organisation}` : p.name

export function createPortalStaffService({ db, clock }: { db: Db; clock: Clock }) {
  /** The case changed: an event, and its version moves on (the case is locked by the caller). */
  async function recorded(tx: Tx, caseId: string, event: Omit<Parameters<typeof appendEvent>[2], 'caseId'>) {
    await appendEvent(tx, clock, { caseId, ...event })
    await bumpCaseVersion(tx, caseId, clock.now())
  }

  return {
    /** Who may be given permission, the permissions given, and what the parties told us. */
    async page(caseId: string) {
      const [referrers, permissions, feedback] = await Promise.all([
        referrersOf(db, caseId),
        permissionsOf(db, caseId),
        feedbackOf(db, caseId),
      ])
      return {
        referrers: referrers.map((r) => ({ id: r.id, name: named(r) })),
        permissions: permissions.map(({ permission, party }) => ({ ...permission, who: named(party) })),
        // Each kind's answers, in words (a row whose answers do not match its kind is left out).
        feedback: feedback.flatMap(({ feedback: f, party }) =>
          f.kind === 'feedback' && 'satisfaction' in f.answers
            ? [
                {
                  from: partyLabel(party),
                  at: f.submittedAt,
                  satisfaction: satisfactionLabels[f.answers.satisfaction] ?? '',
                  heard: heardLabels[f.answers.heard] ?? '',
                  comment: f.answers.comment,
                },
              ]
            : [],
        ),
        complaints: feedback.flatMap(({ feedback: f, party }) =>
          f.kind === 'complaint' && 'complaint' in f.answers
            ? [
                {
                  from: partyLabel(party),
                  at: f.submittedAt,
                  status: f.status,
                  complaint: f.answers.complaint,
                  outcome: f.answers.outcome,
                },
              ]
            : [],
        ),
      }
    },

    /** Staff record a family's permission for a referrer of the case to act for them, once per form. */
    recordPermission(caseId: string, input: PermissionInput, actor: StaffActor): Promise<Result<{ id: string }>> {
      if (input.givenOn > clock.today())
        return Promise.resolve({
          ok: false,
          code: 'refused',
          reason: 'The date permission was given must be today or in the past',
          field: 'givenOn-day',
        })
      return refusalsAsResults(() =>
        oncePerKey(db, clock, input.submissionKey, async (tx) => {
          if (!(await lockCase(tx, caseId))) throw new RefusalError('There is no such case.', undefined, 'not-found')
          const party = await partyOfCase(tx, caseId, input.partyId, 'referrer')
          if (!party) throw new RefusalError('Select who the permission is for', 'party')
          const row = await insertPermission(tx, {
            caseId,
            partyId: party.id,
            givenBy: input.givenBy,
            givenOn: input.givenOn,
            how: input.how || null,
            forWhat: input.forWhat || null,
            recordedBy: actor.userId,
            createdAt: clock.now(),
          })
          await recorded(tx, caseId, {
            type: 'permission-recorded',
            actor,
            occurredOn: input.givenOn,
            data: { permissionId: row.id, partyId: party.id, party: partyLabel(party), givenBy: input.givenBy },
          })
          return { ok: true as const, id: row.id }
        }),
      )
    },

    /** Staff withdraw a permission (the family said so by phone, say): their access ends at once. */
    withdrawPermission(caseId: string, permissionId: string, actor: StaffActor): Promise<Result> {
      return refusalsAsResults(() =>
        db.transaction(async (tx) => {
          const permission = await withdrawStandingPermission(tx, caseId, permissionId, actor.label, clock.now())
          if (!permission) throw new RefusalError('There is no such permission.', undefined, 'not-found')
          await deleteSessionsOfParty(tx, permission.partyId)
          const thirdParty = await partyById(tx, permission.partyId)
          await recorded(tx, caseId, {
            type: 'permission-withdrawn',
            actor,
            data: {
              permissionId,
              thirdPartyId: permission.partyId,
              thirdParty: thirdParty ? partyLabel(thirdParty) : '',
            },
          })
          return { ok: true as const }
        }),
      )
    },
  }
}

// Carrying out an accepted rectification: correcting the name, email or phone of a party the
// person was found as (or the name and date of birth of the child), each correction a change of
// the case recorded as its event (with the details before and after, and the request), in one
// transaction with the case locked. The request is then marked done with what was changed.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import type { RightsMatch } from '../../db/schema/index.ts'
import { RefusalError, refusalsAsResults, type Result } from '../../domain/result.ts'
import type { StaffUser } from '../../domain/staff.ts'
import { appendEvent, visibleCases } from '../cases/index.ts'
import { canSeeRequest } from './access.ts'
import { visibleOf } from './find-repository.ts'
import { bumpCase, correctChild, correctParty, lockCaseDetails, lockRequest, partyOfCase } from './repository.ts'

export interface Correction {
  name: string
  email: string
  phone: string
  /** The child's only. */
  dateOfBirth?: string
}

const same = (a: RightsMatch, b: RightsMatch) => a.caseId === b.caseId && a.as === b.as && a.partyId === b.partyId

export function createCorrectService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    correct(user: StaffUser, id: string, match: RightsMatch, to: Correction): Promise<Result> {
      return refusalsAsResults(() =>
        db.transaction(async (tx) => {
          const row = await lockRequest(tx, id)
          if (!row || !canSeeRequest(user, row))
            throw new RefusalError('There is no such request.', undefined, 'not-found')
          if (row.kind !== 'rectification' || row.decision !== 'accepted' || row.completedAt)
            throw new RefusalError('Only an accepted rectification request not yet done corrects the data', 'correct')
          if (!row.matches.some((m) => same(m, match)))
            throw new RefusalError('Choose a person the request is about', 'correct')
          const seen = await visibleOf(tx as unknown as Db, visibleCases(user), [match.caseId])
          const found = seen.has(match.caseId) ? await lockCaseDetails(tx, match.caseId) : undefined
          if (!found) throw new RefusalError('There is no such case.', undefined, 'not-found')
          if (found.anonymisedAt)
            throw new RefusalError(
              "The case's personal details were removed: there is nothing left to correct",
              'correct',
            )
          const now = clock.now()
          let before: Record<string, unknown>
          let after: Record<string, unknown>
          if (match.as === 'child') {
            before = { name: found.childName, dateOfBirth: found.childDateOfBirth }
            after = { name: to.name, dateOfBirth: to.dateOfBirth ?? found.childDateOfBirth }
            await correctChild(
              tx,
              match.caseId,
              { childName: to.name, childDateOfBirth: after.dateOfBirth as string },
              now,
            )
          } else {
            const party = await partyOfCase(tx, match.caseId, match.partyId!)
            if (!party) throw new RefusalError('There is no such person in the case.', 'correct')
            before = { name: party.name, email: party.email, phone: party.phone }
            after = { name: to.name, email: to.email || null, phone: to.phone || null }
            await correctParty(tx, party.id, after as { name: string; email: string | null; phone: string | null })
            await bumpCase(tx, match.caseId, now)
          }
          if (JSON.stringify(before) === JSON.stringify(after))
            throw new RefusalError('Nothing was changed: change the details that are wrong', 'correct')
          await appendEvent(tx, clock, {
            caseId: match.caseId,
            type: 'details-corrected',
            actor: { userId: user.id, label: user.name },
            data: { request: row.reference, who: match.as, before, after },
          })
          return { ok: true as const }
        }),
      )
    },
  }
}

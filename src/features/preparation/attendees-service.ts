// Who comes to the meeting for each party, and whether they can agree for it. Added once per form.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import type { Result } from '../../domain/result.ts'
import { createChanges, type ChangeOptions } from './change.ts'
import { insertAttendee } from './change-repository.ts'
import { preparingPartyOf } from './party.ts'
import { partyLabel } from './rules.ts'

export interface AttendeeInput {
  partyId: string
  name: string
  role: string
  hasAuthorityToAgree: boolean
  isSupporter: boolean
  submissionKey: string
}

export function createAttendeesService({ db, clock }: { db: Db; clock: Clock }) {
  const { once } = createChanges({ db, clock })
  return {
    addAttendee(caseId: string, { submissionKey, ...input }: AttendeeInput, options: ChangeOptions): Promise<Result> {
      return once(caseId, submissionKey, options, async ({ tx }) => {
        const party = await preparingPartyOf(tx, caseId, input.partyId)
        const attendeeId = await insertAttendee(tx, { caseId, ...input, partyId: party.id, createdAt: clock.now() })
        return {
          events: [
            {
              type: 'attendee-added',
              data: {
                attendeeId,
                partyId: party.id,
                party: partyLabel(party),
                name: input.name,
                role: input.role,
                hasAuthorityToAgree: input.hasAuthorityToAgree,
                isSupporter: input.isSupporter,
              },
            },
          ],
        }
      })
    },
  }
}

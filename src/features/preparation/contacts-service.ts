// Recording a contact with a party before the meeting (a meeting needs every party contacted).
// The first contact after the mediator is allocated is the start of preparation: the case moves
// on by the work itself, not by a status button on another page.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { RefusalError, type Result } from '../../domain/result.ts'
import { stateFromEvents, transition } from '../../domain/workflow.ts'
import { eventsOf } from '../cases/index.ts'
import { createChanges, type ChangeOptions } from './change.ts'
import { insertContact } from './change-repository.ts'
import { preparingPartyOf } from './party.ts'
import { partyLabel } from './rules.ts'

export interface ContactInput {
  partyId: string
  contactedOn: string
  method: string
  note: string
  submissionKey: string
}

export function createContactsService({ db, clock }: { db: Db; clock: Clock }) {
  const { once } = createChanges({ db, clock })
  return {
    addContact(caseId: string, { submissionKey, ...input }: ContactInput, options: ChangeOptions): Promise<Result> {
      return once(caseId, submissionKey, options, async ({ tx, caseRow }) => {
        const party = await preparingPartyOf(tx, caseId, input.partyId)
        if (input.contactedOn > clock.today())
          throw new RefusalError('The date of the contact must be today or in the past', 'contactedOn-day')
        const contactId = await insertContact(tx, {
          caseId,
          partyId: party.id,
          contactedOn: input.contactedOn,
          method: input.method,
          byUserId: options.actor.userId,
          note: input.note,
          createdAt: clock.now(),
        })
        const state = stateFromEvents(await eventsOf(tx, caseId))
        const started =
          state.status === 'mediator-allocated' ? transition(state, { type: 'start-preparation' }) : undefined
        return {
          events: [
            {
              type: 'party-contacted',
              occurredOn: input.contactedOn,
              data: { contactId, partyId: party.id, party: partyLabel(party), method: input.method },
            },
            ...(started?.ok ? [started.event] : []),
          ],
          ...(started?.ok && caseRow.status !== started.state.status
            ? { caseChanges: { status: started.state.status } }
            : {}),
        }
      })
    },
  }
}

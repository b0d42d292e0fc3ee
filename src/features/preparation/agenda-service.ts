// The meeting's agenda: each party's issues in their own words (added once per form), moved up or
// down and merged, with the version the person saw checked (others may be rearranging it too).
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { RefusalError, type Result } from '../../domain/result.ts'
import { createChanges, type ChangeEvent, type ChangeOptions } from './change.ts'
import {
  agendaOf,
  hasEvent,
  hasPartyWithRole,
  insertIssue,
  lastIssuePosition,
  mergeIssueInto,
  setIssuePosition,
} from './change-repository.ts'
import { preparingPartyOf } from './party.ts'
import { partyLabel } from './rules.ts'

export interface IssueInput {
  partyId: string
  text: string
  area: string
  submissionKey: string
}

export function createAgendaService({ db, clock }: { db: Db; clock: Clock }) {
  const { change, once } = createChanges({ db, clock })
  return {
    addIssue(caseId: string, { submissionKey, ...input }: IssueInput, options: ChangeOptions): Promise<Result> {
      return once(caseId, submissionKey, options, async ({ tx }) => {
        const party = await preparingPartyOf(tx, caseId, input.partyId)
        const issueId = await insertIssue(tx, {
          caseId,
          partyId: party.id,
          text: input.text,
          area: input.area,
          position: (await lastIssuePosition(tx, caseId)) + 1,
          createdAt: clock.now(),
        })
        const events: ChangeEvent[] = [
          { type: 'issue-added', data: { issueId, partyId: party.id, party: partyLabel(party), area: input.area } },
        ]
        // A health issue brings in the health body (rules.md): recorded the first time one is raised.
        if (input.area === 'health' && !(await hasEvent(tx, caseId, 'health-issue-raised'))) {
          events.push({
            type: 'health-issue-raised',
            data: {
              issueId,
              party: partyLabel(party),
              healthBodyIsParty: await hasPartyWithRole(tx, caseId, 'health'),
            },
          })
        }
        return { events }
      })
    },

    /** Moves an agenda item (an issue not merged into another) one place up or down. */
    moveIssue(caseId: string, input: { issueId: string; direction: 'up' | 'down' }, options: ChangeOptions) {
      return change(caseId, options, async ({ tx }) => {
        const agenda = await agendaOf(tx, caseId)
        const at = agenda.findIndex((i) => i.id === input.issueId)
        if (at < 0) throw new RefusalError('Select an issue on the agenda', 'agenda')
        const other = agenda[input.direction === 'up' ? at - 1 : at + 1]
        const issue = agenda[at]!
        if (!other) return { events: [] } // already first (or last): nothing to do
        await setIssuePosition(tx, issue.id, other.position, issue.version + 1)
        await setIssuePosition(tx, other.id, issue.position, other.version + 1)
        const to = input.direction === 'up' ? at : at + 2
        return {
          events: [{ type: 'issue-moved', data: { issueId: issue.id, direction: input.direction, from: at + 1, to } }],
        }
      })
    },

    /** Merges one agenda item into another: it (and anything merged into it) is shown under that one. */
    mergeIssue(caseId: string, input: { issueId: string; intoId: string }, options: ChangeOptions) {
      return change(caseId, options, async ({ tx }) => {
        if (input.issueId === input.intoId) throw new RefusalError('Select a different issue to merge it into', 'into')
        const agenda = await agendaOf(tx, caseId)
        const issue = agenda.find((i) => i.id === input.issueId)
        const into = agenda.find((i) => i.id === input.intoId)
        if (!issue) throw new RefusalError('Select the issue to merge', 'issue')
        if (!into) throw new RefusalError('Select the issue to merge it into', 'into')
        await mergeIssueInto(tx, caseId, issue, into.id)
        return { events: [{ type: 'issues-merged', data: { issueId: issue.id, intoId: into.id } }] }
      })
    },
  }
}

// The parties' summaries: each sent once per form (typed or a document), until they are released
// to every party together, by a coordinator or on the day set.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { RefusalError, type Result } from '../../domain/result.ts'
import { createChanges, type ChangeOptions } from './change.ts'
import { insertSummary, partiesWithSummaries } from './change-repository.ts'
import { preparingPartyOf } from './party.ts'
import { partyLabel, summariesReleased, type DocumentType } from './rules.ts'

export interface SummaryInput {
  partyId: string
  text?: string
  file?: { name: string; type: DocumentType; bytes: Buffer }
  submissionKey: string
}

const alreadyReleased = 'The summaries have already been released'

export function createSummariesService({ db, clock }: { db: Db; clock: Clock }) {
  const { change, once } = createChanges({ db, clock })
  return {
    submitSummary(caseId: string, { submissionKey, ...input }: SummaryInput, options: ChangeOptions): Promise<Result> {
      return once(caseId, submissionKey, options, async ({ tx, caseRow }) => {
        const party = await preparingPartyOf(tx, caseId, input.partyId)
        if (summariesReleased(caseRow, clock.today())) {
          throw new RefusalError(
            'The summaries have already been released to every party, so a summary cannot be added or changed now',
            'release-state',
          )
        }
        const summaryId = await insertSummary(tx, {
          caseId,
          partyId: party.id,
          text: input.file ? null : (input.text ?? null),
          fileName: input.file?.name,
          fileType: input.file?.type,
          fileSize: input.file?.bytes.length,
          file: input.file?.bytes,
          submittedBy: options.actor.userId,
          submittedAt: clock.now(),
        })
        const file = input.file ? { fileType: input.file.type, fileSize: input.file.bytes.length } : {}
        return {
          events: [
            {
              type: 'summary-submitted',
              data: {
                summaryId,
                partyId: party.id,
                party: partyLabel(party),
                kind: input.file ? 'document' : 'typed',
                ...file,
              },
            },
          ],
        }
      })
    },

    /** Releases every party's summary at once; releasing again is refused, changing nothing. */
    releaseSummaries(caseId: string, options: ChangeOptions): Promise<Result> {
      return change(caseId, options, async ({ tx, caseRow }) => {
        if (caseRow.summariesReleasedAt) throw new RefusalError(alreadyReleased)
        return {
          caseChanges: { summariesReleasedAt: clock.now() },
          events: [
            { type: 'summaries-released', data: { partiesWithSummaries: await partiesWithSummaries(tx, caseId) } },
          ],
        }
      })
    },

    setReleaseDate(caseId: string, releaseOn: string, options: ChangeOptions): Promise<Result> {
      return change(caseId, options, async ({ caseRow }) => {
        if (caseRow.summariesReleasedAt) throw new RefusalError(alreadyReleased, 'releaseOn-day')
        if (releaseOn < clock.today())
          throw new RefusalError('The release date must be today or in the future', 'releaseOn-day')
        return {
          caseChanges: { summariesReleaseOn: releaseOn },
          events: [{ type: 'summaries-release-date-set', data: { releaseOn, before: caseRow.summariesReleaseOn } }],
        }
      })
    },
  }
}

// Changing what a complaint is about after it was recorded (a portal complaint says only what
// happened; staff add who it is about and when), with a version check.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { RefusalError, refusalsAsResults, type Result } from '../../domain/result.ts'
import type { StaffUser } from '../../domain/staff.ts'
import { canSeeComplaint } from './access.ts'
import { appendComplaintEvent } from './events.ts'
import type { ComplaintAbout } from './labels.ts'
import { lockComplaint, updateComplaint } from './repository.ts'
import { staleMessage } from './stage-service.ts'

export interface DetailsInput {
  version: number
  about: ComplaintAbout
  aboutMediatorId?: string
  aboutUserId?: string
  whatHappened: string
  happenedOn: string
  wantedOutcome: string
}

export function createDetailsService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    change(user: StaffUser, id: string, input: DetailsInput): Promise<Result> {
      return refusalsAsResults(() =>
        db.transaction(async (tx) => {
          const c = await lockComplaint(tx, id)
          if (!c || !canSeeComplaint(user, c))
            throw new RefusalError('There is no such complaint.', undefined, 'not-found')
          if (c.version !== input.version) throw new RefusalError(staleMessage, 'about', 'stale')
          const next = {
            about: input.about,
            aboutMediatorId: input.about === 'mediator' ? (input.aboutMediatorId ?? null) : null,
            aboutUserId: input.about === 'staff' ? (input.aboutUserId ?? null) : null,
            whatHappened: input.whatHappened,
            happenedOn: input.happenedOn,
            wantedOutcome: input.wantedOutcome,
          }
          // The event names what changed, not the words (they stay on the complaint).
          const changed = (Object.keys(next) as (keyof typeof next)[]).filter((k) => next[k] !== c[k])
          if (!changed.length) return { ok: true as const }
          await updateComplaint(tx, id, { ...next, version: c.version + 1, updatedAt: clock.now() })
          await appendComplaintEvent(tx, clock, {
            complaintId: id,
            type: 'details-changed',
            actor: { userId: user.id, label: user.name },
            data: { changed: changed.join(','), about: next.about },
          })
          return { ok: true as const }
        }),
      )
    },
  }
}

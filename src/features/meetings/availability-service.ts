// Each party's availability for each working day over the coming weeks, entered by staff in one
// form. A day left as "Not given yet" is not counted as free.
import { comingWorkingDays, type Availability } from '../../domain/meeting-availability.ts'
import { refusalsAsResults, RefusalError, type Result } from '../../domain/result.ts'
import { appendEvent, type Actor } from '../cases/index.ts'
import { partyLabel, preparingParties } from '../preparation/index.ts'
import { currentCalendar } from '../settings/index.ts'
import { onceIfKeyed, type MeetingDeps } from './deps.ts'
import { clearAvailabilityDay, saveAvailabilityDay } from './meeting-repository.ts'
import { WEEKS_AHEAD } from './meeting-picture.ts'
import { availabilityOf, mediationParties } from './repository.ts'

export type AvailabilityAnswer = { day: string; availability: Availability | '' }

export function createAvailabilityService(deps: MeetingDeps) {
  const { db, clock } = deps
  return {
    /** The party, the working days over the coming weeks, and their answers so far; undefined if no such party. */
    async availabilityPage(caseId: string, partyId: string) {
      const [parties, calendar, entries] = await Promise.all([
        preparingParties(db, caseId),
        currentCalendar(db),
        availabilityOf(db, caseId),
      ])
      const party = parties.find((p) => p.id === partyId)
      if (!party) return undefined
      const days = comingWorkingDays(clock.today(), calendar, WEEKS_AHEAD)
      const answers = Object.fromEntries(
        days.map((day) => [day, entries.find((e) => e.partyId === party.id && e.day === day)?.availability ?? '']),
      )
      return { party, days, answers }
    },

    /** One party's answers for several days at once: a blank answer clears the day. */
    async saveAvailability(
      caseId: string,
      partyId: string,
      answers: AvailabilityAnswer[],
      options: { actor: Actor; submissionKey?: string },
    ): Promise<Result> {
      return refusalsAsResults(() =>
        onceIfKeyed(deps, options.submissionKey, async (tx) => {
          const party = (await mediationParties(tx, caseId)).find((p) => p.id === partyId)
          if (!party) throw new RefusalError('Choose a party in this case', 'party', 'not-found')
          let given = 0
          for (const { day, availability } of answers) {
            if (availability === '') {
              await clearAvailabilityDay(tx, partyId, day)
              continue
            }
            given++
            await saveAvailabilityDay(tx, {
              caseId,
              partyId,
              day,
              availability,
              by: options.actor.userId,
              at: clock.now(),
            })
          }
          await appendEvent(tx, clock, {
            caseId,
            type: 'availability-recorded',
            actor: options.actor,
            data: { party: partyLabel(party), partyId, days: given },
          })
          return { ok: true }
        }),
      )
    },
  }
}

// Information sessions in the directory feed (Open Referral UK): each council's upcoming sessions
// as one-off schedules of its service, with a link to book. Only what the public page shows: never
// who booked, never an online session's link.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { stableId, type OrukSchedule, type ScheduleSource } from '../openreferral/index.ts'
import { sessionList } from './repository.ts'
import { audienceText, placeText } from './words.ts'

/** At most this many upcoming sessions of a council in its service's record. */
const MOST = 50

export function sessionSchedules({ clock, publicUrl }: { clock: Clock; publicUrl: string }): ScheduleSource {
  const base = publicUrl.replace(/\/+$/, '')
  return async (db: Db, serviceIds: readonly string[]) => {
    const found = new Map<string, OrukSchedule[]>()
    for (const councilId of serviceIds) {
      const rows = await sessionList(db, { councils: [councilId], from: clock.now(), limit: MOST, liveOnly: true })
      found.set(
        councilId,
        rows.slice(0, MOST).map(({ session: s, venue, councilCode }) => {
          const page = `${base}/services/${councilCode}/sessions/${s.id}`
          return {
            id: stableId('info-session', s.id),
            service_id: councilId,
            description: `${s.title} (for ${audienceText(s.audience).toLowerCase()}). ${s.description}`,
            dtstart: s.day,
            valid_from: s.day,
            valid_to: s.day,
            opens_at: s.startTime,
            closes_at: s.endTime,
            attending_type: s.mode === 'online' ? 'Online' : `In person: ${placeText(s, venue)}`,
            schedule_link: page,
            url: page,
          }
        }),
      )
    }
    return found
  }
}

// The seam for dated schedules from other areas: information sessions (src/features/sessions) can
// appear on each council's service as Open Referral schedules (one-off events with dtstart,
// valid_from/valid_to, opens_at/closes_at, attending_type and a schedule_link to book) by giving
// the feed a source when app.ts registers it:
//
//   await app.register(openReferralArea, { ...deps, scheduleSources: [sessionSchedules] })
//
// A source is given the services (councils' ids) of the records being sent and answers each
// one's schedules. It must publish only what is public: never who has booked.
import type { Db } from '../../db/client.ts'
import type { OrukSchedule } from './records.ts'

export type ScheduleSource = (db: Db, serviceIds: readonly string[]) => Promise<ReadonlyMap<string, OrukSchedule[]>>

export type { OrukSchedule }

/** Every source's schedules for these services, by service. */
export async function extraSchedules(
  db: Db,
  sources: readonly ScheduleSource[],
  serviceIds: readonly string[],
): Promise<Map<string, OrukSchedule[]>> {
  const all = new Map<string, OrukSchedule[]>()
  for (const source of sources) {
    for (const [id, schedules] of await source(db, serviceIds)) all.set(id, [...(all.get(id) ?? []), ...schedules])
  }
  return all
}

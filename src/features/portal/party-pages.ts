// What the portal's pages about the party's own part show them: how we contact them and what helps
// them take part, who comes with them, when they can come, and who acts for them.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { currentCalendar } from '../settings/index.ts'
import type { PortalParty } from './party-access.ts'
import { ownAttendees, ownAvailability, partyRowOf, permissionsOf } from './repository.ts'

/** The working days offered on the availability page: the next 3 weeks. */
const WORKING_DAYS_OFFERED = 15

export function createPartyPages({ db, clock }: { db: Db; clock: Clock }) {
  async function offeredDays(): Promise<string[]> {
    const calendar = await currentCalendar(db)
    const days: string[] = []
    let day = clock.today()
    while (days.length < WORKING_DAYS_OFFERED) {
      day = calendar.addWorkingDays(day, 1)
      days.push(day)
    }
    return days
  }

  return {
    /** Their contact details and adjustments as the form shows them, with the version they were read at. */
    async contact(party: PortalParty) {
      const row = (await partyRowOf(db, party.partyId))!
      const prefs = row.contactPreferences
      const adjustments = row.adjustments
      return {
        version: row.version,
        methods: prefs.methods ?? [],
        email: row.email ?? prefs.email ?? '',
        phone: row.phone ?? prefs.phone ?? '',
        address: prefs.address ?? '',
        bestTimes: prefs.bestTimes ?? '',
        adjustments: adjustments.kinds ?? [],
        language: adjustments.language ?? '',
        details: adjustments.details ?? '',
      }
    },

    attendees: (party: PortalParty) => ownAttendees(db, party.caseId, party.partyId),

    offeredDays,

    /** The days offered, and the answers they gave (for any day). */
    async availability(party: PortalParty) {
      const [days, saved] = await Promise.all([offeredDays(), ownAvailability(db, party.partyId)])
      return { days, saved: new Map(saved.map((a) => [a.day, a.availability])) }
    },

    /** Who acts for the family: each permission given, standing or withdrawn. */
    async permissions(party: PortalParty) {
      const rows = await permissionsOf(db, party.caseId)
      return rows.map(({ permission, party: who }) => ({
        id: permission.id,
        who: who.organisation ? `${who.name}, ${who.organisation}` : who.name,
        givenBy: permission.givenBy,
        givenOn: permission.givenOn,
        forWhat: permission.forWhat,
        withdrawnAt: permission.withdrawnAt,
      }))
    },
  }
}

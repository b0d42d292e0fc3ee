// Meeting reminders: the reminder goes to each party the set number of working days before the
// meeting (settings: meetingReminderDays), once per meeting and version of it (a moved meeting is
// reminded again). Safe to run as often as wanted: the outbox's key makes each one once.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { formatLongDate } from '../../domain/dates.ts'
import { formatTimeRange } from '../../domain/meeting-times.ts'
import { templateNamed } from '../../domain/message-wording.ts'
import { queueForParty, serviceValues } from '../messages/index.ts'
import { partyLabel } from '../preparation/index.ts'
import { currentCalendar, readSettings } from '../settings/index.ts'
import { caseOf, liveMeetingsBetween, mediationParties, withPlace, type MeetingRow } from './repository.ts'
import { meetingTemplates } from './templates.ts'
import { accessText, adjustmentsOf, linkOf, placeText } from './words.ts'

export async function queueMeetingReminders({ db, clock }: { db: Db; clock: Clock }): Promise<number> {
  const today = clock.today()
  const settings = await readSettings(db)
  const days = settings.meetingReminderDays
  const calendar = await currentCalendar(db)
  const horizon = calendar.addWorkingDays(today, days)
  const candidates = await liveMeetingsBetween(db, today, horizon)
  let queued = 0
  for (const candidate of candidates) {
    if (candidate.day <= today) continue
    if (calendar.subtractWorkingDays(candidate.day, days) > today) continue
    queued += await remind(db, clock, candidate)
  }
  return queued
}

/** One meeting's reminders, in one transaction: how many were queued. */
function remind(db: Db, clock: Clock, candidate: MeetingRow): Promise<number> {
  return db.transaction(async (tx) => {
    const meeting = await withPlace(tx, candidate)
    const caseRow = await caseOf(tx, meeting.caseId)
    if (!caseRow || caseRow.status !== 'meeting-arranged') return 0
    const parties = await mediationParties(tx, meeting.caseId)
    const service = await serviceValues(tx, meeting.caseId)
    const link = linkOf(meeting)
    let queued = 0
    for (const party of parties) {
      const row = await queueForParty(tx, clock, party.id, {
        caseId: meeting.caseId,
        template: templateNamed(meetingTemplates, 'meeting-reminder'),
        dedupeKey: `meeting-reminder:${meeting.id}:${meeting.icsSequence}:${party.id}`,
        values: {
          name: party.name || partyLabel(party),
          child: caseRow.childName,
          reference: caseRow.reference,
          date: formatLongDate(meeting.day),
          time: formatTimeRange(meeting.startTime, meeting.endTime),
          place: placeText(meeting),
          access: accessText(meeting),
          'online-link': link ? `Join the meeting online: ${link}` : '',
          adjustments: adjustmentsOf(party) || 'None asked for yet. Tell us if you need anything.',
          ...service,
        },
      })
      if (row) queued++
    }
    return queued
  })
}

// The invitation, a change or a cancellation, queued (in the booking's transaction) to every party
// and the mediator, each with the same calendar UID and the meeting's sequence in its .ics file.
import type { Clock } from '../../clock.ts'
import type { Tx } from '../../db/client.ts'
import { formatLongDate } from '../../domain/dates.ts'
import { icsAttachment, type MeetingInvitation } from '../../domain/meeting-ics.ts'
import { formatTimeRange } from '../../domain/meeting-times.ts'
import { templateNamed } from '../../domain/message-wording.ts'
import { appendEvent, type Actor } from '../cases/index.ts'
import { queueForParty, queueMessage, serviceValues, type Attachment } from '../messages/index.ts'
import { partyLabel } from '../preparation/index.ts'
import { caseOf, mediationParties, mediatorById, type PlacedMeeting } from './repository.ts'
import { meetingTemplates } from './templates.ts'
import { accessText, adjustmentsOf, linkOf, placeText } from './words.ts'

export type Notice = 'invitation' | 'update' | 'cancellation'

const noted: Record<Notice, string> = {
  invitation: 'Invitation to the meeting',
  update: 'The meeting has changed: new details',
  cancellation: 'The meeting is cancelled',
}

/** Queues the message (with its .ics) to every party and the mediator; returns who could not be reached. */
export async function tellEveryone(
  tx: Tx,
  clock: Clock,
  meeting: PlacedMeeting,
  kind: Notice,
  actor: Actor,
  reason = '',
): Promise<string[]> {
  const caseId = meeting.caseId
  const caseRow = (await caseOf(tx, caseId))!
  const parties = await mediationParties(tx, caseId)
  const mediator = meeting.mediatorId ? await mediatorById(tx, meeting.mediatorId) : undefined
  const service = await serviceValues(tx, caseId)
  const link = linkOf(meeting)
  const details = {
    child: caseRow.childName,
    reference: caseRow.reference,
    date: formatLongDate(meeting.day),
    time: formatTimeRange(meeting.startTime, meeting.endTime),
    place: placeText(meeting),
    access: accessText(meeting),
    'online-link': link ? `Join the meeting online: ${link}` : '',
    reason,
    ...service,
  }
  const invitation: MeetingInvitation = {
    method: kind === 'cancellation' ? 'CANCEL' : 'REQUEST',
    uid: meeting.icsUid,
    sequence: meeting.icsSequence,
    day: meeting.day,
    start: meeting.startTime,
    end: meeting.endTime,
    summary: `Mediation meeting: ${caseRow.reference}`,
    location: placeText(meeting),
    description: [
      `Mediation meeting about ${caseRow.childName} (reference ${caseRow.reference}).`,
      accessText(meeting),
      link ? `Join online: ${link}` : '',
      `Questions: ${service['service-phone']} ${service['service-email']}`.trim(),
    ]
      .filter(Boolean)
      .join('\n'),
    ...(link ? { url: link } : {}),
    ...(service['service-email']
      ? { organizer: { name: service['service-name'] ?? 'Parley', email: service['service-email'] } }
      : {}),
    attendees: [
      ...parties.filter((p) => p.email).map((p) => ({ name: p.name || partyLabel(p), email: p.email! })),
      ...(mediator ? [{ name: mediator.name, email: mediator.email }] : []),
    ],
    stamp: clock.now(),
  }
  const attachments: Attachment[] = [icsAttachment(invitation)]
  const template = templateNamed(meetingTemplates, `meeting-${kind}`)
  const unreached: string[] = []
  for (const party of parties) {
    const row = await queueForParty(tx, clock, party.id, {
      caseId,
      template,
      values: {
        ...details,
        name: party.name || partyLabel(party),
        adjustments: adjustmentsOf(party) || 'None asked for yet. Tell us if you need anything.',
      },
      attachments,
      createdBy: actor.userId,
    })
    if (!row) {
      unreached.push(partyLabel(party))
      continue
    }
    await appendEvent(tx, clock, {
      caseId,
      type: 'update-sent',
      actor,
      data: {
        partyId: party.id,
        partyName: party.name || partyLabel(party),
        channel: row.channel,
        note: `${noted[kind]} (${details.date}, ${details.time}).`,
      },
    })
  }
  if (mediator) {
    await queueMessage(tx, clock, {
      caseId,
      to: { name: mediator.name, email: mediator.email, phone: mediator.phone, methods: ['email'] },
      channel: 'email',
      template,
      values: { ...details, name: mediator.name, adjustments: meeting.adjustments?.trim() || 'None asked for.' },
      attachments,
      createdBy: actor.userId,
    })
  }
  return unreached
}

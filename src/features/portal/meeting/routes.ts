// /portal/meeting: when and where the meeting is, and the party's answer: coming or not
// (meeting_responses, for the invitation as it stands: a moved meeting asks again).
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { parseForm, type FormErrors } from '../../../web/forms.ts'
import type { PortalParty } from '../party-access.ts'
import { partyFor, portalAccess, portalContext } from '../page.ts'
import { clockTime } from '../progress.ts'
import { liveMeeting, meetingPlace, ownResponse } from '../repository.ts'
import { createPortalService } from '../service.ts'
import { responseSchema } from './schema.ts'

const view = 'portal/meeting/view.njk'

/** Only a web address is ever made a link. */
const safeLink = (link: string | null | undefined) => (link && /^https?:\/\/[^\s"'<>]+$/i.test(link) ? link : undefined)

export default async function portalMeeting(app: FastifyInstance, deps: AppDeps) {
  const db = deps.database.db
  const service = createPortalService({ db, clock: deps.clock })

  async function render(
    reply: FastifyReply,
    party: PortalParty,
    values?: Record<string, unknown>,
    errors?: FormErrors,
  ) {
    const found = await liveMeeting(db, party.caseId)
    const response = found ? await ownResponse(db, found.meeting.id, party.partyId) : undefined
    // An answer to an earlier version of the invitation does not count once the meeting moved.
    const current = response && response.icsSequence === found!.meeting.icsSequence ? response : undefined
    const venue = found?.venue
    return reply.view(view, {
      ...portalContext(deps, party, 'meeting'),
      meeting: found
        ? {
            id: found.meeting.id,
            day: found.meeting.day,
            time: `${clockTime(found.meeting.startTime)} to ${clockTime(found.meeting.endTime)}`,
            place: meetingPlace(found),
            onlineLink: safeLink(found.meeting.onlineLink ?? venue?.onlineLink),
            access: venue
              ? [
                  venue.stepFree ? 'Step-free access' : '',
                  venue.hearingLoop ? 'A hearing loop' : '',
                  venue.parking ? 'Parking' : '',
                  venue.quietRoom ? 'A quiet room' : '',
                ].filter(Boolean)
              : [],
            accessNotes: venue?.accessibilityNotes,
          }
        : undefined,
      canRespond: party.role !== 'referrer',
      response: current,
      values: values ?? {
        attending: current ? (current.attending ? 'yes' : 'no') : undefined,
        note: current?.note ?? '',
      },
      errors,
    })
  }

  app.get('/portal/meeting', { config: portalAccess }, async (request, reply) => {
    const party = await partyFor(request, reply, 'meeting')
    if (!party) return reply
    return render(reply, party)
  })

  app.post('/portal/meeting', { config: portalAccess }, async (request, reply) => {
    const party = await partyFor(request, reply, 'meeting')
    if (!party) return reply
    if (party.role === 'referrer') return reply.code(404).view('errors/not-found.njk')
    const form = parseForm(responseSchema, request.body)
    if (!form.ok) return render(reply.code(400), party, (request.body ?? {}) as Record<string, unknown>, form.errors)
    const result = await service.respondToMeeting(party, {
      meetingId: form.data.meetingId.toLowerCase(),
      attending: form.data.attending === 'yes',
      note: form.data.note,
    })
    if (!result.ok) return reply.code(404).view('errors/not-found.njk')
    request.session.flash =
      form.data.attending === 'yes'
        ? 'Thank you. We have noted that you will come'
        : 'Thank you. We have noted that you cannot come. We will be in touch'
    return reply.redirect('/portal/meeting', 303)
  })
}

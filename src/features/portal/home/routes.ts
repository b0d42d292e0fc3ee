// /portal: where the party's case is. What has happened, what happens next and when, and the
// dates that matter to them (for the family, the last day to appeal and what it was worked out
// from), in plain English, from the case's events and clocks; never a staff note.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { createWorkflowService } from '../../cases/index.ts'
import { summariesReleased } from '../../preparation/index.ts'
import { partyFor, portalAccess, portalContext } from '../page.ts'
import { portalProgress } from '../progress.ts'
import { caseRowOf, latestSummaries, liveMeeting, meetingPlace } from '../repository.ts'

export default async function portalHome(app: FastifyInstance, deps: AppDeps) {
  const db = deps.database.db
  const workflow = createWorkflowService({ db, clock: deps.clock })

  app.get('/portal', { config: portalAccess }, async (request, reply) => {
    const party = await partyFor(request, reply, 'home')
    if (!party) return reply
    const [caseRow, snapshot, meeting, latest] = await Promise.all([
      caseRowOf(db, party.caseId),
      workflow.snapshot(party.caseId),
      liveMeeting(db, party.caseId),
      latestSummaries(db, party.caseId),
    ])
    const progress = portalProgress({
      party: { id: party.partyId, role: party.role },
      status: snapshot.state.status,
      route: snapshot.state.route,
      events: snapshot.events,
      deadlines: snapshot.deadlines,
      meeting: meeting
        ? {
            day: meeting.meeting.day,
            startTime: meeting.meeting.startTime,
            endTime: meeting.meeting.endTime,
            place: meetingPlace(meeting),
          }
        : undefined,
      summariesReleaseOn: caseRow!.summariesReleaseOn,
      summariesReleased: summariesReleased(caseRow!, deps.clock.today()),
      hasSummary: latest.has(party.partyId),
      today: deps.clock.today(),
    })
    return reply.view('portal/home/view.njk', { ...portalContext(deps, party, 'home'), progress })
  })
}

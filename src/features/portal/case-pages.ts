// What the portal's pages about the case show a party: where the case is, the meeting, the
// summaries and the agreement. Each page's reads in one call (in parallel where they can be); only
// what is meant for this party.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import {
  agreementDocument,
  agreementPdf,
  agreementWithPoints,
  mediationParties,
  responsibleOf,
  wantsLargePrint,
} from '../agreements/index.ts'
import { createWorkflowService } from '../cases/index.ts'
import {
  childViewsVisibleTo,
  documentTypeOf,
  downloadName,
  inPartyOrder,
  partyLabel,
  summariesReleased,
  summaryFile,
  summaryVisibleTo,
} from '../preparation/index.ts'
import { sizeText, typeText } from '../../web/uploads.ts'
import type { PortalParty } from './party-access.ts'
import { clockTime, portalProgress } from './progress.ts'
import {
  caseRowOf,
  childViewsOf,
  latestSummaries,
  liveMeeting,
  ownAcceptance,
  ownResponse,
  partyNamesOf,
  partyRowOf,
  type LiveMeeting,
} from './repository.ts'

/** Where a meeting is, in one line. */
export function meetingPlace({ meeting, venue }: LiveMeeting): string {
  if (venue?.kind === 'online' || (!venue && meeting.onlineLink)) return 'Online'
  return [venue?.name, venue?.address, venue?.postcode].filter(Boolean).join(', ') || 'The place will be confirmed'
}

/** Only a web address is ever made a link. */
const safeLink = (link: string | null | undefined) => (link && /^https?:\/\/[^\s"'<>]+$/i.test(link) ? link : undefined)

export function createCasePages({ db, clock }: { db: Db; clock: Clock }) {
  const workflow = createWorkflowService({ db, clock })
  const viewerOf = (party: PortalParty) => ({ kind: 'party' as const, partyId: party.partyId })

  return {
    /** Where the case is: what has happened, what happens next, and the dates that matter to them. */
    async progress(party: PortalParty) {
      const [caseRow, snapshot, meeting, latest] = await Promise.all([
        caseRowOf(db, party.caseId),
        workflow.snapshot(party.caseId),
        liveMeeting(db, party.caseId),
        latestSummaries(db, party.caseId),
      ])
      return portalProgress({
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
        summariesReleased: summariesReleased(caseRow!, clock.today()),
        hasSummary: latest.has(party.partyId),
        today: clock.today(),
      })
    },

    /** When and where the meeting is, and the party's answer to the invitation as it stands. */
    async meeting(party: PortalParty) {
      const found = await liveMeeting(db, party.caseId)
      const response = found ? await ownResponse(db, found.meeting.id, party.partyId) : undefined
      // An answer to an earlier version of the invitation does not count once the meeting moved.
      const current = response && response.icsSequence === found!.meeting.icsSequence ? response : undefined
      const venue = found?.venue
      return {
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
        response: current,
      }
    },

    /** Their own summary, and, once the summaries are released, everyone else's; the child's views shared with them. */
    async summaries(party: PortalParty) {
      const [caseRow, latest, parties, views] = await Promise.all([
        caseRowOf(db, party.caseId),
        latestSummaries(db, party.caseId),
        partyNamesOf(db, party.caseId),
        childViewsOf(db, party.caseId),
      ])
      const released = summariesReleased(caseRow!, clock.today())
      const shown = (s: NonNullable<ReturnType<typeof latest.get>>) => ({
        ...s,
        typeText: typeText(s.fileType),
        sizeText: sizeText(s.fileSize ?? 0),
        href: `/portal/summary/${s.id}/download`,
      })
      const own = latest.get(party.partyId)
      const others = inPartyOrder(parties.filter((p) => p.id !== party.partyId && p.role !== 'referrer')).flatMap(
        (p) => {
          const s = latest.get(p.id)
          return s && summaryVisibleTo(viewerOf(party), s, released)
            ? [{ label: partyLabel(p), summary: shown(s) }]
            : []
        },
      )
      return {
        released,
        releaseOn: caseRow!.summariesReleaseOn,
        own: own ? shown(own) : undefined,
        others,
        childViews: views
          .filter((v) => childViewsVisibleTo(party.role, v))
          .map((v) => ({ views: v.views, gatheredOn: v.gatheredOn })),
      }
    },

    /** A summary's file, if this party may read it now; undefined otherwise. */
    async summaryDownload(party: PortalParty, summaryId: string) {
      const [row, caseRow] = await Promise.all([summaryFile(db, party.caseId, summaryId), caseRowOf(db, party.caseId)])
      const visible = row && summaryVisibleTo(viewerOf(party), row, summariesReleased(caseRow!, clock.today()))
      const type = visible && row.file ? documentTypeOf(row.file) : undefined
      if (!row?.file || !type) return undefined
      return { bytes: row.file, type, filename: downloadName(row.fileName, type, 'summary') }
    },

    /** The final agreement to read, or the draft to accept as it stands (and whether they have). */
    async agreement(party: PortalParty) {
      const agreement = await agreementWithPoints(db, party.caseId)
      if (agreement?.status === 'final' && agreement.finalContent)
        return { final: agreementDocument(agreement.finalContent) }
      if (!agreement) return {}
      const [parties, accepted] = await Promise.all([
        mediationParties(db, party.caseId),
        ownAcceptance(db, agreement.id, party.partyId, agreement.version),
      ])
      return {
        draft: {
          id: agreement.id,
          version: agreement.version,
          accepted: accepted?.acceptedAt,
          points: agreement.points.map((p, i) => ({
            number: i + 1,
            who: responsibleOf(p, parties),
            what: p.what,
            byWhen: p.dueDate ?? p.byWhen,
            howKnown: p.howKnown,
          })),
          notAgreed: agreement.notAgreed,
        },
      }
    },

    /** The final agreement as a PDF (large print if they asked for it, or chose it); undefined until final. */
    async agreementPdf(party: PortalParty, choseLargePrint: boolean) {
      const [agreement, row] = await Promise.all([agreementWithPoints(db, party.caseId), partyRowOf(db, party.partyId)])
      if (agreement?.status !== 'final' || !agreement.finalContent) return undefined
      const largePrint = wantsLargePrint(row!) || choseLargePrint
      const pdf = await agreementPdf(agreement.finalContent, { largePrint })
      const filename = `agreement-${party.reference.replace(/[^A-Za-z0-9-]/g, '')}${largePrint ? '-large-print' : ''}.pdf`
      return { pdf, filename }
    },
  }
}

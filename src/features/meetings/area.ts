// Meetings: availability, venues, booking and calendar invitations. Pages are registered in this one list.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../app-deps.ts'
import partyAvailabilityPage from './meeting/availability/routes.ts'
import bookMeeting from './meeting/book/routes.ts'
import cancelMeeting from './meeting/cancel/routes.ts'
import moveMeeting from './meeting/move/routes.ts'
import meetingTab from './meeting/routes.ts'
import newVenue from './venues/new/routes.ts'
import venueList from './venues/routes.ts'
import venuePage from './venues/venue/routes.ts'

const pages: ((app: FastifyInstance, deps: AppDeps) => Promise<void>)[] = [
  venueList,
  newVenue,
  venuePage,
  meetingTab,
  partyAvailabilityPage,
  bookMeeting,
  moveMeeting,
  cancelMeeting,
]

export default async function meetingsArea(app: FastifyInstance, deps: AppDeps) {
  for (const page of pages) await page(app, deps)
}

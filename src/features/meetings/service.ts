// The meetings' use cases, each in its own module: venues, availability, booking and moving,
// cancelling, and what the Meeting tab shows. The reminders job is reminders.ts.
import { createAvailabilityService } from './availability-service.ts'
import { createBookingService } from './booking-service.ts'
import { createCancelService } from './cancel-service.ts'
import type { MeetingDeps } from './deps.ts'
import { meetingPicture } from './meeting-picture.ts'
import { createVenueService } from './venue-service.ts'

export function createMeetingService(deps: MeetingDeps) {
  return {
    /** Everything the Meeting tab shows (meeting-picture.ts). */
    picture: (caseId: string) => meetingPicture(deps.db, deps.clock, caseId),
    ...createVenueService(deps),
    ...createAvailabilityService(deps),
    ...createBookingService(deps),
    ...createCancelService(deps),
  }
}

export type MeetingService = ReturnType<typeof createMeetingService>

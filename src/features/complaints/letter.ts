// The words of a complaint's messages that depend on where it stands: what the complainant can do
// next (ask for the next stage; or, after the last, the Civil Mediation Council with its dates
// worked out, or the council's own procedure), and who the message goes to.
import type { caseParties } from '../../db/schema/index.ts'
import { cmcDates, nextStage, stageNames, type ComplaintStage, type NextRoute } from '../../domain/complaints.ts'
import { formatDate } from '../../web/format.ts'
import type { queueMessage } from '../messages/index.ts'
import type { ComplaintRow } from './repository.ts'

type Recipient = Parameters<typeof queueMessage>[2]['to']

const nextStageWords: Record<ComplaintStage, string> = {
  informal: '',
  formal: 'Someone who has not been involved will look into your complaint in full.',
  review: 'A senior manager who has not been involved will review how we handled your complaint.',
}

/** What they can do next, for the response letter (and the complaint's page). */
export function nextStepText(
  stage: ComplaintStage,
  respondedOn: string,
  happenedOn: string,
  route: NextRoute | undefined,
  councilName: string,
): string {
  const next = nextStage(stage)
  if (next) {
    return `If you are not happy with this answer, you can ask us to take your complaint to the next stage: ${stageNames[next].toLowerCase()}. ${nextStageWords[next]} Tell us by phone, email or letter, and quote your reference.`
  }
  const last = 'This was the last stage of our complaints procedure.'
  if (route === 'council') {
    return `${last} If you are still not happy, you can complain to ${councilName}, which pays for this service, through the council's own complaints procedure. The council's website says how.`
  }
  const cmc = cmcDates(respondedOn, happenedOn)
  const dates = `1 month from this answer is ${formatDate(cmc.monthAfterOutcome)}; 6 months from what you complained about (${formatDate(happenedOn)}) is ${formatDate(cmc.sixMonthsAfterEvents)}.`
  const late = cmc.passed
    ? ` The 6 months from what you complained about have already passed, so the CMC may not be able to look at it, but you can still ask them.`
    : ''
  return `${last} If you are still not happy, you can complain to the Civil Mediation Council (CMC), which registers mediators and mediation providers. You must do this within 1 month of this answer and within 6 months of what you complained about: by ${formatDate(cmc.by)}. (${dates})${late}`
}

/** The complainant as a recipient: the party's own details and preferences, or those recorded. */
export function complainantRecipient(c: ComplaintRow, party: typeof caseParties.$inferSelect | undefined): Recipient {
  if (party) {
    return {
      partyId: party.id,
      name: party.name || party.organisation || c.complainantName,
      email: party.email,
      phone: party.phone,
      address: party.contactPreferences.address ?? null,
      methods: party.contactPreferences.methods ?? [],
      largePrint: party.adjustments.kinds?.includes('large-print') ?? false,
    }
  }
  return {
    name: c.complainantName,
    email: c.complainantEmail,
    phone: c.complainantPhone,
    address: c.complainantAddress,
    methods: c.complainantPrefers === 'post' ? ['post'] : c.complainantPrefers === 'phone' ? ['phone'] : ['email'],
  }
}

/** A response is a letter: by email or post, the way they prefer among those (never a text message). */
export const forLetter = (to: Recipient): Recipient => ({ ...to, phone: null })

// What the preparation area offers others: the parties preparing, their summaries and attendees,
// who may see what, and the rule that every party is contacted before a meeting.
export { meetingContactRefusal } from './contact-rule.ts'
export { attendeesOf, preparingParties, summaryFile } from './repository.ts'
export {
  type DocumentType,
  MAX_UPLOAD_BYTES,
  childViewsVisibleTo,
  documentTypeOf,
  downloadName,
  inPartyOrder,
  isPreparingParty,
  partyLabel,
  summariesReleased,
  summaryVisibleTo,
} from './rules.ts'
export { readSummaryForm } from './summary-form.ts'

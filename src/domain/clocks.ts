// Statutory clocks: a pure function from a case's events to its deadlines. Callers pass "today";
// nothing here reads the system clock. See /work/shared/domain/rules.md, "Statutory clocks".
//
// This module is the front door; the parts are in clocks/: the events the clocks read
// (events.ts), what a deadline is (deadline.ts), one file per clock (adviser contact, certificate,
// health body, mediation held, meeting notice, appeal with its exclusions), computeDeadlines over
// them all (compute-deadlines.ts), and the dates an agreement sets (agreement.ts).
export { CASE_EVENT_TYPES, type CaseEvent, type CaseEventType, type EventRef } from './clocks/events.ts'
export type { AppealExclusion, ClockOptions, Deadline, DeadlineName, DeadlineStatus } from './clocks/deadline.ts'
export { computeDeadlines } from './clocks/compute-deadlines.ts'
export { isSenExcludedDay } from './clocks/appeal.ts'
export {
  AGREEMENT_ITEM_KINDS,
  agreementDueDate,
  type AgreementDeadline,
  type AgreementItemKind,
} from './clocks/agreement.ts'

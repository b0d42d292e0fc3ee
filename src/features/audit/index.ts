// What the audit area offers others: recording a change in the changer's own transaction, who is
// making it (from a staff request), and checking and anchoring the audit's hash chains.
export { auditActorOf } from './actor.ts'
export { anchorAudit } from './anchor.ts'
export { type AuditActor, type Change, recordChange } from './record.ts'
export { verifyAudit, verifyReportLines, type VerifyReport } from './verify.ts'

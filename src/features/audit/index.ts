// What the audit area offers others: recording a change in the changer's own transaction (or an
// entry of its own: a sign-in), who is making it (from a staff request), and checking and anchoring
// the audit's hash chains. Every download is recorded by the area's own hook (downloads.ts).
export { auditActorOf } from './actor.ts'
export { anchorAudit } from './anchor.ts'
export { default as auditDownloads } from './downloads.ts'
export { type AuditActor, type Change, recordChange, recordEntry } from './record.ts'
export { recordSignIn, type SignInOutcome } from './sign-ins.ts'
export { verifyAudit, verifyReportLines, type VerifyReport } from './verify.ts'

// What the audit area offers others: recording a change in the changer's own transaction, and
// who is making it (from a staff request).
export { auditActorOf } from './actor.ts'
export { type AuditActor, type Change, recordChange } from './record.ts'

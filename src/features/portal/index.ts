// What the portal offers others: the check on every portal request (for src/web/auth.ts, through
// app.ts) and its message wording.
export { partyAdmission } from './party-access.ts'
export { portalTemplates } from './templates.ts'

// What the portal offers others: the check on every portal request (for src/web/auth.ts, through
// app.ts), its message wording, and the survey's answers in words.
export { partyAdmission } from './party-access.ts'
export { portalTemplates } from './templates.ts'
export { heardLabels, satisfactionLabels } from './feedback/answers.ts'

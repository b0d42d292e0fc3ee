// What the rights area offers others: its section of Today, and the job that builds large subject
// access exports.
export { rightsTodaySection } from './today-section.ts'
export { runRightsExports } from './jobs.ts'

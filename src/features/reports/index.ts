// What the reports area offers others: the job that works out long reports (src/jobs), and a
// council's figures with small numbers suppressed (the JSON API).
export { runDueReports } from './runs-service.ts'
export { SUMMARY_MAX_DAYS, councilSummary } from './summary-service.ts'

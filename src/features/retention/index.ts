// What the retention area offers others: anonymising one case or enquiry now (an erasure request,
// src/features/rights), and the job that anonymises what the schedule says is due (src/jobs).
export {
  type AnonymiseOptions,
  type AnonymiseResult,
  type AnonymiseWhy,
  anonymiseCase,
  anonymiseCase as anonymiseEnquiry,
} from './anonymise.ts'
export { runRetention } from './service.ts'

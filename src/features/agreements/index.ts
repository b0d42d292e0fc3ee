// What the agreements area offers others: the final agreement (content, PDF, points), acceptances
// from the portal, the check-ins job, and its message wording.
export { type AgreementContent, agreementDocument } from './content.ts'
export { agreementPdf } from './pdf.ts'
export { agreementWithPoints } from './repository.ts'
export { mediationParties, queueDueCheckIns, recordAcceptance, responsibleOf, wantsLargePrint } from './service.ts'
export { agreementTemplates } from './templates.ts'

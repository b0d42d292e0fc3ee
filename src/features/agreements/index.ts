// What the agreements area offers others: the final agreement (content, PDF, points), acceptances
// from the portal, the check-ins job, and its message wording.
export { type AgreementContent, agreementDocument } from './content.ts'
export { agreementPdf } from './pdf.ts'
export { agreementWithPoints, mediationParties } from './repository.ts'
export { recordAcceptance } from './acceptance-service.ts'
export { queueDueCheckIns } from './check-ins.ts'
export { responsibleOf, wantsLargePrint } from '../../domain/agreement-content.ts'
export { agreementTemplates } from './templates.ts'
export { createRecordedAgreementService, type RecordedAgreement, type RecordedPoint } from './recorded-service.ts'

// What the certificates area offers others: a case's certificates, their content and PDF, and the
// wording of the message that sends one to the parent or young person.
export { certificateContent, certificateDocument, certificateKindTitle } from './content.ts'
export { renderCertificatePdf } from './pdf.ts'
export { certificatesOf, findCertificate } from './repository.ts'
export { certificateTemplates } from './templates.ts'

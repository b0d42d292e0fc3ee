// What the certificates area offers others: a case's certificates, their content and PDF.
export { certificateContent, certificateDocument, certificateKindTitle } from './content.ts'
export { renderCertificatePdf } from './pdf.ts'
export { certificatesOf, findCertificate } from './repository.ts'

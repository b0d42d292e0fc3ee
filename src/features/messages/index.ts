// What the messages area offers others: the outbox (queue a message in your transaction), its
// delivery (for the job runner), the service's own details for wording, letters, and the copy of
// a certificate sent to the family when it is issued.
export { deliverDueMessages, overdueMessages } from './delivery.ts'
export { caseUpdateTemplate, generalTemplates } from './general-templates.ts'
export { channelLabel } from './labels.ts'
export { renderLetterPdf } from './letter-pdf.ts'
export { type Attachment, queueForParty, queueMessage } from './outbox.ts'
export { type CertificateCopy, queueIssuedCertificate } from './certificate-copy.ts'
export { undeliveredFor } from './repository.ts'
export { serviceValues } from './service-values.ts'
export { withSignInSecretsHidden } from './sign-in-secrets.ts'
export { type Transports, closeTransports, createTransports, smtpTransport } from './transports.ts'
export { letterPdf } from './letters.ts'

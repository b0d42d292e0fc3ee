// The certificate as the parent or young person receives it when it is issued: a message by the
// way they prefer, with the PDF (in large print if they asked for it), queued in the transaction
// that issues it, so that it goes with the certificate or not at all.
import type { Clock } from '../../clock.ts'
import type { Db, Tx } from '../../db/client.ts'
import { formatLongDate } from '../../domain/dates.ts'
import { templateNamed } from '../../domain/message-wording.ts'
import {
  certificateDocument,
  certificatesOf,
  certificateTemplates,
  renderCertificatePdf,
} from '../certificates/index.ts'
import { familyParty } from './certificate-copy-repository.ts'
import { queueForParty } from './outbox.ts'
import { serviceValues } from './service-values.ts'

export type CertificateCopy =
  { queued: true; to: string; channel: string } | { queued: false; reason: 'no-family' | 'unreachable' }

/** Queues the case's newest certificate to the parent or young person. */
export async function queueIssuedCertificate(
  tx: Tx,
  clock: Clock,
  caseId: string,
  createdBy?: string,
): Promise<CertificateCopy> {
  const issued = await certificatesOf(tx as unknown as Db, caseId)
  const certificate = issued.at(-1)
  const family = await familyParty(tx, caseId)
  if (!certificate || !family) return { queued: false, reason: 'no-family' }
  const { content } = certificate
  const largePrint = certificate.largePrint || (family.request.adjustments?.kinds ?? []).includes('large-print')
  const document = certificateDocument(content, content.appealDeadline, formatLongDate)
  const pdf = await renderCertificatePdf(document, {
    largePrint,
    createdAt: clock.now(),
    author: content.provider.name,
  })
  const safe = content.number.replace(/[^A-Za-z0-9-]/g, '') || 'certificate'
  const row = await queueForParty(tx, clock, family.party.id, {
    caseId,
    template: templateNamed(certificateTemplates, 'certificate-copy'),
    values: {
      ...(await serviceValues(tx, caseId)),
      name: family.party.name || content.issuedTo.name,
      child: family.childName,
      reference: content.caseReference,
      'issued-on': formatLongDate(content.issuedOn),
      'appeal-deadline': content.appealDeadline
        ? `The last day to appeal is ${formatLongDate(content.appealDeadline.dueDate)}.`
        : 'The certificate says how long you have to appeal.',
    },
    attachments: [
      {
        filename: `${safe}${largePrint ? '-large-print' : ''}.pdf`,
        contentType: 'application/pdf',
        content: pdf.toString('base64'),
      },
    ],
    dedupeKey: `certificate-copy:${certificate.id}`,
    ...(createdBy ? { createdBy } : {}),
  })
  return row
    ? { queued: true, to: family.party.name || content.issuedTo.name, channel: row.channel }
    : { queued: false, reason: 'unreachable' }
}

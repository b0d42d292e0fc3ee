// A message sent by post, as the PDF staff print (and a party downloads from the portal): the
// service's own details as the sender, with the letter heading and signature of the case's
// council (as they are now), or the provider's own for a letter of no case.
import type { Db } from '../../db/client.ts'
import type { MessageAttachment } from '../../db/schema/index.ts'
import { formatDate } from '../../web/format.ts'
import { reachableCouncil } from '../../web/provider.ts'
import { renderLetterPdf } from './letter-pdf.ts'
import { caseCouncil, providerCouncil } from './repository.ts'

export interface LetterMessage {
  caseId: string | null
  recipientName: string
  recipientAddress: string
  subject: string
  body: string
  createdAt: Date
  largePrint: boolean
  attachments: readonly MessageAttachment[]
}

/** The letter as a PDF; `enclosures` adds what goes in the envelope with it, for whoever posts it. */
export async function letterPdf(db: Db, letter: LetterMessage, { enclosures }: { enclosures: boolean }) {
  const council = (letter.caseId ? await caseCouncil(db, letter.caseId) : undefined) ?? (await providerCouncil(db))
  const service = council && (await reachableCouncil(db, council))
  const enclosed = enclosures && letter.attachments.length
  return renderLetterPdf(
    {
      recipientName: letter.recipientName,
      recipientAddress: letter.recipientAddress,
      subject: letter.subject,
      body: enclosed
        ? `${letter.body}\n\nEnclosed: ${letter.attachments.map((a) => a.filename).join(', ')}`
        : letter.body,
      date: formatDate(letter.createdAt),
      largePrint: letter.largePrint,
      sender: {
        name: service?.serviceName ?? 'Parley',
        address: service?.address ?? '',
        phone: service?.phone ?? '',
        email: service?.email ?? '',
      },
      heading: service?.letterHeading ?? '',
      signature: service?.letterSignature ?? '',
    },
    { createdAt: letter.createdAt },
  )
}

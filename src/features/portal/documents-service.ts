// The party's own documents: the family's mediation certificates (the certificate is theirs: the
// Tribunal asks them for it), letters addressed to this party, and the final agreement. Each
// download checks again that it is theirs. PDFs are made outside any transaction.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { agreementWithPoints, wantsLargePrint } from '../agreements/index.ts'
import { createWorkflowService } from '../cases/index.ts'
import {
  certificateDocument,
  certificateKindTitle,
  certificatesOf,
  findCertificate,
  renderCertificatePdf,
} from '../certificates/index.ts'
import { letterPdf } from '../messages/index.ts'
import { formatDate } from '../../web/format.ts'
import { isFamily, type PortalParty } from './party-access.ts'
import { lettersTo, letterTo, partyRowOf } from './repository.ts'

export interface Download {
  pdf: Buffer
  filename: string
}

export function createDocumentsService({ db, clock }: { db: Db; clock: Clock }) {
  const workflow = createWorkflowService({ db, clock })

  return {
    async documents(party: PortalParty) {
      const [certificates, letters, agreement, row] = await Promise.all([
        isFamily(party.role) ? certificatesOf(db, party.caseId) : Promise.resolve([]),
        lettersTo(db, party.partyId),
        agreementWithPoints(db, party.caseId),
        partyRowOf(db, party.partyId),
      ])
      return {
        largePrint: !!row && wantsLargePrint(row),
        certificates: certificates.map((c) => ({
          id: c.id,
          title: certificateKindTitle(c.kind),
          issuedOn: c.issuedOn,
        })),
        letters,
        finalAgreement: agreement?.status === 'final' ? { finalisedOn: agreement.finalisedOn } : undefined,
      }
    },

    /** One of the family's certificates; undefined if it is not theirs (or they are not the family). */
    async certificate(party: PortalParty, certificateId: string, largePrint: boolean): Promise<Download | undefined> {
      const certificate = isFamily(party.role) ? await findCertificate(db, party.caseId, certificateId) : undefined
      if (!certificate) return undefined
      const appeal =
        certificate.content.appealDeadline ??
        (await workflow.deadlinesOf(party.caseId)).find((d) => d.name === 'appeal')
      const document = certificateDocument(
        certificate.content,
        appeal ? { dueDate: appeal.dueDate, rule: appeal.rule } : undefined,
        formatDate,
      )
      const pdf = await renderCertificatePdf(document, {
        largePrint,
        createdAt: clock.now(),
        author: certificate.content.provider.name,
      })
      const number = certificate.content.number.replace(/[^A-Za-z0-9-]/g, '') || 'certificate'
      return { pdf, filename: `${number}${largePrint ? '-large-print' : ''}.pdf` }
    },

    /** A letter addressed to this party; undefined if it is not theirs. */
    async letter(party: PortalParty, messageId: string): Promise<Download | undefined> {
      const letter = await letterTo(db, party.partyId, messageId)
      if (!letter) return undefined
      const pdf = await letterPdf(db, letter, { enclosures: false })
      return { pdf, filename: `letter-${letter.id.slice(0, 8)}.pdf` }
    },
  }
}

// The certificate pages' reads: a case's Certificates tab (what was issued, and the certificate
// due), and one certificate as a page or a PDF with the appeal deadline it starts.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { formatDate } from '../../web/format.ts'
import { type CaseRow, createWorkflowService, recordAccess } from '../cases/index.ts'
import { certificateDocument, certificateKindTitle, certificateKindTitles } from './content.ts'
import { certificateLinks, largePrintAsked } from './links.ts'
import { pdfChangesText, renderCertificatePdf } from './pdf.ts'
import { certificatesOf, findCertificate } from './repository.ts'

type Deps = { db: Db; clock: Clock }

export async function certificatesTab({ db, clock }: Deps, found: CaseRow) {
  const [issued, { state, deadlines }] = await Promise.all([
    certificatesOf(db, found.id),
    createWorkflowService({ db, clock }).snapshot(found.id),
  ])
  const dueKind = state.certificateDue
  const deadline = deadlines.find((d) => d.name === 'certificate' && (d.status === 'open' || d.status === 'overdue'))
  return {
    certificates: issued.map((c) => ({
      number: c.content.number,
      kindTitle: certificateKindTitle(c.kind),
      issuedOn: c.issuedOn,
      largePrint: largePrintAsked(found.request, c.largePrint),
      links: certificateLinks(found.id, c.id),
    })),
    due: dueKind
      ? {
          kindTitle: certificateKindTitles[dueKind],
          dueDate: deadline?.dueDate,
          overdue: deadline?.urgency === 'overdue',
          rule: deadline?.rule,
          href: `/cases/${found.id}/actions/issue-certificate`,
        }
      : undefined,
    disagreementResolution: state.route === 'disagreement-resolution',
    largePrint: largePrintAsked(found.request),
  }
}

export type CertificateFormat = 'html' | 'pdf' | 'large-print-pdf'

/**
 * One certificate of the case, as its page or a PDF, with the look recorded in the access log;
 * undefined when the case has no such certificate.
 */
export async function showCertificate(
  { db, clock }: Deps,
  found: CaseRow,
  wanted: { id: string; format: CertificateFormat },
  viewer: { userId: string; path: string },
) {
  const certificate = await findCertificate(db, found.id, wanted.id)
  if (!certificate) return undefined
  await recordAccess(db, clock, { ...viewer, caseId: found.id })

  // Certificates issued before the deadline was kept with them: work it out from the case.
  const appeal =
    certificate.content.appealDeadline ??
    (await createWorkflowService({ db, clock }).deadlinesOf(found.id)).find((d) => d.name === 'appeal')
  const document = certificateDocument(
    certificate.content,
    appeal ? { dueDate: appeal.dueDate, rule: appeal.rule } : undefined,
    formatDate,
  )
  if (wanted.format === 'html') {
    return {
      format: 'html' as const,
      view: {
        document,
        links: certificateLinks(found.id, certificate.id),
        largePrint: largePrintAsked(found.request, certificate.largePrint),
        pdfTextChanged: pdfChangesText(document),
      },
    }
  }
  const largePrint = wanted.format === 'large-print-pdf'
  const pdf = await renderCertificatePdf(document, {
    largePrint,
    createdAt: clock.now(),
    author: certificate.content.provider.name,
  })
  return { format: 'pdf' as const, pdf, fileName: fileName(certificate.content.number, largePrint) }
}

/** The certificate number is MED-2026-000123-C1; anything else is reduced to safe characters. */
function fileName(number: string, largePrint: boolean): string {
  const safe = number.replace(/[^A-Za-z0-9-]/g, '') || 'certificate'
  return `${safe}${largePrint ? '-large-print' : ''}.pdf`
}

// /cases/:id/certificates/:address: one certificate (the address is its id) as an accessible HTML
// page, and as a tagged PDF at .../ID.pdf, large print at .../ID-large-print.pdf (or
// .pdf?print=large). Each shows the appeal deadline the certificate starts, from the case's clocks.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { roles } from '../../../db/schema/index.ts'
import { currentUser } from '../../../web/auth.ts'
import { formatDate } from '../../../web/format.ts'
import { recordAccess, visibleCaseOr404, createWorkflowService } from '../../cases/index.ts'
import { certificateDocument } from '../content.ts'
import { certificateLinks, largePrintAsked } from '../links.ts'
import { pdfChangesText, renderCertificatePdf } from '../pdf.ts'
import { findCertificate } from '../repository.ts'

const address = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:(-large-print)?\.pdf)?$/i

/** What was asked for: the certificate's id, and the page or which PDF. */
export function parseCertificateAddress(
  param: unknown,
  query: unknown,
): { id: string; format: 'html' | 'pdf' | 'large-print-pdf' } | undefined {
  const match = typeof param === 'string' ? address.exec(param) : null
  if (!match) return undefined
  const isPdf = match[0].toLowerCase().endsWith('.pdf')
  const large = match[2] !== undefined || (query as { print?: unknown } | undefined)?.print === 'large'
  return { id: match[1]!.toLowerCase(), format: !isPdf ? 'html' : large ? 'large-print-pdf' : 'pdf' }
}

export default async function certificatePage(app: FastifyInstance, { database, clock }: AppDeps) {
  const workflow = createWorkflowService({ db: database.db, clock })

  app.get('/cases/:id/certificates/:address', { config: { access: roles } }, async (request, reply) => {
    const found = await visibleCaseOr404(database.db, request, reply)
    if (!found) return reply
    const wanted = parseCertificateAddress((request.params as { address?: unknown }).address, request.query)
    const certificate = wanted ? await findCertificate(database.db, found.id, wanted.id) : undefined
    if (!wanted || !certificate) return notFound(reply, found.id)
    await recordAccess(database.db, clock, { userId: currentUser(request).id, caseId: found.id, path: pathOf(request) })

    // Certificates issued before the deadline was kept with them: work it out from the case.
    const appeal =
      certificate.content.appealDeadline ?? (await workflow.deadlinesOf(found.id)).find((d) => d.name === 'appeal')
    const document = certificateDocument(
      certificate.content,
      appeal ? { dueDate: appeal.dueDate, rule: appeal.rule } : undefined,
      formatDate,
    )

    if (wanted.format === 'html') {
      return reply.view('certificates/certificate/view.njk', {
        document,
        caseRow: found,
        backLink: `/cases/${found.id}/certificates`,
        links: certificateLinks(found.id, certificate.id),
        largePrint: largePrintAsked(found.request, certificate.largePrint),
        pdfTextChanged: pdfChangesText(document),
      })
    }
    const largePrint = wanted.format === 'large-print-pdf'
    const pdf = await renderCertificatePdf(document, {
      largePrint,
      createdAt: clock.now(),
      author: certificate.content.provider.name,
    })
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${fileName(certificate.content.number, largePrint)}"`)
      .header('cache-control', 'no-store')
      .send(pdf)
  })
}

/** The certificate number is MED-2026-000123-C1; anything else is reduced to safe characters. */
function fileName(number: string, largePrint: boolean): string {
  const safe = number.replace(/[^A-Za-z0-9-]/g, '') || 'certificate'
  return `${safe}${largePrint ? '-large-print' : ''}.pdf`
}

function pathOf(request: FastifyRequest): string {
  return request.url.split('?')[0]!
}

function notFound(reply: FastifyReply, caseId: string) {
  return reply.code(404).view('certificates/not-found.njk', { backLink: `/cases/${caseId}/certificates` })
}

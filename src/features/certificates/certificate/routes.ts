// /cases/:id/certificates/:address: one certificate (the address is its id) as an accessible HTML
// page, and as a tagged PDF at .../ID.pdf, large print at .../ID-large-print.pdf (or
// .pdf?print=large). Each shows the appeal deadline the certificate starts, from the case's clocks.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { roles } from '../../../domain/staff.ts'
import { currentUser } from '../../../web/auth.ts'
import { visibleCaseOr404 } from '../../cases/index.ts'
import { showCertificate, type CertificateFormat } from '../service.ts'

const address = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?:(-large-print)?\.pdf)?$/i

/** What was asked for: the certificate's id, and the page or which PDF. */
export function parseCertificateAddress(
  param: unknown,
  query: unknown,
): { id: string; format: CertificateFormat } | undefined {
  const match = typeof param === 'string' ? address.exec(param) : null
  if (!match) return undefined
  const isPdf = match[0].toLowerCase().endsWith('.pdf')
  const large = match[2] !== undefined || (query as { print?: unknown } | undefined)?.print === 'large'
  return { id: match[1]!.toLowerCase(), format: !isPdf ? 'html' : large ? 'large-print-pdf' : 'pdf' }
}

export default async function certificatePage(app: FastifyInstance, { database, clock }: AppDeps) {
  app.get('/cases/:id/certificates/:address', { config: { access: roles } }, async (request, reply) => {
    const found = await visibleCaseOr404(database.db, request, reply)
    if (!found) return reply
    const wanted = parseCertificateAddress((request.params as { address?: unknown }).address, request.query)
    const viewer = { userId: currentUser(request).id, path: request.url.split('?')[0]! }
    const shown = wanted && (await showCertificate({ db: database.db, clock }, found, wanted, viewer))
    if (!shown)
      return reply.code(404).view('certificates/not-found.njk', { backLink: `/cases/${found.id}/certificates` })

    if (shown.format === 'html') {
      return reply.view('certificates/certificate/view.njk', {
        ...shown.view,
        caseRow: found,
        backLink: `/cases/${found.id}/certificates`,
      })
    }
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${shown.fileName}"`)
      .header('cache-control', 'no-store')
      .send(shown.pdf)
  })
}

// /cases/:id/agreement/final: the final agreement as an accessible HTML page, and as a tagged PDF
// at /cases/:id/agreement/agreement.pdf (large print with ?large-print=1). Both read the words
// frozen when it was made final.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { visibleCaseOr404, recordAccess } from '../../cases/index.ts'
import { currentUser } from '../../../web/auth.ts'
import { agreementDocument, type AgreementContent } from '../content.ts'
import { agreementAccess, caseForView, pageContext } from '../page.ts'
import { agreementPdf } from '../pdf.ts'
import { agreementWithPoints } from '../repository.ts'

export default async function finalAgreementPage(app: FastifyInstance, deps: AppDeps) {
  const db = deps.database.db

  app.get('/cases/:id/agreement/final', { config: agreementAccess }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    const agreement = await agreementWithPoints(db, found.id)
    const content = agreement?.status === 'final' ? (agreement.finalContent as AgreementContent) : undefined
    // The case is there and theirs: the page says there is nothing final yet (the PDF is not found).
    if (!content) return reply.view('agreements/final/not-final.njk', pageContext(found, request))
    return reply.view('agreements/final/view.njk', {
      ...pageContext(found, request),
      document: agreementDocument(content),
      content,
    })
  })

  app.get('/cases/:id/agreement/agreement.pdf', { config: agreementAccess }, async (request, reply) => {
    const found = await visibleCaseOr404(db, request, reply)
    if (!found) return reply
    const agreement = await agreementWithPoints(db, found.id)
    const content = agreement?.status === 'final' ? (agreement.finalContent as AgreementContent) : undefined
    if (!content) return reply.code(404).view('agreements/final/not-final.njk', pageContext(found, request))
    await recordAccess(db, deps.clock, {
      userId: currentUser(request).id,
      caseId: found.id,
      path: request.url.split('?')[0]!,
    })
    const largePrint = (request.query as { 'large-print'?: string } | undefined)?.['large-print'] === '1'
    const pdf = await agreementPdf(content, { largePrint })
    const name = `${content.caseReference.replace(/[^A-Za-z0-9-]/g, '') || 'case'}-agreement${largePrint ? '-large-print' : ''}.pdf`
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${name}"`)
      .header('cache-control', 'no-store')
      .send(pdf)
  })
}

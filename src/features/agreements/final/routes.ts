// /cases/:id/agreement/final: the final agreement as an accessible HTML page, and as a tagged PDF
// at /cases/:id/agreement/agreement.pdf (large print with ?large-print=1). Both read the words
// frozen when it was made final.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { currentUser } from '../../../web/auth.ts'
import { agreementDocument } from '../content.ts'
import { agreementAccess, agreementServiceOf, caseForChange, caseForView, pageContext } from '../page.ts'

export default async function finalAgreementPage(app: FastifyInstance, deps: AppDeps) {
  const agreements = agreementServiceOf(deps)

  app.get('/cases/:id/agreement/final', { config: agreementAccess }, async (request, reply) => {
    const found = await caseForView(deps, request, reply)
    if (!found) return reply
    const content = await agreements.finalContent(found.id)
    // The case is there and theirs: the page says there is nothing final yet (the PDF is not found).
    if (!content) return reply.view('agreements/final/not-final.njk', pageContext(found, request))
    return reply.view('agreements/final/view.njk', {
      ...pageContext(found, request),
      document: agreementDocument(content),
      content,
    })
  })

  app.get('/cases/:id/agreement/agreement.pdf', { config: agreementAccess }, async (request, reply) => {
    const found = await caseForChange(deps.database.db, request, reply)
    if (!found) return reply
    const file = await agreements.finalPdf(found.id, {
      largePrint: (request.query as { 'large-print'?: string } | undefined)?.['large-print'] === '1',
      userId: currentUser(request).id,
      path: request.url.split('?')[0]!,
    })
    if (!file) return reply.code(404).view('agreements/final/not-final.njk', pageContext(found, request))
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${file.name}"`)
      .header('cache-control', 'no-store')
      .send(file.pdf)
  })
}

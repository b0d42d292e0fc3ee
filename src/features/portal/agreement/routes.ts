// /portal/agreement: the agreement from the meeting. While it is a draft, each party reads it and
// accepts it as it stands (its version: if it changes, they accept again); once final, they read
// it here and download it as an accessible PDF (large print if that helps them).
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { notFound } from '../../../web/errors.ts'
import { createCasePages } from '../case-pages.ts'
import { partyFor, portalAccess, portalContext } from '../page.ts'
import { createPortalService } from '../service.ts'

export default async function portalAgreement(app: FastifyInstance, deps: AppDeps) {
  const pages = createCasePages({ db: deps.database.db, clock: deps.clock })
  const service = createPortalService({ db: deps.database.db, clock: deps.clock })

  app.get('/portal/agreement', { config: portalAccess }, async (request, reply) => {
    const party = await partyFor(request, reply, 'agreement')
    if (!party) return reply
    const { final, draft } = await pages.agreement(party)
    return reply.view('portal/agreement/view.njk', { ...portalContext(deps, party, 'agreement'), final, draft })
  })

  // One button, no fields to put right: every answer is told on the agreement page itself.
  app.post('/portal/agreement/accept', { config: portalAccess }, async (request, reply) => {
    const party = await partyFor(request, reply, 'agreement')
    if (!party) return reply
    const body = (request.body ?? {}) as { agreementId?: unknown; version?: unknown }
    const result = await service.acceptAgreement(party, {
      agreementId: body.agreementId,
      version: Number(body.version),
    })
    if (!result.ok && result.code === 'not-found') return notFound(request, reply)
    request.session.flash = result.ok
      ? 'Thank you. We have recorded that you accept the agreement'
      : result.code === 'stale'
        ? 'The agreement changed while you were reading it. Read it again, then accept it if you agree.'
        : result.reason
    return reply.redirect('/portal/agreement', 303)
  })

  app.get('/portal/agreement/agreement.pdf', { config: portalAccess }, async (request, reply) => {
    const party = await partyFor(request, reply, 'agreement')
    if (!party) return reply
    const choseLargePrint = (request.query as { print?: string }).print === 'large'
    const file = await pages.agreementPdf(party, choseLargePrint)
    if (!file) return notFound(request, reply)
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${file.filename}"`)
      .send(file.pdf)
  })
}

// /cases/:id/certificates: the case's "Certificates" tab. The certificates issued, each as a page
// and as PDFs (standard and large print), and the certificate due, if one is.
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { roles } from '../../../db/schema/index.ts'
import { currentUser } from '../../../web/auth.ts'
import { recordAccess, caseContext, visibleCaseOr404, createWorkflowService } from '../../cases/index.ts'
import { certificateKindTitle, certificateKindTitles } from '../content.ts'
import { certificateLinks, largePrintAsked } from '../links.ts'
import { certificatesOf } from '../repository.ts'

export default async function certificatesTab(app: FastifyInstance, { database, clock }: AppDeps) {
  const workflow = createWorkflowService({ db: database.db, clock })

  app.get('/cases/:id/certificates', { config: { access: roles } }, async (request, reply) => {
    const found = await visibleCaseOr404(database.db, request, reply)
    if (!found) return reply
    await recordAccess(database.db, clock, {
      userId: currentUser(request).id,
      caseId: found.id,
      path: `/cases/${found.id}/certificates`,
    })

    const [issued, { state, deadlines }] = await Promise.all([
      certificatesOf(database.db, found.id),
      workflow.snapshot(found.id),
    ])
    const dueKind = state.certificateDue
    const deadline = deadlines.find((d) => d.name === 'certificate' && (d.status === 'open' || d.status === 'overdue'))
    return reply.view('certificates/list/view.njk', {
      ...caseContext(found, 'certificates'),
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
    })
  })
}

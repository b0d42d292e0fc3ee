// /portal/documents: the party's own documents. The family's mediation certificates (the
// certificate is theirs: the Tribunal asks them for it), letters addressed to this party, and the
// final agreement. Each download checks again that it is theirs.
import type { FastifyInstance } from 'fastify'
import { eq } from 'drizzle-orm'
import type { AppDeps } from '../../../app-deps.ts'
import { agreements, localAuthorities } from '../../../db/schema/index.ts'
import { formatDate } from '../../../web/format.ts'
import {
  certificateDocument,
  certificateKindTitle,
  renderCertificatePdf,
  certificatesOf,
  findCertificate,
} from '../../certificates/index.ts'
import { createWorkflowService } from '../../cases/index.ts'
import { renderLetterPdf } from '../../messages/index.ts'
import { isFamily } from '../party-access.ts'
import { partyFor, portalAccess, portalContext } from '../page.ts'
import { lettersTo, letterTo, partyRowOf } from '../repository.ts'

const certificateAddress = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(-large-print)?\.pdf$/i
const letterAddress = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.pdf$/i

const wantsLargePrint = (adjustments: unknown) =>
  ((adjustments as { kinds?: string[] } | null)?.kinds ?? []).includes('large-print')

export default async function portalDocuments(app: FastifyInstance, deps: AppDeps) {
  const db = deps.database.db
  const workflow = createWorkflowService({ db, clock: deps.clock })

  app.get('/portal/documents', { config: portalAccess }, async (request, reply) => {
    const party = await partyFor(request, reply, 'documents')
    if (!party) return reply
    const [certificates, letters, [agreement], row] = await Promise.all([
      isFamily(party.role) ? certificatesOf(db, party.caseId) : Promise.resolve([]),
      lettersTo(db, party.partyId),
      db
        .select({ status: agreements.status, finalisedOn: agreements.finalisedOn })
        .from(agreements)
        .where(eq(agreements.caseId, party.caseId)),
      partyRowOf(db, party.partyId),
    ])
    return reply.view('portal/documents/view.njk', {
      ...portalContext(deps, party, 'documents'),
      largePrint: wantsLargePrint(row?.adjustments),
      certificates: certificates.map((c) => ({ id: c.id, title: certificateKindTitle(c.kind), issuedOn: c.issuedOn })),
      letters,
      finalAgreement: agreement?.status === 'final' ? { finalisedOn: agreement.finalisedOn } : undefined,
    })
  })

  app.get('/portal/documents/certificates/:file', { config: portalAccess }, async (request, reply) => {
    const party = await partyFor(request, reply, 'documents')
    if (!party) return reply
    const match = certificateAddress.exec((request.params as { file: string }).file)
    const certificate =
      match && isFamily(party.role) ? await findCertificate(db, party.caseId, match[1]!.toLowerCase()) : undefined
    if (!match || !certificate) return reply.code(404).view('errors/not-found.njk')
    const appeal =
      certificate.content.appealDeadline ?? (await workflow.deadlinesOf(party.caseId)).find((d) => d.name === 'appeal')
    const document = certificateDocument(
      certificate.content,
      appeal ? { dueDate: appeal.dueDate, rule: appeal.rule } : undefined,
      formatDate,
    )
    const largePrint = match[2] !== undefined
    const pdf = await renderCertificatePdf(document, {
      largePrint,
      createdAt: deps.clock.now(),
      author: certificate.content.provider.name,
    })
    const name = `${certificate.content.number.replace(/[^A-Za-z0-9-]/g, '') || 'certificate'}${largePrint ? '-large-print' : ''}.pdf`
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="${name}"`)
      .send(pdf)
  })

  app.get('/portal/documents/letters/:file', { config: portalAccess }, async (request, reply) => {
    const party = await partyFor(request, reply, 'documents')
    if (!party) return reply
    const match = letterAddress.exec((request.params as { file: string }).file)
    const letter = match ? await letterTo(db, party.partyId, match[1]!.toLowerCase()) : undefined
    if (!match || !letter) return reply.code(404).view('errors/not-found.njk')
    const [service] = await db.select().from(localAuthorities).where(eq(localAuthorities.commissioned, true)).limit(1)
    const pdf = await renderLetterPdf(
      {
        recipientName: letter.recipientName,
        recipientAddress: letter.recipientAddress,
        subject: letter.subject,
        body: letter.body,
        date: formatDate(letter.createdAt),
        largePrint: letter.largePrint,
        sender: {
          name: service?.serviceName ?? 'Parley',
          address: service?.address ?? '',
          phone: service?.phone ?? '',
          email: service?.email ?? '',
        },
      },
      { createdAt: letter.createdAt },
    )
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', `attachment; filename="letter-${letter.id.slice(0, 8)}.pdf"`)
      .send(pdf)
  })
}

// /portal/documents: the party's own documents (documents-service.ts): the family's mediation
// certificates, letters addressed to this party, and the final agreement.
import type { FastifyInstance, FastifyReply } from 'fastify'
import type { AppDeps } from '../../../app-deps.ts'
import { notFound } from '../../../web/errors.ts'
import { createDocumentsService, type Download } from '../documents-service.ts'
import { partyFor, portalAccess, portalContext } from '../page.ts'

// A file's address is its id and what kind of copy: not an :id parameter, so read here.
const certificateAddress = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(-large-print)?\.pdf$/i
const letterAddress = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\.pdf$/i

const sendPdf = (reply: FastifyReply, file: Download) =>
  reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename="${file.filename}"`)
    .send(file.pdf)

export default async function portalDocuments(app: FastifyInstance, deps: AppDeps) {
  const service = createDocumentsService({ db: deps.database.db, clock: deps.clock })

  app.get('/portal/documents', { config: portalAccess }, async (request, reply) => {
    const party = await partyFor(request, reply, 'documents')
    if (!party) return reply
    return reply.view('portal/documents/view.njk', {
      ...portalContext(deps, party, 'documents'),
      ...(await service.documents(party)),
    })
  })

  app.get('/portal/documents/certificates/:file', { config: portalAccess }, async (request, reply) => {
    const party = await partyFor(request, reply, 'documents')
    if (!party) return reply
    const match = certificateAddress.exec((request.params as { file: string }).file)
    const file = match ? await service.certificate(party, match[1]!.toLowerCase(), match[2] !== undefined) : undefined
    return file ? sendPdf(reply, file) : notFound(request, reply)
  })

  app.get('/portal/documents/letters/:file', { config: portalAccess }, async (request, reply) => {
    const party = await partyFor(request, reply, 'documents')
    if (!party) return reply
    const match = letterAddress.exec((request.params as { file: string }).file)
    const file = match ? await service.letter(party, match[1]!.toLowerCase()) : undefined
    return file ? sendPdf(reply, file) : notFound(request, reply)
  })
}

// Every download and export in the audit trail (a report's CSV or PDF, a certificate, a letter, an
// agreement, the audit itself as CSV): any reply sent as an attachment is recorded, with who, from
// where, what file and the address asked for, before the file is sent; a download whose record
// cannot be written is not sent. One hook for the whole app, so a new download cannot be missed.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { recordEntry } from './record.ts'

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The case a download is of, when its address is one of a case's (/cases/:id/...). */
function caseOf(request: FastifyRequest): string | null {
  const id = (request.params as { id?: unknown } | undefined)?.id
  return request.routeOptions.url?.startsWith('/cases/:id') && typeof id === 'string' && uuid.test(id) ? id : null
}

function fileOf(reply: FastifyReply): string | undefined {
  const disposition = reply.getHeader('content-disposition')
  if (typeof disposition !== 'string' || !/^attachment\b/i.test(disposition)) return undefined
  return /filename="([^"]*)"/.exec(disposition)?.[1] ?? ''
}

export default fp(async function auditDownloads(app: FastifyInstance, opts: { db: Db; clock: Clock }) {
  app.addHook('onSend', async (request, reply, payload) => {
    if (reply.statusCode !== 200) return payload
    const file = fileOf(reply)
    if (file === undefined) return payload
    const [path, query] = request.url.split('?') as [string, string | undefined]
    await recordEntry(opts.db, opts.clock, {
      by: { userId: request.user?.id ?? null, ip: request.ip || null },
      action: 'download',
      record: { kind: 'download', id: path, caseId: caseOf(request) },
      before: null,
      after: {
        file,
        ...(query ? { query } : {}),
        ...(request.party ? { party: request.party.partyId } : {}),
      },
    })
    return payload
  })
})

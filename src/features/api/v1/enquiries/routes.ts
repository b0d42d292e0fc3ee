// POST /api/v1/enquiries: an enquiry for a child in the token's authority, made into a case.
// An Idempotency-Key header makes a retried request find the case it already made (200, not 201).
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { createApiEnquiryService } from '../../enquiry-service.ts'
import { apiRoute, currentToken, invalid, parseBody, refused } from '../../http.ts'
import { enquirySchema } from '../../schemas.ts'

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/

export default async function enquiries(app: FastifyInstance, { database, clock }: AppDeps) {
  const schema = enquirySchema(() => clock.today())
  const service = createApiEnquiryService({ db: database.db, clock })

  app.post('/api/v1/enquiries', { config: apiRoute }, async (request, reply) => {
    const token = currentToken(request)
    const key = request.headers['idempotency-key']
    if (key !== undefined && (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))) {
      return invalid(reply, { 'Idempotency-Key': 'Use 1 to 200 visible characters, for example a UUID' })
    }
    const parsed = parseBody(schema, request.body)
    if (!parsed.ok) return invalid(reply, parsed.fields)
    const made = await service.make(token, parsed.data, key)
    if (!made.ok) return refused(reply, made)
    request.log.info({ apiToken: token.id, caseId: made.id, created: made.created }, 'API token made an enquiry')
    return reply
      .code(made.created ? 201 : 200)
      .header('location', `/api/v1/cases/${encodeURIComponent(made.reference)}`)
      .send({ id: made.id, reference: made.reference })
  })
}

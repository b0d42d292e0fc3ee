// POST /api/v1/enquiries: an enquiry for a child in the token's authority, made into a case.
// An Idempotency-Key header makes a retried request find the case it already made (200, not 201).
import type { FastifyInstance } from 'fastify'
import type { AppDeps } from '../../../../app-deps.ts'
import { localAuthorities } from '../../../../db/schema/index.ts'
import { authorityForPostcode, normalisePostcode } from '../../../../domain/postcode.ts'
import type { RequestFacts } from '../../../../domain/request.ts'
import { createCase } from '../../../cases/index.ts'
import { apiRoute, currentToken, invalid, parseBody } from '../../http.ts'
import { enquirySchema } from '../../schemas.ts'

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/

export default async function enquiries(app: FastifyInstance, { database, clock }: AppDeps) {
  const schema = enquirySchema(() => clock.today())

  app.post('/api/v1/enquiries', { config: apiRoute }, async (request, reply) => {
    const token = currentToken(request)
    const key = request.headers['idempotency-key']
    if (key !== undefined && (typeof key !== 'string' || !IDEMPOTENCY_KEY.test(key))) {
      return invalid(reply, { 'Idempotency-Key': 'Use 1 to 200 visible characters, for example a UUID' })
    }
    const parsed = parseBody(schema, request.body)
    if (!parsed.ok) return invalid(reply, parsed.fields)
    const { channel, contactedOn, ...rest } = parsed.data

    // Only children who live in the token's authority: the case then belongs to that authority.
    const postcode = normalisePostcode(rest.child.postcode)
    if (!postcode) return invalid(reply, { 'child.postcode': 'Enter a real UK postcode, like WA1 1AA' })
    const authority = authorityForPostcode(postcode, await database.db.select().from(localAuthorities))
    if (authority?.id !== token.localAuthorityId) {
      return invalid(reply, {
        'child.postcode': `The postcode is not in the area of ${token.localAuthorityName}, which this token is for`,
      })
    }

    const facts: RequestFacts = {
      ...rest,
      child: { ...rest.child, postcode },
      adjustments: rest.adjustments ?? { kinds: [] },
    }
    const made = await createCase(database.db, clock, {
      facts,
      channel,
      contactedOn,
      // Keys are the integrator's own: kept apart per token, and apart from the service's forms.
      submissionKey: key ? `api:${token.id}:${key}` : undefined,
      actor: { label: `API: ${token.name}` },
    })
    request.log.info({ apiToken: token.id, caseId: made.id, created: made.created }, 'API token made an enquiry')
    return reply
      .code(made.created ? 201 : 200)
      .header('location', `/api/v1/cases/${encodeURIComponent(made.reference)}`)
      .send({ id: made.id, reference: made.reference })
  })
}

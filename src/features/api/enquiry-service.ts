// An enquiry sent by a council's system becomes a case, for a child who lives in the token's
// authority. An Idempotency-Key makes a retry find the case the first request made.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { oncePerKey } from '../../db/once-per-key.ts'
import { authorityForPostcode, normalisePostcode } from '../../domain/postcode.ts'
import type { RequestFacts } from '../../domain/request.ts'
import { refuse } from '../../domain/result.ts'
import { createCase } from '../cases/index.ts'
import type { ApiResult } from './http.ts'
import { allAuthorities } from './repository.ts'
import type { EnquiryBody } from './schemas.ts'
import type { ApiTokenIdentity } from './tokens.ts'

type NewCase = Parameters<typeof createCase>[2]

export function createApiEnquiryService({ db, clock }: { db: Db; clock: Clock }) {
  return {
    /** `created` is false for a retry with a key already used: the case is the first one. */
    async make(
      token: ApiTokenIdentity,
      body: EnquiryBody,
      idempotencyKey?: string,
    ): Promise<ApiResult<{ id: string; reference: string; created: boolean }>> {
      const { channel, contactedOn, ...rest } = body
      // Only children who live in the token's authority: the case then belongs to that authority.
      const postcode = normalisePostcode(rest.child.postcode)
      if (!postcode) return refuse('Enter a real UK postcode, like WA1 1AA', 'child.postcode')
      const authority = authorityForPostcode(postcode, await allAuthorities(db))
      if (authority?.id !== token.localAuthorityId) {
        return refuse(
          `The postcode is not in the area of ${token.localAuthorityName}, which this token is for`,
          'child.postcode',
        )
      }
      const facts: RequestFacts = {
        ...rest,
        child: { ...rest.child, postcode },
        adjustments: rest.adjustments ?? { kinds: [] },
      }
      // Keys are the integrator's own: kept apart per token, and apart from the service's forms.
      const key = idempotencyKey ? `api:${token.id}:${idempotencyKey}` : undefined
      const newCase: NewCase = {
        facts,
        channel,
        contactedOn,
        // The case is under the token's council: the token (and its council's staff) see it.
        localAuthorityId: token.localAuthorityId,
        submissionKey: key,
        actor: { label: `API: ${token.name}` },
      }
      if (!key) return { ok: true, ...(await createCase(db, clock, newCase)) }

      let ran = false
      const made = await oncePerKey(db, clock, key, (tx) => {
        ran = true
        // createCase runs its own transaction: inside this one, a savepoint.
        return createCase(tx as unknown as Db, clock, newCase)
      })
      return { ok: true, id: made.id, reference: made.reference, created: ran && made.created }
    },
  }
}

// Administrators issue and revoke the JSON API's tokens (the API area keeps them). A new token
// is made once per form submission, and comes back only to the call that made it.
import type { Clock } from '../../../clock.ts'
import type { Db } from '../../../db/client.ts'
import { oncePerKey } from '../../../db/once-per-key.ts'
import { refuse, RefusalError, refusalsAsResults, type Result } from '../../../domain/result.ts'
import { createApiTokenService } from '../../api/index.ts'
import { recordChange, type AuditActor } from '../../audit/index.ts'
import { authoritiesByName, authorityByCode } from '../authorities-repository.ts'

export function createTokenAdminService(db: Db, clock: Clock) {
  const tokens = createApiTokenService(db, clock)
  return {
    list: () => tokens.list(),
    find: (id: string) => tokens.find(id),
    /** The councils a token can be for, by name. */
    councils: () => authoritiesByName(db),

    /** A repeat of the form (a double click, a retry) finds the token without it: it is shown once. */
    async issue(
      input: {
        name: string
        authority: string
        requestsPerMinute: number
        createdBy: string
        submissionKey: string
      },
      by: AuditActor,
    ): Promise<Result<{ id: string; token?: string }>> {
      let token: string | undefined
      return refusalsAsResults(async () => {
        const { id } = await oncePerKey(db, clock, input.submissionKey, async (tx) => {
          const chosen = await authorityByCode(tx, input.authority)
          if (!chosen) throw new RefusalError('Select the council the token is for', 'authority')
          const made = await createApiTokenService(tx, clock).issue({
            name: input.name,
            localAuthorityId: chosen.id,
            createdBy: input.createdBy,
            requestsPerMinute: input.requestsPerMinute,
          })
          token = made.token
          await recordChange(tx, clock, {
            by,
            action: 'api-token.issued',
            record: { kind: 'api-token', id: made.id },
            before: null,
            after: {
              name: input.name,
              council: chosen.id,
              requestsPerMinute: input.requestsPerMinute,
              createdBy: input.createdBy,
            },
          })
          return { id: made.id } // never the token: what is kept here is read again by a repeat
        })
        return { ok: true, id, ...(token ? { token } : {}) }
      })
    },

    /**
     * A new limit for a token, unless someone changed it since the page showed `shown`; the change
     * is in the audit trail.
     */
    async setLimit(
      id: string,
      shown: number,
      requestsPerMinute: number,
      by: AuditActor,
    ): Promise<Result<{ name: string; from: number }>> {
      return refusalsAsResults(() =>
        db.transaction(async (tx) => {
          const service = createApiTokenService(tx, clock)
          const found = await service.find(id)
          if (!found) return refuse('There is no such token.', undefined, 'not-found')
          if (!(await service.setLimit(id, shown, requestsPerMinute))) {
            return refuse(
              `Someone else changed this limit while you were working on it: it is now ${found.requestsPerMinute.toLocaleString('en-GB')} requests a minute. Check the number and save again`,
              'requestsPerMinute',
              'stale',
            )
          }
          await recordChange(tx, clock, {
            by,
            action: 'api-token.limit-changed',
            record: { kind: 'api-token', id },
            before: { requestsPerMinute: shown },
            after: { requestsPerMinute },
          })
          return { ok: true as const, name: found.name, from: shown }
        }),
      )
    },

    /** The token's name, and whether it had been revoked already; a revocation is in the audit trail. */
    async revoke(id: string, by: AuditActor): Promise<Result<{ name: string; already: boolean }>> {
      const revoked = await db.transaction(async (tx) => {
        const done = await createApiTokenService(tx, clock).revoke(id)
        if (done && !done.already) {
          await recordChange(tx, clock, {
            by,
            action: 'api-token.revoked',
            record: { kind: 'api-token', id },
            before: { name: done.name, revoked: false },
            after: { name: done.name, revoked: true },
          })
        }
        return done
      })
      return revoked ? { ok: true, ...revoked } : refuse('There is no such token.', undefined, 'not-found')
    },
  }
}

// Administrators issue and revoke the JSON API's tokens (the API area keeps them). A new token
// is made once per form submission, and comes back only to the call that made it.
import type { Clock } from '../../../clock.ts'
import type { Db } from '../../../db/client.ts'
import { oncePerKey } from '../../../db/once-per-key.ts'
import { refuse, RefusalError, refusalsAsResults, type Result } from '../../../domain/result.ts'
import { createApiTokenService } from '../../api/index.ts'
import { authoritiesByName, authorityByCode } from '../authorities-repository.ts'

export function createTokenAdminService(db: Db, clock: Clock) {
  const tokens = createApiTokenService(db, clock)
  return {
    list: () => tokens.list(),
    find: (id: string) => tokens.find(id),
    /** The councils a token can be for, by name. */
    councils: () => authoritiesByName(db),

    /** A repeat of the form (a double click, a retry) finds the token without it: it is shown once. */
    async issue(input: {
      name: string
      authority: string
      createdBy: string
      submissionKey: string
    }): Promise<Result<{ id: string; token?: string }>> {
      let token: string | undefined
      return refusalsAsResults(async () => {
        const { id } = await oncePerKey(db, clock, input.submissionKey, async (tx) => {
          const chosen = await authorityByCode(tx, input.authority)
          if (!chosen) throw new RefusalError('Select the council the token is for', 'authority')
          const made = await createApiTokenService(tx, clock).issue({
            name: input.name,
            localAuthorityId: chosen.id,
            createdBy: input.createdBy,
          })
          token = made.token
          return { id: made.id } // never the token: what is kept here is read again by a repeat
        })
        return { ok: true, id, ...(token ? { token } : {}) }
      })
    },

    /** The token's name, and whether it had been revoked already. */
    async revoke(id: string): Promise<Result<{ name: string; already: boolean }>> {
      const revoked = await tokens.revoke(id)
      return revoked ? { ok: true, ...revoked } : refuse('There is no such token.', undefined, 'not-found')
    },
  }
}

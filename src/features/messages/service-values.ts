import type { Db, Tx } from '../../db/client.ts'
import { reachableCouncil } from '../../web/provider.ts'
import { caseCouncil, providerCouncil } from './repository.ts'

/**
 * The placeholders every message may use to say who we are and how to reach us: the details of
 * the case's council (as they are now), or the provider's own for a message of no case.
 */
export async function serviceValues(db: Db | Tx, caseId?: string | null): Promise<Record<string, string>> {
  const service = (caseId ? await caseCouncil(db, caseId) : undefined) ?? (await providerCouncil(db))
  // A council with no phone or email of its own is reached through the provider's (its settings).
  const reached = await reachableCouncil(db, service ?? { phone: null, email: null })
  return {
    'service-name': service?.serviceName ?? 'Parley',
    'service-phone': reached.phone,
    'service-email': reached.email,
    'opening-hours': service?.openingHours ?? '',
  }
}

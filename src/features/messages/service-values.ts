import type { Db, Tx } from '../../db/client.ts'
import { caseCouncil, providerCouncil } from './repository.ts'

/**
 * The placeholders every message may use to say who we are and how to reach us: the details of
 * the case's council (as they are now), or the provider's own for a message of no case.
 */
export async function serviceValues(db: Db | Tx, caseId?: string | null): Promise<Record<string, string>> {
  const service = (caseId ? await caseCouncil(db, caseId) : undefined) ?? (await providerCouncil(db))
  return {
    'service-name': service?.serviceName ?? 'Parley',
    'service-phone': service?.phone ?? '',
    'service-email': service?.email ?? '',
    'opening-hours': service?.openingHours ?? '',
  }
}

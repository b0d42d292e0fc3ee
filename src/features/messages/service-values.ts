import type { Db, Tx } from '../../db/client.ts'
import { commissionedService } from './repository.ts'

/** The placeholders every message may use to say who we are and how to reach us. */
export async function serviceValues(db: Db | Tx): Promise<Record<string, string>> {
  const service = await commissionedService(db)
  return {
    'service-name': service?.serviceName ?? 'Parley',
    'service-phone': service?.phone ?? '',
    'service-email': service?.email ?? '',
    'opening-hours': service?.openingHours ?? '',
  }
}

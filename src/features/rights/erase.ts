// Carrying out an accepted erasure: each case the person was found in anonymised by the retention
// area (names, contact details, free text and documents removed; what the reports count kept), in
// the transaction that marks the request done, so that a case refused undoes them all.
import type { Clock } from '../../clock.ts'
import type { Db, Tx } from '../../db/client.ts'
import { RefusalError } from '../../domain/result.ts'
import type { AuditActor } from '../audit/index.ts'
import { anonymiseCase } from '../retention/index.ts'
import { erasureBlockers } from './erasure.ts'
import type { RightsRequestRow } from './repository.ts'

/** Anonymises every case of the request, in the caller's transaction: any case refused undoes them all. */
export async function eraseCases(tx: Tx, clock: Clock, by: AuditActor, request: RightsRequestRow) {
  const db = tx as unknown as Db
  const stops = await erasureBlockers(db, request.matches)
  if (stops.length) throw new RefusalError(`The data cannot be erased: ${stops.join('; ')}`, 'outcome')
  for (const caseId of new Set(request.matches.map((m) => m.caseId))) {
    const result = await anonymiseCase({ db, clock }, caseId, {
      by,
      why: 'erasure',
      label: `Erasure request ${request.reference}`,
    })
    if (!result.ok) throw new RefusalError(`The data cannot be erased yet: ${result.reason}`, 'outcome')
  }
}

// Erasure (UK GDPR art. 17) where the law allows it, as the retention schedule's anonymisation of
// each case the person was found in. It is not allowed while the data is needed for a legal claim
// (art. 17(3)(e)): a case with an appeal to the SEND Tribunal recorded (Parley records no end to
// an appeal, so a recorded appeal counts as open) or under a legal hold; the retention area also
// refuses a case still open, or with a complaint about it open.
import type { Db } from '../../db/client.ts'
import type { RightsMatch } from '../../db/schema/index.ts'
import { casesToKeep } from './repository.ts'

const holdNames: Record<string, string> = {
  complaint: 'a complaint is open',
  'tribunal-appeal': 'a tribunal appeal is open',
}

/** Why each case cannot be erased, in words for the decision's reasons; empty when nothing stops it. */
export async function erasureBlockers(db: Db, matches: RightsMatch[]): Promise<string[]> {
  const kept = await casesToKeep(db, [...new Set(matches.map((m) => m.caseId))])
  return kept.map((k) =>
    k.appeal
      ? `case ${k.reference} has an appeal to the SEND Tribunal, and its record is needed for that legal claim (UK GDPR art. 17(3)(e))`
      : `case ${k.reference} is under a legal hold (${holdNames[k.hold!] ?? 'kept for a legal claim'}; UK GDPR art. 17(3)(e))`,
  )
}

// An enquiry logged by staff becomes a case, once per one-time key: a doubled or retried submit
// finds the case the first one made. The case is under a council the person logging it works for:
// the one they chose, or else the one the postcode is in.
import type { Clock } from '../../clock.ts'
import type { Db } from '../../db/client.ts'
import { oncePerKey } from '../../db/once-per-key.ts'
import { authorityForPostcode } from '../../domain/postcode.ts'
import { refuse, type Result } from '../../domain/result.ts'
import { worksFor, type StaffUser } from '../../domain/staff.ts'
import { createCase, type Actor } from '../cases/index.ts'
import type { Enquiry } from './new/schema.ts'
import { commissioningCouncils } from './repository.ts'

/** The commissioning councils this person works for, by name: the ones they may log an enquiry under. */
export async function councilsOf(db: Db, user: StaffUser) {
  return (await commissioningCouncils(db)).filter((c) => worksFor(user, c.id))
}

export async function logEnquiry(
  db: Db,
  clock: Clock,
  enquiry: Enquiry,
  actor: Actor,
  user: StaffUser,
): Promise<Result<{ id: string }>> {
  const { facts, channel, contactedOn, firstContact, submissionKey } = enquiry
  const theirs = await councilsOf(db, user)
  const council = enquiry.councilId
    ? theirs.find((c) => c.id === enquiry.councilId)
    : authorityForPostcode(facts.child.postcode, theirs)
  if (!council) {
    return refuse(
      enquiry.councilId
        ? 'Select a council you work for'
        : `${facts.child.postcode} is not in the area of a council you work for. Select the council the enquiry is for`,
      'council',
    )
  }
  const { id } = await oncePerKey(db, clock, submissionKey, async (tx) => {
    // createCase runs its own transaction: inside this one, a savepoint.
    const made = await createCase(tx as unknown as Db, clock, {
      facts,
      channel,
      contactedOn,
      firstContact,
      submissionKey,
      localAuthorityId: council.id,
      actor,
    })
    return { id: made.id }
  })
  return { ok: true, id }
}

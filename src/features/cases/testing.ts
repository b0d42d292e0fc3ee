// For tests of the case pages: a request as a parent would make it, and a case made from it.
import { asc, eq } from 'drizzle-orm'
import type { Clock } from '../../clock.ts'
import type { Database } from '../../db/client.ts'
import { localAuthorities } from '../../db/schema/index.ts'
import type { RequestFacts } from '../../domain/request.ts'
import { createCase, type NewCase } from './create-case.ts'

export function sampleFacts(
  change: { childName?: string; parentName?: string; whatHappened?: string } = {},
): RequestFacts {
  return {
    requester: { role: 'parent', name: change.parentName ?? 'Sarah Hartley' },
    child: {
      name: change.childName ?? 'Amelia Hartley',
      dateOfBirth: '2015-03-14',
      setting: 'Oakwood Primary School',
      postcode: 'WA1 1AA',
    },
    ehcStatus: 'has-plan',
    areas: ['ehc-decision'],
    decision: { kind: 'refuse-amend', letterDate: '2026-10-19' },
    otherParties: [{ kind: 'local-authority', name: 'Warrington Borough Council' }],
    whatHappened: change.whatHappened ?? 'The review was in June.\nThe council said no to changes.',
    contact: { methods: ['email'], email: 'sarah@example.com' },
    adjustments: { kinds: [] },
  }
}

/** The id of the council a fresh install starts with (Warrington, postcodes WA1-WA5 and WA13). */
export async function firstCouncilId(database: Database): Promise<string> {
  const [row] = await database.db
    .select({ id: localAuthorities.id })
    .from(localAuthorities)
    .where(eq(localAuthorities.commissioned, true))
    .orderBy(asc(localAuthorities.createdAt), asc(localAuthorities.code))
    .limit(1)
  if (!row) throw new Error('There is no commissioning council')
  return row.id
}

/** A case as a parent would ask for it, under the council given (else the first council). */
export async function makeCase(
  database: Database,
  clock: Clock,
  change: Parameters<typeof sampleFacts>[0] & { channel?: NewCase['channel']; localAuthorityId?: string } = {},
) {
  return createCase(database.db, clock, {
    facts: sampleFacts(change),
    channel: change.channel ?? 'online',
    localAuthorityId: change.localAuthorityId ?? (await firstCouncilId(database)),
    actor: { label: 'The person asking for help' },
  })
}

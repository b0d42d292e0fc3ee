// For tests of the case pages: a request as a parent would make it, and a case made from it.
import type { Clock } from '../../clock.ts'
import type { Database } from '../../db/client.ts'
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

export async function makeCase(
  database: Database,
  clock: Clock,
  change: Parameters<typeof sampleFacts>[0] & { channel?: NewCase['channel'] } = {},
) {
  return createCase(database.db, clock, {
    facts: sampleFacts(change),
    channel: change.channel ?? 'online',
    actor: { label: 'The person asking for help' },
  })
}

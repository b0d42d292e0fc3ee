// For tests: mediators on the panel in good standing, and allocations made directly.
import { eq } from 'drizzle-orm'
import type { Clock } from '../../clock.ts'
import type { Database } from '../../db/client.ts'
import { allocations, mediatorCpd, mediators } from '../../db/schema/index.ts'

export async function makeMediator(
  database: Database,
  clock: Clock,
  change: Partial<typeof mediators.$inferInsert> = {},
) {
  const [row] = await database.db
    .insert(mediators)
    .values({
      name: 'Maya Mediator',
      email: `mediator-${Math.random().toString(36).slice(2)}@example.com`,
      cmcRegistrationNumber: 'CMC123',
      cmcRegistrationExpiry: '2027-06-30',
      sendRegisterNumber: 'SEND456',
      sendRegisterExpiry: '2027-06-30',
      senTrainingCompletedOn: '2024-03-01',
      insurer: 'Mutual',
      insuranceCoverPounds: 2_000_000,
      insuranceExpiry: '2027-06-30',
      dbsCheckedOn: '2025-01-01',
      dbsRenewalDue: '2028-01-01',
      languages: ['English'],
      areas: ['warrington'],
      workingDays: [1, 2, 3, 4, 5],
      createdAt: clock.now(),
      updatedAt: clock.now(),
      ...change,
    })
    .returning()
  await database.db
    .insert(mediatorCpd)
    .values({ mediatorId: row!.id, completedOn: clock.today(), hours: '8', activity: 'Course', createdAt: clock.now() })
  return row!
}

/** An allocation row only (no workflow event): for access tests. */
export async function allocateDirectly(
  database: Database,
  clock: Clock,
  caseId: string,
  mediatorId: string,
  allocatedBy: string,
) {
  const [row] = await database.db
    .insert(allocations)
    .values({
      caseId,
      mediatorId,
      allocatedBy,
      allocatedAt: clock.now(),
      reasons: { rank: 1, of: 1, score: 0, reasons: [], window: { from: clock.today(), to: clock.today() } },
      note: 'test',
    })
    .returning()
  return row!
}

export async function endAllocation(database: Database, clock: Clock, allocationId: string) {
  await database.db
    .update(allocations)
    .set({ endedAt: clock.now(), endedBecause: 'withdrawn' })
    .where(eq(allocations.id, allocationId))
}

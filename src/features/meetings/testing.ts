// For the meeting tests: a SEN mediation case ready for its meeting (the council invited, a
// mediator allocated, preparation started, every party contacted), and venues with rooms.
import assert from 'node:assert/strict'
import { eq } from 'drizzle-orm'
import type { TestApp } from '../../../test/helpers/app.ts'
import type { Clock } from '../../clock.ts'
import type { Database } from '../../db/client.ts'
import { caseParties, users, venueRooms, venues } from '../../db/schema/index.ts'
import { allocateDirectly } from '../allocation/testing.ts'
import { createWorkflowService } from '../cases/index.ts'
import { insertMediator } from '../mediators/testing.ts'
import { contactEveryParty, preparationCase } from '../preparation/testing.ts'

/** Sarah Hartley (parent, sarah@example.com), Warrington Borough Council and Brookfield Primary School (senco@brookfield.example.com). */
export async function meetingCase(
  t: TestApp,
  options: {
    mediator?: { id: string; email: string; name: string }
    mediatorUserId?: string
    contact?: boolean
    /** false: leave the case at "Mediator allocated", as if nobody pressed "Start preparation". */
    startPreparation?: boolean
  } = {},
) {
  const c = await preparationCase(t)
  await t.database.db
    .update(caseParties)
    .set({ email: 'senco@brookfield.example.com', contactPreferences: { methods: ['email'] } })
    .where(eq(caseParties.id, c.school.id))
  await t.database.db
    .update(caseParties)
    .set({ adjustments: { kinds: ['accessible-venue'], details: 'Uses a wheelchair' } })
    .where(eq(caseParties.id, c.parent.id))
  const [someone] = await t.database.db.select().from(users).limit(1)
  const by =
    someone ??
    (
      await t.database.db
        .insert(users)
        .values({
          email: `setup-${Math.random()}@example.com`,
          name: 'Set Up',
          roles: ['coordinator'],
          passwordHash: 'x',
        })
        .returning()
    )[0]!
  const mediator =
    options.mediator ??
    (await insertMediator(t.database, {
      name: 'Maya Mediator',
      email: `maya-${Math.random().toString(36).slice(2)}@example.com`,
      userId: options.mediatorUserId ?? null,
    }))
  await allocateDirectly(t.database, t.clock, c.id, mediator.id, by.id)
  const workflow = createWorkflowService({ db: t.database.db, clock: t.clock })
  const result = await workflow.apply(
    c.id,
    [
      { type: 'decide-scope', scope: 'sen-mediation', reason: 'The council will not amend the EHC plan.' },
      { type: 'choose-mediation' },
      { type: 'invite-party', party: 'local-authority', on: t.clock.today(), how: 'email' },
      { type: 'allocate-mediator', mediator: 'Maya Mediator', mediatorId: mediator.id },
      ...(options.startPreparation === false ? [] : [{ type: 'start-preparation' } as const]),
    ],
    { actor: { label: 'Set up by the test' } },
  )
  assert.ok(result.ok, result.ok ? '' : result.reason)
  if (options.contact !== false) await contactEveryParty(t.database, t.clock, c.id, by)
  return { ...c, mediator }
}

export async function makeVenue(
  database: Database,
  clock: Clock,
  change: Partial<typeof venues.$inferInsert> = {},
  rooms: { name: string; capacity?: number; isBreakout?: boolean }[] = [
    { name: 'Room 1' },
    { name: 'Quiet room', isBreakout: true },
  ],
) {
  const [venue] = await database.db
    .insert(venues)
    .values({
      name: 'Warrington Town Hall',
      kind: 'in-person',
      address: 'Sankey Street, Warrington',
      postcode: 'WA1 1UH',
      stepFree: true,
      hearingLoop: true,
      createdAt: clock.now(),
      ...change,
    })
    .returning()
  const saved = rooms.length
    ? await database.db
        .insert(venueRooms)
        .values(
          rooms.map((r) => ({
            venueId: venue!.id,
            name: r.name,
            capacity: r.capacity ?? 8,
            isBreakout: r.isBreakout ?? false,
          })),
        )
        .returning()
    : []
  return { venue: venue!, rooms: saved }
}

export const dateFields = (name: string, iso: string) => {
  const [y, m, d] = iso.split('-')
  return { [`${name}-day`]: String(Number(d)), [`${name}-month`]: String(Number(m)), [`${name}-year`]: y! }
}

import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { createStaff, createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { cases, localAuthorities, roles } from '../../db/schema/index.ts'
import type { Role } from '../../domain/staff.ts'
import type { StaffUser } from '../../web/auth.ts'
import { allocateDirectly, endAllocation, makeMediator } from '../allocation/testing.ts'
import { canSeeCase, visibleCases } from './access.ts'
import { makeCase } from './testing.ts'

const userWith = (
  role: Role,
  id = '00000000-0000-4000-8000-000000000000',
  councils: StaffUser['councils'] = 'all',
): StaffUser => ({
  id,
  email: 'u@example.com',
  name: 'U',
  roles: [role],
  mustChangePassword: false,
  councils,
})

describe('who may see a case', () => {
  let t: TestApp
  let caseId: string
  let otherCaseId: string
  let mediatorUser: StaffUser
  let allocationId: string
  before(async () => {
    t = await createTestApp()
    caseId = (await makeCase(t.database, t.clock)).id
    otherCaseId = (await makeCase(t.database, t.clock, { childName: 'Ben Other' })).id
    const coordinator = await createStaff(t.database, 'coordinator@example.com', ['coordinator'])
    const account = await createStaff(t.database, 'mediator@example.com', ['mediator'])
    mediatorUser = userWith('mediator', account.id)
    const mediator = await makeMediator(t.database, t.clock, { userId: account.id })
    allocationId = (await allocateDirectly(t.database, t.clock, caseId, mediator.id, coordinator.id)).id
  })
  after(() => t.close())

  const sees = async (user: StaffUser, id: string) => {
    const one = await canSeeCase(t.database.db, user, { id })
    const listed = await t.database.db.select({ id: cases.id }).from(cases).where(visibleCases(user))
    assert.equal(
      listed.some((c) => c.id === id),
      one,
      'the list and the case pages must agree',
    )
    return one
  }

  it('lets coordinators, managers and administrators see every case, and a mediator with no allocation none', async () => {
    const answers = []
    for (const r of roles) answers.push([r, await sees(userWith(r), caseId)])
    assert.deepEqual(answers, [
      ['coordinator', true],
      ['mediator', false],
      ['manager', true],
      ['administrator', true],
    ])
  })

  it('lets a mediator see exactly the case they hold the allocation for, until it ends', async () => {
    assert.equal(await sees(mediatorUser, caseId), true)
    assert.equal(await sees(mediatorUser, otherCaseId), false)
    await endAllocation(t.database, t.clock, allocationId)
    assert.equal(await sees(mediatorUser, caseId), false)
  })

  it('lets a coordinator or manager see only the cases of the councils they work for, and a commissioner none', async () => {
    const [warrington] = await t.database.db.select().from(localAuthorities)
    const [halton] = await t.database.db
      .insert(localAuthorities)
      .values({
        code: 'halton',
        name: 'Halton Borough Council',
        commissioned: true,
        serviceName: 'x',
        phone: '0',
        address: 'x',
        openingHours: 'x',
      })
      .returning()
    const ours = (await makeCase(t.database, t.clock, { childName: 'Wren Ours' })).id
    const theirs = (await makeCase(t.database, t.clock, { childName: 'Hal Theirs', localAuthorityId: halton!.id })).id
    const answers = []
    for (const [role, councils] of [
      ['coordinator', [warrington!.id]],
      ['manager', [warrington!.id]],
      ['manager', [warrington!.id, halton!.id]],
      ['coordinator', []],
      ['commissioner', [warrington!.id, halton!.id]],
      ['administrator', 'all'],
    ] as const) {
      const user = userWith(role, undefined, councils)
      answers.push([
        role,
        councils === 'all' ? 'all' : councils.length,
        await sees(user, ours),
        await sees(user, theirs),
      ])
    }
    assert.deepEqual(answers, [
      ['coordinator', 1, true, false],
      ['manager', 1, true, false],
      ['manager', 2, true, true],
      ['coordinator', 0, false, false],
      ['commissioner', 2, false, false],
      ['administrator', 'all', true, true],
    ])
  })

  it('lets a mediator see the case they hold whatever its council, and a coordinator who mediates both kinds', async () => {
    const [warrington] = await t.database.db
      .select()
      .from(localAuthorities)
      .where(eq(localAuthorities.code, 'warrington'))
    const [halton] = await t.database.db.select().from(localAuthorities).where(eq(localAuthorities.code, 'halton'))
    const held = (await makeCase(t.database, t.clock, { childName: 'Ida Held', localAuthorityId: halton!.id })).id
    const account = await createStaff(t.database, 'both@example.com', ['mediator', 'coordinator'], 'Bo Both', [
      warrington!.id,
    ])
    const coordinator = await createStaff(t.database, 'other.coordinator@example.com', ['coordinator'])
    const mediator = await makeMediator(t.database, t.clock, { userId: account.id })
    await allocateDirectly(t.database, t.clock, held, mediator.id, coordinator.id)
    const notHeld = (await makeCase(t.database, t.clock, { childName: 'Nell Notheld', localAuthorityId: halton!.id }))
      .id
    const ours = (await makeCase(t.database, t.clock, { childName: 'Olly Ours' })).id
    const asMediator = { ...userWith('mediator', account.id, [warrington!.id]) }
    assert.equal(await sees(asMediator, held), true, 'the case they were given, of another council')
    assert.equal(await sees(asMediator, notHeld), false)
    assert.equal(await sees(asMediator, ours), false, 'a mediator alone sees no council’s cases')
    const asBoth: StaffUser = { ...asMediator, roles: ['mediator', 'coordinator'] }
    assert.equal(await sees(asBoth, held), true)
    assert.equal(await sees(asBoth, ours), true)
    assert.equal(await sees(asBoth, notHeld), false)
  })
})

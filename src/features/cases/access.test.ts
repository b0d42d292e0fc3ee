import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createStaff, createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { cases, roles } from '../../db/schema/index.ts'
import type { StaffUser } from '../../web/auth.ts'
import { allocateDirectly, endAllocation, makeMediator } from '../allocation/testing.ts'
import { canSeeCase, visibleCases } from './access.ts'
import { makeCase } from './testing.ts'

const userWith = (role: (typeof roles)[number], id = '00000000-0000-4000-8000-000000000000'): StaffUser => ({
  id,
  email: 'u@example.com',
  name: 'U',
  roles: [role],
  mustChangePassword: false,
  councils: 'all',
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
})

import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { cases, roles } from '../../db/schema/index.ts'
import type { StaffUser } from '../../web/auth.ts'
import { canSeeCase, visibleCases } from './access.ts'
import { makeCase } from './testing.ts'

const userWith = (role: (typeof roles)[number]): StaffUser => ({ id: 'u', email: 'u@example.com', name: 'U', roles: [role], mustChangePassword: false })

describe('who may see a case', () => {
  let t: TestApp
  let caseId: string
  before(async () => {
    t = await createTestApp()
    caseId = (await makeCase(t.database, t.clock)).id
  })
  after(() => t.close())

  it('lets coordinators, managers and administrators see every case, and mediators none yet', () => {
    assert.deepEqual(roles.map((r) => [r, canSeeCase(userWith(r), { id: caseId })]), [
      ['coordinator', true], ['mediator', false], ['manager', true], ['administrator', true],
    ])
  })

  it('gives lists the same answer as the case pages', async () => {
    for (const role of roles) {
      const listed = await t.database.db.select({ id: cases.id }).from(cases).where(visibleCases(userWith(role)))
      assert.equal(listed.some((c) => c.id === caseId), canSeeCase(userWith(role), { id: caseId }), role)
    }
  })
})

// An account locked by failed sign-ins: its page says so and until when, and an administrator can
// unlock it, in the audit trail; the person then signs in at once. An account that is not locked
// cannot be unlocked (and says why).
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { auditTrail, signInFailures } from '../../../../db/schema/index.ts'
import { Agent } from '../../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html } from '../../../../../test/helpers/html.ts'

describe('unlocking a staff account', () => {
  let t: TestApp
  let admin: Agent
  let adminId: string
  let lenaId: string
  before(async () => {
    t = await createTestApp()
    adminId = (await createStaff(t.database, 'admin@example.com', ['administrator'], 'Ada Admin')).id
    lenaId = (await createStaff(t.database, 'lena@example.com', ['coordinator'], 'Lena Marsh')).id
    admin = await new Agent(t.app).signIn('admin@example.com')
  })
  after(() => t.close())

  const accountRow = async () =>
    (await t.database.db.select().from(signInFailures)).find((r) => r.key.startsWith('account:'))

  it('is refused while the account is not locked, saying so', async () => {
    await admin.get(`/admin/users/${lenaId}`)
    const res = await admin.post(`/admin/users/${lenaId}/unlock`)
    assertFormErrors(res, ['unlock'])
    assert.match(html(res).getElementById('unlock')!.text, /Lena Marsh’s account is not locked: they can sign in now/)
    assert.equal((await admin.get(`/admin/users/${lenaId}`)).body.includes('Unlock account'), false)
  })

  it('lets a locked account sign in at once, and puts it in the audit trail', async () => {
    // Ten wrong passwords, each wait waited out: locked for 30 minutes.
    const guesser = new Agent(t.app)
    for (let i = 0; i < 10; i++) {
      const row = await accountRow()
      if (row?.blockedUntil) t.clock.set(row.blockedUntil)
      await guesser.submit('/sign-in', { email: 'lena@example.com', password: `guess ${i}` })
    }
    const locked = await accountRow()
    assert.equal(locked?.failures, 10)
    await assert.rejects(new Agent(t.app).signIn('lena@example.com'), /sign-in failed: 400/, 'locked')

    const page = await admin.get(`/admin/users/${lenaId}`)
    assert.equal(page.statusCode, 200)
    const doc = html(page)
    assert.match(doc.querySelector('.govuk-summary-list')!.text, /Locked\s+until .*after too many failed sign-ins/)
    assert.match(
      doc.querySelector(`form[action="/admin/users/${lenaId}/unlock"]`)!.text,
      /nobody can sign in to it until/,
    )

    assertRedirect(await admin.post(`/admin/users/${lenaId}/unlock`), `/admin/users/${lenaId}`)
    const after = await admin.get(`/admin/users/${lenaId}`)
    assert.match(after.body, /Lena Marsh’s account is unlocked: they can sign in again now/)
    assert.ok(!after.body.includes('Unlock account'))
    assert.equal(await accountRow(), undefined)
    const [entry] = await t.database.db
      .select()
      .from(auditTrail)
      .where(and(eq(auditTrail.recordId, lenaId), eq(auditTrail.action, 'staff.unlocked')))
    assert.equal(entry?.userId, adminId)
    assert.deepEqual(entry?.before, { lockedUntil: locked!.blockedUntil!.toISOString() })
    assert.deepEqual(entry?.after, { lockedUntil: null })

    // Well before the lock would have ended, Lena signs in (password and code).
    await new Agent(t.app).signIn('lena@example.com')
  })
})

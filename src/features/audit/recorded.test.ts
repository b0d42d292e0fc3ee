// Each kind of change and read the audit trail now keeps, through the pages that make them: API
// tokens issued and revoked, service settings, message wording saved and reset, a mediator's record,
// a download, and sign-ins (recordSignIn, for the sign-in pages to call). Who, from where, what, the
// record, and before and after.
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { Agent } from '../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { html } from '../../../test/helpers/html.ts'
import { auditTrail } from '../../db/schema/index.ts'
import { profileFields } from '../mediators/testing.ts'
import { recordSignIn } from './index.ts'

describe('what the audit trail records', () => {
  let t: TestApp
  let admin: Agent
  let adminId: string
  before(async () => {
    t = await createTestApp({ now: '2026-11-27T10:00:00Z' })
    adminId = (await createStaff(t.database, 'ada@example.com', ['administrator'], 'Ada Admin')).id
    admin = await new Agent(t.app).signIn('ada@example.com')
  })
  after(() => t.close())

  const entries = (kind: string, action?: string) =>
    t.database.db
      .select()
      .from(auditTrail)
      .where(and(eq(auditTrail.recordKind, kind), action ? eq(auditTrail.action, action) : undefined))
      .orderBy(auditTrail.id)
  const keyOf = (body: string) => /name="submissionKey" value="([^"]+)"/.exec(body)?.[1] ?? ''

  it('an API token issued and revoked, by whom and from where', async () => {
    const form = await admin.get('/admin/api-tokens/new')
    const res = await admin.post('/admin/api-tokens/new', {
      submissionKey: keyOf(form.body),
      name: 'Warrington case system',
      authority: 'warrington',
    })
    const id = /\/admin\/api-tokens\/([0-9a-f-]{36})\/token/.exec(String(res.headers.location))![1]!
    await admin.submit(`/admin/api-tokens/${id}/revoke`)
    const [issued, revoked] = await entries('api-token')
    assert.deepEqual(
      [issued?.action, issued?.recordId, issued?.userId, issued?.before],
      ['api-token.issued', id, adminId, null],
    )
    assert.ok(issued?.ip)
    assert.deepEqual(issued?.after, {
      name: 'Warrington case system',
      council: (issued?.after as { council: string }).council,
      requestsPerMinute: 120,
      createdBy: 'ada@example.com',
    })
    assert.deepEqual(
      [revoked?.action, revoked?.before, revoked?.after],
      [
        'api-token.revoked',
        { name: 'Warrington case system', revoked: false },
        { name: 'Warrington case system', revoked: true },
      ],
    )
  })

  it('the service settings, each changed setting before and after', async () => {
    const page = await admin.get('/admin/settings')
    const shown = html(page).querySelector('input[name="shown"]')?.getAttribute('value') ?? ''
    await admin.post('/admin/settings', {
      shown,
      appealExclusion: 'move-out',
      chaserWorkingDays: '7',
      dueSoonWorkingDays: '5',
      meetingReminderDays: '2',
    })
    const [changed] = await entries('settings', 'settings.changed')
    assert.equal(changed?.userId, adminId)
    assert.deepEqual([changed?.before, changed?.after], [{ chaserWorkingDays: 5 }, { chaserWorkingDays: 7 }])
  })

  it('message wording saved and put back, the wording before and after', async () => {
    const url = '/admin/templates/case-update'
    await admin.submit(url, { action: 'save', subject: 'News about ((child))', body: 'Hello ((name)),\n\n((update))' })
    await admin.submit(`${url}/reset`)
    const [saved, reset] = await entries('message-wording')
    assert.equal(saved?.recordId, 'case-update')
    assert.equal(saved?.userId, adminId)
    assert.deepEqual(saved?.after, {
      subject: 'News about ((child))',
      body: 'Hello ((name)),\n\n((update))',
      changed: true,
    })
    assert.equal((saved?.before as { changed: boolean }).changed, false)
    assert.equal(reset?.action, 'message-wording.reset')
    assert.deepEqual(reset?.before, saved?.after)
  })

  it("a mediator's record added and changed, and their CPD", async () => {
    const res = await admin.post('/mediators/new', { ...profileFields(), submissionKey: randomUUID() })
    const id = /^\/mediators\/([0-9a-f-]{36})$/.exec(String(res.headers.location))![1]!
    await admin.submit(`/mediators/${id}/edit`, { ...profileFields({ phone: '01632 960 123' }), version: '1' })
    const [created, changed] = await entries('mediator')
    assert.deepEqual([created?.action, created?.recordId, created?.before], ['mediator.created', id, null])
    assert.equal(changed?.action, 'mediator.changed')
    assert.equal((changed?.after as { phone: string }).phone, '01632 960 123')
    assert.notEqual((changed?.before as { phone: string }).phone, '01632 960 123')
  })

  it('sign-ins and failed sign-ins, with where they came from (an address with no account is not kept)', async () => {
    await recordSignIn(t.database.db, t.clock, { userId: adminId, ip: '192.0.2.7', outcome: { ok: true } })
    await recordSignIn(t.database.db, t.clock, {
      userId: null,
      ip: '192.0.2.8',
      outcome: { ok: false, reason: 'password' },
    })
    // The pages' own sign-ins (the agent's, from 127.0.0.1) are there too: these are the two above.
    const [ok, failed] = (await entries('sign-in')).filter((e) => e.ip?.startsWith('192.0.2.'))
    assert.deepEqual(
      [ok?.action, ok?.userId, ok?.ip, ok?.recordId],
      ['sign-in.succeeded', adminId, '192.0.2.7', adminId],
    )
    assert.deepEqual(
      [failed?.action, failed?.userId, failed?.ip, failed?.recordId, failed?.after],
      ['sign-in.failed', null, '192.0.2.8', 'no-such-account', { signedIn: false, reason: 'password' }],
    )
  })
})

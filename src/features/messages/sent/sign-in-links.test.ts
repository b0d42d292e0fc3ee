// A portal sign-in link is never readable by staff: under Sent messages, administrators and
// managers see the message with the link (or a text message's code) hidden; the outbox keeps it
// whole, and the family's link still works.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { desc, eq } from 'drizzle-orm'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { html } from '../../../../test/helpers/html.ts'
import { messages } from '../../../db/schema/index.ts'
import { latestLink, portalCases } from '../../portal/testing.ts'
import { withSignInSecretsHidden } from '../sign-in-secrets.ts'

describe('sign-in links under Sent messages', () => {
  let t: TestApp
  let admin: Agent
  let manager: Agent
  let made: Awaited<ReturnType<typeof portalCases>>
  before(async () => {
    t = await createTestApp()
    await createStaff(t.database, 'admin@example.org', ['administrator'], 'Ada Admin')
    await createStaff(t.database, 'manager@example.org', ['manager'], 'Max Manager')
    admin = await new Agent(t.app).signIn('admin@example.org')
    manager = await new Agent(t.app).signIn('manager@example.org')
    made = await portalCases(t)
  })
  after(() => t.close())

  const newest = async (templateKey: string) =>
    (
      await t.database.db
        .select()
        .from(messages)
        .where(eq(messages.templateKey, templateKey))
        .orderBy(desc(messages.createdAt), desc(messages.id))
        .limit(1)
    )[0]!

  it('shows administrators and managers the email with its link hidden, and the link still works', async () => {
    const family = new Agent(t.app)
    assert.equal((await family.submit('/portal/sign-in', { contact: made.parent.email! })).statusCode, 303)
    const link = await latestLink(t, made.parent.email!)
    const token = link.split('/').pop()!
    const row = await newest('portal-sign-in-link')

    for (const staff of [admin, manager]) {
      const list = await staff.get('/admin/messages')
      assert.ok(html(list).querySelector(`a[href="/admin/messages/${row.id}"]`), 'listed')
      assert.ok(!list.body.includes(token))
      const page = await staff.get(`/admin/messages/${row.id}`)
      assert.equal(page.statusCode, 200)
      assert.ok(!page.body.includes(token), 'the token is nowhere on the page')
      const body = html(page).getElementById('message-body')!.textContent
      assert.match(body, /\/portal\/sign-in\/\[link hidden\]/)
      assert.match(body, /The link works once/, 'the rest of the message is shown')
      assert.match(html(page).getElementById('secret-hidden')!.textContent, /only the person it was sent to can use it/)
    }
    // The outbox keeps it whole, and the family can use it.
    assert.ok(row.body.includes(token))
    assert.equal((await family.get(link)).statusCode, 200)
    assert.equal((await family.post(link)).statusCode, 303)
  })

  it("hides a text message's code", async () => {
    const family = new Agent(t.app)
    assert.equal((await family.submit('/portal/sign-in', { contact: '07700 900 123' })).statusCode, 303)
    const row = await newest('portal-sign-in-code')
    const code = /\b\d{6}\b/.exec(row.body)![0]
    const page = await admin.get(`/admin/messages/${row.id}`)
    assert.ok(!html(page).getElementById('message-body')!.textContent.includes(code))
    assert.match(html(page).getElementById('message-body')!.textContent, /^\[code hidden\] is your code/)
  })

  it('leaves other messages as they are', () => {
    const other = {
      templateKey: 'case-update',
      body: 'Your meeting is at 123456 Example Road; see https://x.example/portal',
    }
    assert.deepEqual(withSignInSecretsHidden(other), { body: other.body, hidden: false })
  })
})

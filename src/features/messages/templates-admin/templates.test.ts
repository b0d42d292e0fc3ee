import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html, titleOf } from '../../../../test/helpers/html.ts'
import { messageTemplates } from '../../../db/schema/index.ts'
import { queueOne } from '../testing.ts'
import { allTemplates } from '../../../app.ts'

describe('Message wording at /admin/templates', () => {
  let t: TestApp
  let admin: Agent
  let manager: Agent
  const url = '/admin/templates/case-update'

  before(async () => {
    t = await createTestApp()
    await createStaff(t.database, 'admin@example.org', ['administrator'], 'Ada Admin')
    await createStaff(t.database, 'manager@example.org', ['manager'], 'Max Manager')
    admin = await new Agent(t.app).signIn('admin@example.org')
    manager = await new Agent(t.app).signIn('manager@example.org')
  })
  after(() => t.close())

  it('lists every template', async () => {
    const res = await admin.get('/admin/templates')
    assert.equal(res.statusCode, 200)
    assert.match(titleOf(res), /^Message wording - /)
    const links = html(res)
      .querySelectorAll('#templates a')
      .map((a) => a.getAttribute('href'))
    assert.deepEqual(links.sort(), allTemplates.map((t) => `/admin/templates/${t.key}`).sort())
    assert.match(html(res).getElementById('templates')!.text, /Regular update about a case\s*Standard/)
  })

  it('shows the wording in use with the words that can be filled in', async () => {
    const res = await admin.get(url)
    assert.equal(res.statusCode, 200)
    const doc = html(res)
    assert.equal(
      doc.getElementById('subject')!.getAttribute('value'),
      'An update about your request for help: ((reference))',
    )
    assert.match(doc.getElementById('body')!.text, /^Dear \(\(name\)\),/)
    assert.match(doc.getElementById('placeholders')!.text, /\(\(next-step\)\)/)
    assert.equal((await admin.get('/admin/templates/no-such-thing')).statusCode, 404)
  })

  it('previews the wording filled in with examples, without saving it', async () => {
    const res = await admin.submit(url, {
      action: 'preview',
      subject: 'News about ((child))',
      body: 'Hello ((name)),\n\n((update))\n\n<b>bold</b>',
    })
    assert.equal(res.statusCode, 200)
    const doc = html(res)
    assert.equal(doc.getElementById('preview-subject')!.text, 'News about Amelia Hartley')
    assert.equal(
      doc.getElementById('preview-body')!.text,
      'Hello Sarah Hartley,\n\nWe have written to the council and are waiting for their answer.\n\n<b>bold</b>',
    )
    assert.ok(!res.body.includes('<b>bold</b>'), 'escaped')
    assert.equal(doc.getElementById('subject')!.getAttribute('value'), 'News about ((child))', 'what was typed is kept')
    assert.equal((await t.database.db.select().from(messageTemplates)).length, 0)
  })

  it('refuses a placeholder the message does not have, naming it, and asks for what is missing', async () => {
    const res = await admin.submit(url, {
      action: 'save',
      subject: 'News for ((nickname))',
      body: 'Hello ((name)), your ((shoe-size)) and ((name))',
    })
    assertFormErrors(res, ['subject', 'body'])
    assert.match(res.body, /The subject uses \(\(nickname\)\), which this message does not have/)
    assert.match(res.body, /The message uses \(\(shoe-size\)\), which this message does not have/)
    assert.equal(html(res).getElementById('subject')!.getAttribute('value'), 'News for ((nickname))')
    assertFormErrors(await admin.submit(url, { action: 'save', subject: ' ', body: '' }), ['subject', 'body'])
    assertFormErrors(await admin.submit(url, { action: 'save', subject: 'x'.repeat(201), body: 'fine' }), ['subject'])
    assert.equal((await t.database.db.select().from(messageTemplates)).length, 0)
  })

  it('saves the wording, which the next message uses, and returns to the standard wording', async () => {
    assertRedirect(
      await admin.submit(url, { action: 'save', subject: 'News about ((child))', body: 'Hello ((name)). ((update))' }),
      '/admin/templates',
    )
    assert.match(
      html(await admin.get('/admin/templates')).getElementById('templates')!.text,
      /Regular update about a case\s*Changed/,
    )
    const row = await queueOne(t.database.db, t.clock)
    assert.equal(row.subject, 'News about Amelia')
    assert.equal(row.body, 'Hello Sarah Hartley. We have written to the council.')

    const page = html(await admin.get(url))
    assert.ok(page.getElementById('reset'))
    assertRedirect(await admin.post(`${url}/reset`), url)
    assert.equal(
      (await queueOne(t.database.db, t.clock)).subject,
      'An update about your request for help: MED-2026-000001',
    )
    assert.ok(!html(await admin.get(url)).getElementById('reset'))
  })

  it('is for administrators only', async () => {
    assert.equal((await manager.get('/admin/templates')).statusCode, 403)
    assert.equal((await manager.get(url)).statusCode, 403)
    await manager.get('/account/password')
    assert.equal((await manager.post(url, { action: 'save', subject: 'x', body: 'y' })).statusCode, 403)
    assertRedirect(await new Agent(t.app).get(url), /^\/sign-in\?next=/)
  })
})

import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertRedirect, html, titleOf } from '../../../../test/helpers/html.ts'
import { accessLog, caseEvents, messages } from '../../../db/schema/index.ts'
import { readPdf } from '../../certificates/testing.ts'
import { deliverDueMessages } from '../delivery.ts'
import { queueForParty } from '../outbox.ts'
import { caseUpdateTemplate } from '../general-templates.ts'
import { messagesCase, queueOne } from '../testing.ts'

describe('Sent messages at /admin/messages', () => {
  let t: TestApp
  let admin: Agent
  let manager: Agent
  let coordinator: Agent

  before(async () => {
    t = await createTestApp()
    await createStaff(t.database, 'admin@example.org', ['administrator'], 'Ada Admin')
    await createStaff(t.database, 'manager@example.org', ['manager'], 'Max Manager')
    await createStaff(t.database, 'coordinator@example.org', ['coordinator'], 'Cora Ordinator')
    admin = await new Agent(t.app).signIn('admin@example.org')
    manager = await new Agent(t.app).signIn('manager@example.org')
    coordinator = await new Agent(t.app).signIn('coordinator@example.org')
  })
  after(() => t.close())

  it('lists every message, newest first, says they are kept when nothing is set up, and filters and pages on the server', async () => {
    const c = await messagesCase(t.database, t.clock)
    const values = { name: 'X', child: 'Amelia', reference: c.reference, update: 'News', 'next-step': 'Next' }
    await t.database.db.transaction(async (tx) => {
      for (const p of [c.parent, c.school, c.carer])
        await queueForParty(tx, t.clock, p.id, { caseId: c.id, template: caseUpdateTemplate, values })
    })
    assert.equal((await deliverDueMessages({ db: t.database.db, clock: t.clock, transports: {} })).kept, 3)
    const res = await admin.get('/admin/messages')
    assert.equal(res.statusCode, 200)
    assert.match(titleOf(res), /^Sent messages - /)
    const doc = html(res)
    assert.match(doc.getElementById('kept-notice')!.text, /Email is not set up, so emails are kept here/)
    const rows = doc.querySelectorAll('#messages-list tbody tr')
    assert.equal(rows.length, 3)
    assert.match(doc.getElementById('messages-list')!.text, /To print and post/)
    assert.match(doc.getElementById('messages-list')!.text, /Kept, not sent/)
    assert.ok(doc.querySelector(`a[href="/cases/${c.id}/messages"]`))

    const letters = html(await admin.get('/admin/messages?channel=letter'))
    assert.equal(letters.querySelectorAll('#messages-list tbody tr').length, 1)
    assert.match(letters.getElementById('messages-list')!.text, /Joan Hartley/)
    assert.equal(
      html(await admin.get('/admin/messages?status=failed'))
        .getElementById('no-messages')
        ?.text.trim(),
      'No messages match',
    )
    // Nonsense in the query is ignored, not an error.
    assert.equal((await admin.get('/admin/messages?status=<b>&page=-3')).statusCode, 200)

    for (let i = 0; i < 30; i++)
      await queueOne(t.database.db, t.clock, { to: { name: `Person ${i}`, email: `p${i}@example.com` } })
    const first = html(await admin.get('/admin/messages'))
    assert.equal(first.querySelectorAll('#messages-list tbody tr').length, 25)
    assert.match(first.getElementById('showing')!.text, /Showing 1 to 25 of 33 messages/)
    const second = html(await admin.get('/admin/messages?page=2'))
    assert.equal(second.querySelectorAll('#messages-list tbody tr').length, 8)
  })

  it('shows one message with its attachments, logs the look at a case’s message, and lets a manager see it too', async () => {
    const c = await messagesCase(t.database, t.clock)
    const row = await queueOne(t.database.db, t.clock, {
      caseId: c.id,
      attachments: [
        {
          filename: 'invitation.ics',
          contentType: 'text/calendar',
          content: Buffer.from('BEGIN:VCALENDAR').toString('base64'),
        },
      ],
    })
    const res = await manager.get(`/admin/messages/${row.id}`)
    assert.equal(res.statusCode, 200)
    const doc = html(res)
    // A manager reaches it from the staff menu; their sub navigation has only what they may open.
    assert.ok(doc.querySelector('.govuk-service-navigation a[href="/admin/messages"]'))
    assert.deepEqual(
      doc.querySelectorAll('.moj-sub-navigation a').map((a) => a.getAttribute('href')),
      ['/admin/messages', '/admin/audit'],
    )
    assert.match(doc.getElementById('message-summary')!.text, /Sarah Hartley\s*sarah@example\.com/)
    assert.match(doc.getElementById('message-summary')!.text, /Waiting to be sent/)
    assert.match(doc.getElementById('message-body')!.text, /We have written to the council\./)
    assert.match(doc.getElementById('message-attachments')!.text, /invitation\.ics \(text\/calendar, 15 bytes\)/)
    const looks = await t.database.db.select().from(accessLog).where(eq(accessLog.caseId, c.id))
    assert.ok(looks.some((l) => l.path === `/admin/messages/${row.id}`))
    const download = await manager.get(`/admin/messages/${row.id}/attachments/1`)
    assert.equal(download.statusCode, 200)
    assert.equal(download.headers['content-type'], 'text/calendar')
    assert.equal(download.headers['content-disposition'], 'attachment; filename="invitation.ics"')
    assert.equal(download.body, 'BEGIN:VCALENDAR')
    assert.equal((await manager.get(`/admin/messages/${row.id}/attachments/2`)).statusCode, 404)
    assert.equal((await manager.get(`/admin/messages/${row.id}/attachments/x`)).statusCode, 404)
    assert.equal((await admin.get('/admin/messages/00000000-0000-0000-0000-000000000000')).statusCode, 404)
    assert.equal((await admin.get('/admin/messages/nonsense')).statusCode, 404)
  })

  it('tries a failed message again now, and marks a letter posted (recorded on the case)', async () => {
    const c = await messagesCase(t.database, t.clock)
    const failed = await queueOne(t.database.db, t.clock, { caseId: c.id })
    await t.database.db
      .update(messages)
      .set({ status: 'failed', attempts: 8, lastError: 'Connection refused' })
      .where(eq(messages.id, failed.id))
    const page = html(await admin.get(`/admin/messages/${failed.id}`))
    assert.match(page.getElementById('message-summary')!.text, /Connection refused/)
    assert.ok(page.getElementById('try-again'))
    assertRedirect(await admin.post(`/admin/messages/${failed.id}/retry`), `/admin/messages/${failed.id}`)
    const [again] = await t.database.db.select().from(messages).where(eq(messages.id, failed.id))
    assert.deepEqual([again!.status, again!.attempts], ['queued', 0])
    assert.match(
      html(await admin.get(`/admin/messages/${failed.id}`)).querySelector('.govuk-notification-banner')!.text,
      /sent again in the next few seconds/,
    )

    const letter = await t.database.db.transaction((tx) =>
      queueForParty(tx, t.clock, c.carer.id, {
        caseId: c.id,
        template: caseUpdateTemplate,
        values: { name: 'Joan Hartley', update: 'News', 'next-step': 'Next', child: 'Amelia', reference: c.reference },
      }),
    )
    await deliverDueMessages({ db: t.database.db, clock: t.clock, transports: {} })
    const letterPage = html(await admin.get(`/admin/messages/${letter!.id}`))
    assert.ok(!letterPage.getElementById('try-again'), 'a letter is posted, not sent again')
    const pdfLink = letterPage.querySelector(`a[href="/admin/messages/${letter!.id}/letter.pdf"]`)
    assert.match(pdfLink!.text, /large print/)
    const pdf = await admin.get(`/admin/messages/${letter!.id}/letter.pdf`)
    assert.equal(pdf.headers['content-type'], 'application/pdf')
    const read = await readPdf(pdf.rawPayload)
    assert.ok(read.bodyFontSize >= 18)
    assert.ok(read.text.includes('12 Orchard Close'))
    assert.equal((await admin.get(`/admin/messages/${failed.id}/letter.pdf`)).statusCode, 404, 'an email has no letter')

    assertRedirect(await admin.post(`/admin/messages/${letter!.id}/posted`), `/admin/messages/${letter!.id}`)
    const [posted] = await t.database.db.select().from(messages).where(eq(messages.id, letter!.id))
    assert.deepEqual([posted!.status, posted!.providerReference], ['sent', 'Posted by Ada Admin'])
    const events = await t.database.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.type, 'letter-posted')))
    assert.equal(events.length, 1)
    assert.match(
      html(await admin.get(`/admin/messages/${letter!.id}`)).getElementById('message-summary')!.text,
      /Posted/,
    )
    await admin.post(`/admin/messages/${letter!.id}/posted`)
    assert.equal(
      (
        await t.database.db
          .select()
          .from(caseEvents)
          .where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.type, 'letter-posted')))
      ).length,
      1,
      'posted once',
    )
  })

  it('is for administrators and managers: others are refused, and someone not signed in is asked to sign in', async () => {
    const row = await queueOne(t.database.db, t.clock)
    assert.equal((await coordinator.get('/admin/messages')).statusCode, 403)
    assert.equal((await coordinator.get(`/admin/messages/${row.id}`)).statusCode, 403)
    await coordinator.get('/account/password')
    assert.equal((await coordinator.post(`/admin/messages/${row.id}/retry`)).statusCode, 403)
    assertRedirect(await new Agent(t.app).get('/admin/messages'), /^\/sign-in\?next=/)
  })
})

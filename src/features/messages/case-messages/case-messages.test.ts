import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertRedirect, html, titleOf } from '../../../../test/helpers/html.ts'
import { accessLog, messages } from '../../../db/schema/index.ts'
import { allocateDirectly, makeMediator } from '../../allocation/testing.ts'
import { readPdf } from '../../certificates/testing.ts'
import { deliverDueMessages } from '../delivery.ts'
import { queueForParty } from '../outbox.ts'
import { caseUpdateTemplate } from '../general-templates.ts'
import { messagesCase } from '../testing.ts'

describe("a case's messages at /cases/:id/messages", () => {
  let t: TestApp
  let coordinator: Agent
  let ownMediator: Agent
  let otherMediator: Agent
  let c: Awaited<ReturnType<typeof messagesCase>>
  let ids: { email: string; letter: string }

  before(async () => {
    t = await createTestApp()
    const cora = await createStaff(t.database, 'coordinator@example.org', ['coordinator'], 'Cora Ordinator')
    const mo = await createStaff(t.database, 'mo@example.org', ['mediator'], 'Mo Mediator')
    await createStaff(t.database, 'other@example.org', ['mediator'], 'Olly Other')
    c = await messagesCase(t.database, t.clock)
    await allocateDirectly(
      t.database,
      t.clock,
      c.id,
      (await makeMediator(t.database, t.clock, { userId: mo.id })).id,
      cora.id,
    )
    coordinator = await new Agent(t.app).signIn('coordinator@example.org')
    ownMediator = await new Agent(t.app).signIn('mo@example.org')
    otherMediator = await new Agent(t.app).signIn('other@example.org')
    const values = {
      name: 'X',
      child: 'Amelia',
      reference: c.reference,
      update: 'We have written to the council.',
      'next-step': 'Next',
    }
    const [email, , letter] = await t.database.db.transaction(async (tx) =>
      Promise.all(
        [c.parent, c.school, c.carer].map((p) =>
          queueForParty(tx, t.clock, p.id, { caseId: c.id, template: caseUpdateTemplate, values }),
        ),
      ),
    )
    ids = { email: email!.id, letter: letter!.id }
    await deliverDueMessages({ db: t.database.db, clock: t.clock, transports: {} })
    await t.database.db
      .update(messages)
      .set({ status: 'failed', attempts: 8, lastError: '550 Mailbox unavailable' })
      .where(eq(messages.id, ids.email))
  })
  after(() => t.close())

  it('lists every message of the case with who, how and what happened, and logs the look', async () => {
    const res = await coordinator.get(`/cases/${c.id}/messages`)
    assert.equal(res.statusCode, 200)
    assert.match(titleOf(res), new RegExp(`^Messages - ${c.reference}`))
    const doc = html(res)
    assert.equal(doc.querySelector('.moj-sub-navigation a[aria-current="page"]')?.text.trim(), 'Messages')
    const table = doc.getElementById('case-messages')!.text
    assert.match(table, /Sarah Hartley\s*sarah@example\.com\s*Email/)
    assert.match(table, /Brookfield Primary School\s*07700 900123\s*Text message/)
    assert.match(table, /Joan Hartley[\s\S]*Letter \(large print\)/)
    assert.match(table, /Could not be sent/)
    assert.match(table, /To print and post/)
    assert.ok(doc.getElementById('send-update'))
    const looks = await t.database.db.select().from(accessLog).where(eq(accessLog.caseId, c.id))
    assert.ok(looks.some((l) => l.path === `/cases/${c.id}/messages`))
  })

  it('lets the case’s mediator read the messages but not act on them; another mediator finds nothing', async () => {
    const list = html(await ownMediator.get(`/cases/${c.id}/messages`))
    assert.ok(list.getElementById('case-messages'))
    assert.ok(!list.getElementById('send-update'))
    const one = await ownMediator.get(`/cases/${c.id}/messages/${ids.email}`)
    assert.equal(one.statusCode, 200)
    assert.ok(!html(one).getElementById('try-again'))
    assert.equal((await ownMediator.get(`/cases/${c.id}/messages/${ids.letter}/letter.pdf`)).statusCode, 403)
    assert.equal((await otherMediator.get(`/cases/${c.id}/messages`)).statusCode, 404)
    assert.equal((await otherMediator.get(`/cases/${c.id}/messages/${ids.email}`)).statusCode, 404)
    assertRedirect(await new Agent(t.app).get(`/cases/${c.id}/messages`), /^\/sign-in\?next=/)
  })

  it('shows one message, tries a failed one again, and gives a letter to print, then marks it posted', async () => {
    const res = await coordinator.get(`/cases/${c.id}/messages/${ids.email}`)
    assert.equal(res.statusCode, 200)
    const doc = html(res)
    assert.match(doc.getElementById('message-summary')!.text, /550 Mailbox unavailable/)
    assert.match(doc.getElementById('message-body')!.text, /We have written to the council\./)
    const looks = await t.database.db.select().from(accessLog).where(eq(accessLog.caseId, c.id))
    assert.ok(looks.some((l) => l.path === `/cases/${c.id}/messages/${ids.email}`))
    assertRedirect(
      await coordinator.post(`/cases/${c.id}/messages/${ids.email}/retry`),
      `/cases/${c.id}/messages/${ids.email}`,
    )
    const [again] = await t.database.db.select().from(messages).where(eq(messages.id, ids.email))
    assert.equal(again!.status, 'queued')

    const pdf = await coordinator.get(`/cases/${c.id}/messages/${ids.letter}/letter.pdf`)
    assert.equal(pdf.statusCode, 200)
    assert.equal(pdf.headers['content-type'], 'application/pdf')
    const read = await readPdf(pdf.rawPayload)
    assert.ok(read.text.includes('Joan Hartley'))
    await coordinator.get(`/cases/${c.id}/messages/${ids.letter}`)
    assertRedirect(
      await coordinator.post(`/cases/${c.id}/messages/${ids.letter}/posted`),
      `/cases/${c.id}/messages/${ids.letter}`,
    )
    const [posted] = await t.database.db.select().from(messages).where(eq(messages.id, ids.letter))
    assert.equal(posted!.status, 'sent')
  })

  it('finds no message of another case under this one', async () => {
    const other = await messagesCase(t.database, t.clock)
    assert.equal((await coordinator.get(`/cases/${other.id}/messages/${ids.email}`)).statusCode, 404)
    assert.equal((await coordinator.get(`/cases/${c.id}/messages/not-an-id`)).statusCode, 404)
    await coordinator.get(`/cases/${c.id}/messages`)
    assert.equal((await coordinator.post(`/cases/${other.id}/messages/${ids.email}/retry`)).statusCode, 404)
  })
})

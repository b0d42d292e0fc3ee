import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { and, eq, like } from 'drizzle-orm'
import { Agent } from '../../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html, titleOf } from '../../../../../test/helpers/html.ts'
import { caseDeadlines, caseEvents, cases, localAuthorities, messages } from '../../../../db/schema/index.ts'
import { readPdf } from '../../../certificates/testing.ts'
import { messagesCase } from '../../testing.ts'

describe('sending the updates owed at /cases/:id/messages/update', () => {
  let t: TestApp
  let coordinator: Agent
  let mediator: Agent
  const url = (id: string) => `/cases/${id}/messages/update`

  before(async () => {
    t = await createTestApp() // Friday 27 November 2026
    await createStaff(t.database, 'coordinator@example.org', ['coordinator'], 'Cora Ordinator')
    await createStaff(t.database, 'mo@example.org', ['mediator'], 'Mo Mediator')
    coordinator = await new Agent(t.app).signIn('coordinator@example.org')
    mediator = await new Agent(t.app).signIn('mo@example.org')
  })
  after(() => t.close())

  /** A case received at the start of November: by today every update is owed. */
  async function oldCase() {
    t.clock.set('2026-11-02T10:00:00Z')
    try {
      return await messagesCase(t.database, t.clock)
    } finally {
      t.clock.set('2026-11-27T10:00:00Z')
    }
  }

  it('chooses the people owed an update, says how each gets it, and names who cannot be reached', async () => {
    const c = await oldCase()
    {
      const res = await coordinator.get(url(c.id))
      assert.equal(res.statusCode, 200)
      assert.match(titleOf(res), new RegExp(`^Send an update - ${c.reference}`))
      const doc = html(res)
      const boxes = doc.querySelectorAll('input[name="parties"]')
      assert.deepEqual(
        boxes.map((b) => [b.getAttribute('value'), b.hasAttribute('checked')]).sort(),
        [
          [c.parent.id, true],
          [c.school.id, true],
          [c.carer.id, true],
        ].sort(),
      )
      assert.match(res.body, /Email to sarah@example\.com\. Update owed since/)
      assert.match(res.body, /Letter to 12 Orchard Close, Warrington, WA1 1AA \(large print\)/)
      assert.match(doc.getElementById('unreachable')!.text, /Warrington Borough Council/)
      // From Today's row for one person: only that person.
      const one = html(await coordinator.get(`${url(c.id)}?party=${c.school.id}`))
      assert.deepEqual(
        one.querySelectorAll('input[name="parties"][checked]').map((b) => b.getAttribute('value')),
        [c.school.id],
      )
    }
  })

  it('asks for what is missing, keeping what was typed', async () => {
    const c = await messagesCase(t.database, t.clock)
    const res = await coordinator.submit(url(c.id), { action: 'preview', update: '<script>x</script>', nextStep: '' })
    assertFormErrors(res, ['parties', 'nextStep'])
    assert.match(res.body, /Select who to send the update to/)
    assert.match(res.body, /Enter what happens next/)
    assert.equal(html(res).getElementById('update')!.text, '<script>x</script>')
    assertFormErrors(
      await coordinator.submit(url(c.id), {
        submissionKey: randomUUID(),
        action: 'send',
        parties: c.council.id,
        update: 'x',
        nextStep: 'y',
      }),
      ['parties'],
    )
    assertFormErrors(
      await coordinator.submit(url(c.id), {
        submissionKey: randomUUID(),
        action: 'send',
        parties: c.parent.id,
        update: 'x'.repeat(2001),
        nextStep: 'y',
      }),
      ['update'],
    )
    assert.equal((await t.database.db.select().from(messages).where(eq(messages.caseId, c.id))).length, 0)
  })

  it('previews each message as it will be sent, then sends them and records each update, once', async () => {
    const c = await messagesCase(t.database, t.clock)
    const fields = {
      parties: [c.parent.id, c.carer.id],
      update: 'We have written to the council.',
      nextStep: 'We will call you by Friday.',
    }
    const preview = await coordinator.submit(url(c.id), { ...fields, action: 'preview' })
    assert.equal(preview.statusCode, 200)
    const doc = html(preview)
    const previews = doc.querySelectorAll('.app-preview').map((p) => p.text)
    assert.equal(previews.length, 2)
    assert.match(
      previews[0]!,
      /Sarah Hartley \(parent or carer\)[\s\S]*Email to sarah@example\.com[\s\S]*Dear Sarah Hartley,[\s\S]*We have written to the council\.[\s\S]*What happens next: We will call you by Friday\./,
    )
    assert.match(previews[1]!, /Joan Hartley[\s\S]*Letter to[\s\S]*Dear Joan Hartley/)
    assert.ok(doc.getElementById('send'))
    assert.equal(
      (await t.database.db.select().from(messages).where(eq(messages.caseId, c.id))).length,
      0,
      'a preview sends nothing',
    )

    const key = doc.querySelector('input[name="submissionKey"]')!.getAttribute('value')!
    const version = doc.querySelector('input[name="version"]')!.getAttribute('value')!
    const send = { ...fields, action: 'send', submissionKey: key, version }
    assertRedirect(await coordinator.post(url(c.id), send), `/cases/${c.id}/messages`)
    assertRedirect(await coordinator.post(url(c.id), send), `/cases/${c.id}/messages`) // sent twice: once
    const rows = await t.database.db.select().from(messages).where(eq(messages.caseId, c.id))
    assert.deepEqual(rows.map((r) => [r.recipientName, r.channel, r.largePrint, r.templateKey]).sort(), [
      ['Joan Hartley', 'letter', true, 'case-update'],
      ['Sarah Hartley', 'email', false, 'case-update'],
    ])
    assert.ok(rows.every((r) => r.body.includes('We will call you by Friday.')))
    const events = await t.database.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.type, 'update-sent')))
    assert.deepEqual(
      events.map((e) => [(e.data as { partyName: string }).partyName, (e.data as { channel: string }).channel]).sort(),
      [
        ['Joan Hartley', 'letter'],
        ['Sarah Hartley', 'email'],
      ],
    )
    assert.equal(events[0]!.actorLabel, 'Cora Ordinator')
    // Their clocks restart from today.
    const owed = await t.database.db
      .select()
      .from(caseDeadlines)
      .where(and(eq(caseDeadlines.caseId, c.id), like(caseDeadlines.name, 'update:%')))
    assert.ok(owed.find((d) => d.name === `update:${c.parent.id}`)!.dueDate > '2026-12-10')
    assert.match(
      html(await coordinator.get(`/cases/${c.id}/messages`)).querySelector('.govuk-notification-banner')!.text,
      /Update sent to 2 people/,
    )
  })

  it('refuses to send without the one-time key of the form, sending nothing', async () => {
    const c = await messagesCase(t.database, t.clock)
    const res = await coordinator.submit(url(c.id), {
      parties: c.parent.id,
      update: 'We have written to the council.',
      nextStep: 'We will call you by Friday.',
      action: 'send',
    })
    assert.equal(res.statusCode, 400)
    assert.match(titleOf(res), /^Error: /)
    assert.match(
      html(res).querySelector('.govuk-error-summary')!.text,
      /This form is out of date. Reload the page and try again./,
    )
    assert.equal(html(res).getElementById('update')!.text, 'We have written to the council.')
    assert.equal((await t.database.db.select().from(messages).where(eq(messages.caseId, c.id))).length, 0)
    const events = await t.database.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.type, 'update-sent')))
    assert.equal(events.length, 0)
  })

  it('refuses a case changed by someone else meanwhile', async () => {
    const c = await messagesCase(t.database, t.clock)
    const res = await coordinator.submit(url(c.id), {
      submissionKey: randomUUID(),
      parties: c.parent.id,
      update: 'x',
      nextStep: 'y',
      action: 'send',
      version: '999',
    })
    assert.equal(res.statusCode, 409)
    assert.match(res.body, /Someone else changed this case/)
    assert.equal((await t.database.db.select().from(messages).where(eq(messages.caseId, c.id))).length, 0)
  })

  it('lists failed messages on Today, and links the updates owed to this page', async () => {
    const c = await oldCase()
    await coordinator.submit(url(c.id), {
      submissionKey: randomUUID(),
      parties: c.parent.id,
      update: 'x',
      nextStep: 'y',
      action: 'send',
    })
    await t.database.db.update(messages).set({ status: 'failed' }).where(eq(messages.caseId, c.id))
    {
      const doc = html(await coordinator.get('/today'))
      const failed = doc.getElementById('undelivered-list')!
      assert.match(
        failed.text,
        new RegExp(`${c.reference}[\\s\\S]*Sarah Hartley[\\s\\S]*Email[\\s\\S]*An update about your request for help`),
      )
      const [row] = await t.database.db.select().from(messages).where(eq(messages.caseId, c.id))
      assert.ok(failed.querySelector(`a[href="/cases/${c.id}/messages/${row!.id}"]`))
      assert.ok(doc.querySelector(`a.app-send-update[href="/cases/${c.id}/messages/update?party=${c.school.id}"]`))
    }
  })

  it('is for case workers: a mediator may not send, someone not signed in is asked to sign in', async () => {
    const c = await messagesCase(t.database, t.clock)
    assert.equal((await mediator.get(url(c.id))).statusCode, 403)
    assertRedirect(await new Agent(t.app).get(url(c.id)), /^\/sign-in\?next=/)
  })

  it("speaks for the case's council: its service name, phone and hours, and on the letter its heading and signature", async () => {
    const [halton] = await t.database.db
      .insert(localAuthorities)
      .values({
        code: 'halton',
        name: 'Halton Borough Council',
        commissioned: true,
        postcodeDistricts: ['WA7', 'WA8'],
        serviceName: 'Halton SEN Mediation',
        phone: '01632 960 701',
        email: 'mediation@halton.example.org',
        address: '1 Example Road, Widnes, WA8 1AA',
        openingHours: 'Monday to Thursday, 10am to 4pm',
        letterHeading: 'SEN mediation for Halton Borough Council',
        letterSignature: 'Robin Example\nService manager',
      })
      .returning()
    const c = await messagesCase(t.database, t.clock)
    await t.database.db.update(cases).set({ localAuthorityId: halton!.id }).where(eq(cases.id, c.id))
    await createStaff(t.database, 'halton@example.org', ['coordinator'], 'Hal Ordinator', [halton!.id])
    const agent = await new Agent(t.app).signIn('halton@example.org')
    const fields = { parties: [c.parent.id, c.carer.id], update: 'We have written.', nextStep: 'We will call.' }
    const preview = await agent.submit(url(c.id), { ...fields, action: 'preview' })
    assert.match(preview.body, /call us on 01632 960 701/)
    const doc = html(preview)
    const send = {
      ...fields,
      action: 'send',
      submissionKey: doc.querySelector('input[name="submissionKey"]')!.getAttribute('value')!,
      version: doc.querySelector('input[name="version"]')!.getAttribute('value')!,
    }
    assertRedirect(await agent.post(url(c.id), send), `/cases/${c.id}/messages`)
    const rows = await t.database.db.select().from(messages).where(eq(messages.caseId, c.id))
    for (const row of rows) {
      assert.match(row.body, /call us on 01632 960 701 or email mediation@halton\.example\.org/)
      assert.match(row.body, /We are open Monday to Thursday, 10am to 4pm/)
      assert.match(row.body, /Halton SEN Mediation/)
      assert.doesNotMatch(row.body, /03330 062 835/)
    }
    const letter = rows.find((r) => r.channel === 'letter')!
    const pdf = await agent.get(`/cases/${c.id}/messages/${letter.id}/letter.pdf`)
    assert.equal(pdf.statusCode, 200)
    const read = await readPdf(pdf.rawPayload)
    assert.equal(read.structure[1]?.text, 'SEN mediation for Halton Borough Council', 'the heading first')
    assert.match(read.text, /Halton SEN Mediation[\s\S]*1 Example Road[\s\S]*Phone: 01632 960 701/)
    assert.equal(read.structure.at(-1)?.text, 'Robin Example Service manager', 'the signature last')
  })
})

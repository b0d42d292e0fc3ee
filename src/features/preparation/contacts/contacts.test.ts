import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html, titleOf } from '../../../../test/helpers/html.ts'
import { accessLog, caseEvents, partyContacts } from '../../../db/schema/index.ts'
import { dateFields, preparationCase, staffAgents } from '../testing.ts'

describe('the contact log at /cases/:id/preparation/contacts', () => {
  let t: TestApp
  let coordinator: Agent
  let otherMediator: Agent
  const url = (id: string) => `/cases/${id}/preparation/contacts`

  before(async () => {
    t = await createTestApp() // Friday 27 November 2026
    ;({ coordinator, otherMediator } = await staffAgents(t))
  })
  after(() => t.close())

  it('lists every party (not whoever asked) with whether they have been contacted, and records the look', async () => {
    const c = await preparationCase(t)
    const res = await coordinator.get(url(c.id))
    assert.equal(res.statusCode, 200)
    assert.match(titleOf(res), /^Contacts with each party - /)
    const text = html(res).getElementById('case-now')!.text
    assert.match(text, /Sarah Hartley/)
    assert.match(text, /the council \(Warrington Borough Council\)/)
    assert.match(text, /the school \(Brookfield Primary School\)/)
    assert.equal((text.match(/Not contacted yet/g) ?? []).length, 3)
    const looks = await t.database.db.select().from(accessLog).where(eq(accessLog.caseId, c.id))
    assert.ok(looks.some((l) => l.path === url(c.id)))
  })

  it('is not found for a mediator not allocated to the case, and asks someone not signed in to sign in', async () => {
    const c = await preparationCase(t)
    assert.equal((await otherMediator.get(url(c.id))).statusCode, 404)
    await otherMediator.get('/account/password') // a page with a form, for its token
    assert.equal(
      (
        await otherMediator.post(url(c.id), {
          party: c.parent.id,
          method: 'phone',
          note: 'x',
          ...dateFields('contactedOn', '2026-11-27'),
        })
      ).statusCode,
      404,
    )
    assertRedirect(await new Agent(t.app).get(url(c.id)), /^\/sign-in\?next=/)
    assert.equal((await t.database.db.select().from(partyContacts).where(eq(partyContacts.caseId, c.id))).length, 0)
  })

  it('asks for what is missing, in the order of the form, keeping what was typed (escaped)', async () => {
    const c = await preparationCase(t)
    const res = await coordinator.submit(url(c.id), {
      submissionKey: randomUUID(),
      note: '<script>alert(1)</script>',
      'contactedOn-day': '',
      'contactedOn-month': '',
      'contactedOn-year': '',
    })
    assertFormErrors(res, ['party', 'contactedOn-day', 'method'])
    assert.match(res.body, /Select who you contacted/)
    assert.match(res.body, /Enter the date of the contact/)
    assert.match(res.body, /Select how you contacted them/)
    assert.ok(!res.body.includes('<script>alert(1)</script>'))
    assert.equal(html(res).getElementById('note')?.text, '<script>alert(1)</script>')

    const future = await coordinator.submit(url(c.id), {
      submissionKey: randomUUID(),
      party: c.parent.id,
      method: 'phone',
      note: 'Talked it through',
      ...dateFields('contactedOn', '2026-11-28'),
    })
    assertFormErrors(future, ['contactedOn-day'])
    assert.match(future.body, /The date of the contact must be today or in the past/)
    const long = await coordinator.submit(url(c.id), {
      submissionKey: randomUUID(),
      party: c.parent.id,
      method: 'phone',
      note: 'x'.repeat(1001),
      ...dateFields('contactedOn', '2026-11-27'),
    })
    assertFormErrors(long, ['note'])
    assert.match(long.body, /The note must be 1000 characters or fewer/)
    assertFormErrors(
      await coordinator.submit(url(c.id), {
        submissionKey: randomUUID(),
        party: c.parent.id,
        method: 'pigeon',
        note: ' ',
        ...dateFields('contactedOn', '2026-11-27'),
      }),
      ['method', 'note'],
    )
    assert.equal((await t.database.db.select().from(partyContacts).where(eq(partyContacts.caseId, c.id))).length, 0)
  })

  it('refuses a party of another case, or whoever asked for the family', async () => {
    const c = await preparationCase(t)
    const other = await preparationCase(t)
    assertFormErrors(
      await coordinator.submit(url(c.id), {
        submissionKey: randomUUID(),
        party: other.parent.id,
        method: 'phone',
        note: 'x',
        ...dateFields('contactedOn', '2026-11-27'),
      }),
      ['party'],
    )
  })

  it('records a contact as the signed-in person, with its event, once however often the form is sent', async () => {
    const c = await preparationCase(t)
    await coordinator.get(url(c.id))
    const submissionKey = /name="submissionKey" value="([^"]+)"/.exec((await coordinator.get(url(c.id))).body)![1]!
    const fields = {
      submissionKey,
      party: c.school.id,
      method: 'video',
      note: 'Spoke to the SENCo about the meeting',
      ...dateFields('contactedOn', '2026-11-25'),
    }
    assertRedirect(await coordinator.post(url(c.id), fields), url(c.id))
    assertRedirect(await coordinator.post(url(c.id), fields), url(c.id)) // the same form again
    const rows = await t.database.db.select().from(partyContacts).where(eq(partyContacts.caseId, c.id))
    assert.equal(rows.length, 1)
    assert.deepEqual(
      [rows[0]!.partyId, rows[0]!.contactedOn, rows[0]!.method, rows[0]!.note],
      [c.school.id, '2026-11-25', 'video', 'Spoke to the SENCo about the meeting'],
    )
    const events = await t.database.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, c.id), eq(caseEvents.type, 'party-contacted')))
    assert.equal(events.length, 1)
    assert.equal(events[0]!.occurredOn, '2026-11-25')
    assert.equal(events[0]!.actorLabel, 'Cora Ordinator')
    assert.equal((events[0]!.data as { party: string }).party, 'the school (Brookfield Primary School)')

    const doc = html(await coordinator.get(url(c.id)))
    assert.match(doc.querySelector('.govuk-notification-banner')!.text, /Contact recorded/)
    assert.match(doc.getElementById(`party-${c.school.id}`)!.text, /Contacted/)
    assert.match(
      doc.getElementById('case-now')!.text,
      /Wednesday 25 November 2026\s*Video call\s*Cora Ordinator\s*Spoke to the SENCo/,
    )
  })

  it('refuses a contact sent without the one-time key of its form, recording nothing', async () => {
    const c = await preparationCase(t)
    const res = await coordinator.submit(url(c.id), {
      party: c.parent.id,
      method: 'phone',
      note: 'Talked it through',
      ...dateFields('contactedOn', '2026-11-27'),
    })
    assert.equal(res.statusCode, 400)
    assert.match(titleOf(res), /^Error: /)
    assert.match(
      html(res).querySelector('.govuk-error-summary')!.text,
      /This form is out of date. Reload the page and try again./,
    )
    assert.equal((await t.database.db.select().from(partyContacts).where(eq(partyContacts.caseId, c.id))).length, 0)
  })
})

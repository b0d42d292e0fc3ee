// The council's SEN team contact on a case: the progress page asks for it while the council party
// has no email address; the form sets it, kept as a case event with the before and after, refused
// when someone else changed it meanwhile, and refused (with GOV.UK errors) when it is not an address.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { Agent } from '../../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html } from '../../../../../test/helpers/html.ts'
import { caseEvents, caseParties } from '../../../../db/schema/index.ts'
import { makeCase } from '../../testing.ts'

describe("the council's SEN team contact at /cases/:id/progress/council-contact", () => {
  let t: TestApp
  let coordinator: Agent
  let mediator: Agent
  let amelia: { id: string }
  const url = () => `/cases/${amelia.id}/progress/council-contact`
  const council = async () =>
    (
      await t.database.db
        .select()
        .from(caseParties)
        .where(and(eq(caseParties.caseId, amelia.id), eq(caseParties.role, 'local-authority')))
    )[0]!
  const version = (page: Awaited<ReturnType<Agent['get']>>) =>
    html(page).querySelector('input[name="version"]')!.getAttribute('value')!

  before(async () => {
    t = await createTestApp()
    await createStaff(t.database, 'coordinator@example.com', ['coordinator'], 'Cora Ordinator')
    await createStaff(t.database, 'mediator@example.com', ['mediator'])
    amelia = await makeCase(t.database, t.clock)
    coordinator = await new Agent(t.app).signIn('coordinator@example.com')
    mediator = await new Agent(t.app).signIn('mediator@example.com')
  })
  after(() => t.close())

  it('the progress page points to it while the council has no email address', async () => {
    const progress = html(await coordinator.get(`/cases/${amelia.id}/progress`))
    const inset = progress.getElementById('council-contact')!
    assert.match(inset.text, /We have no email address for the council’s SEN team/)
    assert.equal(inset.querySelector('a')!.getAttribute('href'), url())
    assert.equal((await mediator.get(url())).statusCode, 403, 'not a mediator’s page')
    assertRedirect(await new Agent(t.app).get(url()), /^\/sign-in\?next=/)
  })

  it('refuses what is not an email address, keeping what was typed', async () => {
    const page = await coordinator.get(url())
    assert.equal(
      html(page).querySelector('h1')!.text.replace(/\s+/g, ' ').trim().endsWith('The council’s SEN team'),
      true,
    )
    const empty = await coordinator.post(url(), { version: version(page), email: '', phone: '01632 960 001' })
    assertFormErrors(empty, ['email'])
    assert.match(
      empty.body,
      /Enter the email address of the council’s SEN team|Enter the email address of the council&#39;s SEN team/,
    )
    assert.equal(html(empty).querySelector('#phone')!.getAttribute('value'), '01632 960 001')
    const wrong = await coordinator.post(url(), {
      version: version(page),
      email: 'sen team at council',
      phone: 'ring me',
    })
    assertFormErrors(wrong, ['email', 'phone'])
    assert.match(wrong.body, /Enter an email address in the correct format, like name@example.com/)
    assert.equal(html(wrong).querySelector('#email')!.getAttribute('value'), 'sen team at council')
    assert.equal((await council()).email, null)
  })

  it('sets the email and phone, kept as a case event with before and after, and the prompt goes', async () => {
    const page = await coordinator.get(url())
    const res = await coordinator.post(url(), {
      version: version(page),
      email: ' sen.team@warrington.example ',
      phone: '01632 960 001',
    })
    assertRedirect(res, `/cases/${amelia.id}/progress`)
    const party = await council()
    assert.equal(party.email, 'sen.team@warrington.example')
    assert.equal(party.phone, '01632 960 001')
    const [event] = await t.database.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, amelia.id), eq(caseEvents.type, 'council-contact-set')))
    assert.deepEqual(event!.data, {
      partyId: party.id,
      party: 'Warrington Borough Council',
      before: { email: null, phone: null },
      after: { email: 'sen.team@warrington.example', phone: '01632 960 001' },
    })
    assert.equal(event!.actorLabel, 'Cora Ordinator')
    const progress = await coordinator.get(`/cases/${amelia.id}/progress`)
    assert.match(
      progress.body,
      /The council’s SEN team contact details are saved|The council&#39;s SEN team contact details are saved/,
    )
    assert.equal(html(progress).getElementById('council-contact'), null)
    const timeline = await coordinator.get(`/cases/${amelia.id}/timeline`)
    assert.match(timeline.body, /SEN team contact details of Warrington Borough Council were recorded/)
  })

  it('refuses a form made before someone else changed it (409), showing the details as they are now', async () => {
    const stale = await coordinator.get(url())
    const current = await coordinator.get(url())
    assertRedirect(
      await coordinator.post(url(), { version: version(current), email: 'first@warrington.example', phone: '' }),
    )
    const refused = await coordinator.post(url(), { version: version(stale), email: 'second@warrington.example' })
    assert.equal(refused.statusCode, 409)
    assert.match(refused.body, /Someone else changed this case while you were working on it/)
    assert.equal((await council()).email, 'first@warrington.example')
    assert.equal(Number(version(refused)), (await council()).version, 'the form is on the version as it is now')
    assertRedirect(await coordinator.post(url(), { version: version(refused), email: 'second@warrington.example' }))
    assert.equal((await council()).email, 'second@warrington.example')
    assert.equal((await council()).phone, null)
  })
})

import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { and, asc, eq } from 'drizzle-orm'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html, titleOf } from '../../../../test/helpers/html.ts'
import { caseEvents, caseIssues, cases } from '../../../db/schema/index.ts'
import { preparationCase, staffAgents } from '../testing.ts'

describe('issues and the agenda at /cases/:id/preparation/issues', () => {
  let t: TestApp
  let coordinator: Agent
  let otherMediator: Agent
  const url = (id: string) => `/cases/${id}/preparation/issues`
  const eventsOf = async (id: string, type: string) =>
    t.database.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, id), eq(caseEvents.type, type)))
  const versionOf = async (id: string) =>
    String((await t.database.db.select().from(cases).where(eq(cases.id, id)))[0]!.version)
  const agendaTexts = async (id: string) =>
    html(await coordinator.get(url(id)))
      .querySelectorAll('#agenda ol > li > p.app-pre-wrap')
      .map((p) => p.text)
  const add = (id: string, partyId: string, issueText: string, area = 'education') =>
    coordinator.submit(url(id), { submissionKey: randomUUID(), party: partyId, issueText, area })

  before(async () => {
    t = await createTestApp()
    ;({ coordinator, otherMediator } = await staffAgents(t))
  })
  after(() => t.close())

  it('shows the page to staff, and is not found for a mediator not allocated to the case', async () => {
    const c = await preparationCase(t)
    const res = await coordinator.get(url(c.id))
    assert.equal(res.statusCode, 200)
    assert.match(titleOf(res), /^Issues and agenda - /)
    assert.equal((await otherMediator.get(url(c.id))).statusCode, 404)
    await otherMediator.get('/account/password')
    assert.equal(
      (await otherMediator.post(url(c.id), { party: c.parent.id, issueText: 'x', area: 'education' })).statusCode,
      404,
    )
    assert.equal(
      (await otherMediator.post(`${url(c.id)}/move`, { version: '1', move: `${c.parent.id}:up` })).statusCode,
      404,
    )
  })

  it('asks for the party, the issue and its area, keeping what was typed (escaped)', async () => {
    const c = await preparationCase(t)
    const res = await coordinator.submit(url(c.id), {
      submissionKey: randomUUID(),
      issueText: '<script>alert(1)</script>',
    })
    assertFormErrors(res, ['party', 'area'])
    assert.match(res.body, /Select whose issue this is/)
    assert.match(res.body, /Select whether the issue is about education, health or social care/)
    assert.ok(!res.body.includes('<script>alert(1)</script>'))
    assert.equal(html(res).getElementById('issueText')?.text, '<script>alert(1)</script>')
    const empty = await coordinator.submit(url(c.id), {
      submissionKey: randomUUID(),
      party: c.parent.id,
      issueText: ' ',
      area: 'housing',
    })
    assertFormErrors(empty, ['issueText', 'area'])
    assert.match(empty.body, /Enter the issue in the party&#39;s own words/)
  })

  it('adds issues to the agenda in order, each with its event, and moves them up and down', async () => {
    const c = await preparationCase(t)
    assertRedirect(await add(c.id, c.parent.id, 'Amelia needs speech and language therapy every week'), url(c.id))
    assertRedirect(await add(c.id, c.council.id, 'The council says the school can meet her needs'), url(c.id))
    assertRedirect(await add(c.id, c.school.id, 'We need more support in class', 'social-care'), url(c.id))
    assert.equal((await eventsOf(c.id, 'issue-added')).length, 3)
    assert.deepEqual(await agendaTexts(c.id), [
      'Amelia needs speech and language therapy every week',
      'The council says the school can meet her needs',
      'We need more support in class',
    ])

    const [first, second, third] = await t.database.db
      .select()
      .from(caseIssues)
      .where(eq(caseIssues.caseId, c.id))
      .orderBy(asc(caseIssues.position))
    assertRedirect(
      await coordinator
        .submit(url(c.id), {})
        .then(() => coordinator.post(`${url(c.id)}/move`, { version: '4', move: `${third!.id}:up` })),
      url(c.id),
    )
    assert.deepEqual(await agendaTexts(c.id), [
      'Amelia needs speech and language therapy every week',
      'We need more support in class',
      'The council says the school can meet her needs',
    ])
    assertRedirect(
      await coordinator.post(`${url(c.id)}/move`, { version: await versionOf(c.id), move: `${first!.id}:down` }),
    )
    assert.deepEqual(await agendaTexts(c.id), [
      'We need more support in class',
      'Amelia needs speech and language therapy every week',
      'The council says the school can meet her needs',
    ])
    const [moved] = await eventsOf(c.id, 'issue-moved')
    assert.deepEqual(moved!.data, { issueId: third!.id, direction: 'up', from: 3, to: 2 })

    // A page shown before someone else's change is refused, and the order stays.
    const stale = await coordinator.post(`${url(c.id)}/move`, { version: '4', move: `${second!.id}:up` })
    assert.equal(stale.statusCode, 409)
    assert.match(titleOf(stale), /^Error: /)
    assert.match(html(stale).querySelector('.govuk-error-summary')!.text, /Someone else changed this case/)
    assert.equal(html(stale).querySelector('.govuk-error-summary a')?.getAttribute('href'), '#agenda')
    assert.equal((await eventsOf(c.id, 'issue-moved')).length, 2)
    // The first one has no "Move up", the last one no "Move down".
    const buttons = html(await coordinator.get(url(c.id)))
      .querySelectorAll('#agenda button[name="move"]')
      .map((b) => b.getAttribute('value'))
    assert.equal(buttons.length, 4)
    assert.ok(!buttons.includes(`${third!.id}:up`))
    assert.ok(!buttons.includes(`${second!.id}:down`))
  })

  it('merges one issue into another: shown under the one it joined, off the agenda', async () => {
    const c = await preparationCase(t)
    await add(c.id, c.parent.id, 'Speech therapy every week')
    await add(c.id, c.school.id, 'Speech therapy in school')
    await add(c.id, c.council.id, 'Transport to school')
    const [a, b] = await t.database.db
      .select()
      .from(caseIssues)
      .where(eq(caseIssues.caseId, c.id))
      .orderBy(asc(caseIssues.position))

    assertFormErrors(
      await coordinator.submit(`${url(c.id)}/merge`, { version: await versionOf(c.id), issue: '', into: '' }),
      ['issue', 'into'],
    )
    const same = await coordinator.submit(`${url(c.id)}/merge`, {
      version: await versionOf(c.id),
      issue: b!.id,
      into: b!.id,
    })
    assertFormErrors(same, ['into'])
    assert.match(same.body, /Select a different issue to merge it into/)

    assertRedirect(
      await coordinator.submit(`${url(c.id)}/merge`, { version: await versionOf(c.id), issue: b!.id, into: a!.id }),
      url(c.id),
    )
    const [merged] = await t.database.db.select().from(caseIssues).where(eq(caseIssues.id, b!.id))
    assert.equal(merged!.mergedIntoId, a!.id)
    assert.deepEqual(await agendaTexts(c.id), ['Speech therapy every week', 'Transport to school'])
    const item = html(await coordinator.get(url(c.id))).getElementById(`issue-${a!.id}`)!
    assert.match(
      item.text,
      /Merged into this issue:\s*Speech therapy in school \(the school \(Brookfield Primary School\), education\)/,
    )
    const [event] = await eventsOf(c.id, 'issues-merged')
    assert.deepEqual(event!.data, { issueId: b!.id, intoId: a!.id })
    // A merged issue is no longer on the agenda, so it cannot be merged again.
    assertFormErrors(
      await coordinator.submit(`${url(c.id)}/merge`, { version: await versionOf(c.id), issue: b!.id, into: a!.id }),
      ['issue'],
    )
  })

  it('brings in the health body: a warning while it is not a party, and an event the first time only', async () => {
    const c = await preparationCase(t)
    assert.equal(html(await coordinator.get(url(c.id))).getElementById('health-warning'), null)
    await add(c.id, c.parent.id, 'Amelia needs physiotherapy', 'health')
    await add(c.id, c.parent.id, 'And occupational therapy', 'health')
    const warning = html(await coordinator.get(url(c.id))).getElementById('health-warning')
    assert.ok(warning)
    assert.match(warning.text, /the health body .* is not a party to this case/)
    const raised = await eventsOf(c.id, 'health-issue-raised')
    assert.equal(raised.length, 1)
    assert.equal((raised[0]!.data as { healthBodyIsParty: boolean }).healthBodyIsParty, false)

    const withHealth = await preparationCase(t, { health: true })
    await add(withHealth.id, withHealth.parent.id, 'Amelia needs physiotherapy', 'health')
    assert.equal(html(await coordinator.get(url(withHealth.id))).getElementById('health-warning'), null)
    assert.equal((await eventsOf(withHealth.id, 'health-issue-raised')).length, 1)
  })
})

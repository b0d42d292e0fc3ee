// The council a disagreement is with is one the service knows, named exactly as the council, or
// "Another council" with the name typed in. The case's council party takes that name.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html } from '../../../../test/helpers/html.ts'
import { caseParties, cases, localAuthorities } from '../../../db/schema/index.ts'
import { goodAnswers, walkTo, type Fields } from '../test-kit.ts'

let t: TestApp

const council = (code: string, name: string, commissioned: boolean) => ({
  code,
  name,
  commissioned,
  postcodeDistricts: [],
  serviceName: 'SEN Mediation',
  phone: '01632 960 700',
  address: '1 Example Road',
  openingHours: 'Monday to Friday, 9am to 5pm',
})

before(async () => {
  t = await createTestApp()
  await t.database.db
    .insert(localAuthorities)
    .values([
      council('halton', 'Halton Borough Council', true),
      council('cheshire-east', 'Cheshire East Council', false),
    ])
})
after(() => t.close())

const withPage = (fields: Fields) => ({ ...goodAnswers['/request/with'], ...fields })

/** Sends a request with these answers on the "who is it with" page; gives the check page and the council party made. */
async function send(fields: Fields) {
  const agent = new Agent(t.app)
  await walkTo(agent, '/request/check', { '/request/with': withPage(fields) })
  const check = await agent.get('/request/check')
  const key = /name="submissionKey" value="([^"]+)"/.exec(check.body)![1]!
  assertRedirect(await agent.post('/request/check', { submissionKey: key }), '/request/confirmation')
  const [made] = await t.database.db.select().from(cases).where(eq(cases.submissionKey, key))
  const [party] = await t.database.db
    .select()
    .from(caseParties)
    .where(and(eq(caseParties.caseId, made!.id), eq(caseParties.role, 'local-authority')))
  return { check, party: party! }
}

const options = (res: Awaited<ReturnType<Agent['get']>>) =>
  html(res)
    .querySelectorAll('input[name="partyCouncil"]')
    .map((i) => [i.getAttribute('value'), html(res).querySelector(`label[for="${i.id}"]`)?.text.trim()])

describe('the council the disagreement is with', () => {
  test('offers the councils the service knows, those it works for first, and another council by name', async () => {
    const agent = new Agent(t.app)
    await walkTo(agent, '/request/with')
    const page = await agent.get('/request/with')
    assert.deepEqual(options(page), [
      ['halton', 'Halton Borough Council'],
      ['warrington', 'Warrington Borough Council'],
      ['cheshire-east', 'Cheshire East Council'],
      ['other', 'Another council'],
    ])
    assert.equal(html(page).querySelector('label[for="partyName-local-authority"]')?.text.trim(), 'Name of the council')
  })

  test('asks which council, and for the name of another, keeping what was typed', async () => {
    const agent = new Agent(t.app)
    await walkTo(agent, '/request/with')
    const none = await agent.submit('/request/with', withPage({ partyCouncil: '' }))
    assertFormErrors(none, ['partyCouncil'])
    assert.match(none.body, /Select which council the disagreement is with, or (&#39;|')Another council/)
    const unnamed = await agent.submit('/request/with', withPage({ partyCouncil: 'other' }))
    assertFormErrors(unnamed, ['partyName-local-authority'])
    assert.match(unnamed.body, /Enter the name of the council/)
    assert.ok(html(unnamed).querySelector('input[name="partyCouncil"][value="other"]')?.hasAttribute('checked'))
    const long = await agent.submit(
      '/request/with',
      withPage({ partyCouncil: 'other', 'partyName-local-authority': 'x'.repeat(201) }),
    )
    assertFormErrors(long, ['partyName-local-authority'])
    assert.match(long.body, /The name of the council must be 200 characters or fewer/)
    assert.equal(html(long).querySelector('#partyName-local-authority')?.getAttribute('value'), 'x'.repeat(201))
    assertFormErrors(await agent.submit('/request/with', withPage({ partyCouncil: 'nowhere' })), ['partyCouncil'])
  })

  test('a council the service knows names the council party exactly as the council', async () => {
    // A name left in the other council's box does not rename the council chosen.
    const { check, party } = await send({ partyCouncil: 'halton', 'partyName-local-authority': 'Jo Bloggs' })
    assert.match(check.body, /The local authority \(council\): Halton Borough Council/)
    assert.doesNotMatch(check.body, /Jo Bloggs/)
    assert.equal(party.name, 'Halton Borough Council')
    assert.equal(party.organisation, 'Halton Borough Council')
  })

  test('another council keeps the name typed, and going back shows the answer again', async () => {
    const { check, party } = await send({ partyCouncil: 'other', 'partyName-local-authority': 'Bolton Council' })
    assert.match(check.body, /The local authority \(council\): Bolton Council/)
    assert.equal(party.name, 'Bolton Council')

    const agent = new Agent(t.app)
    await walkTo(agent, '/request/what-happened', { '/request/with': withPage({ partyCouncil: 'halton' }) })
    const again = await agent.get('/request/with')
    assert.ok(html(again).querySelector('input[name="partyCouncil"][value="halton"]')?.hasAttribute('checked'))
  })

  test('many councils are offered as a list, with the other council’s name box shown beside it', async () => {
    await t.database.db
      .insert(localAuthorities)
      .values(Array.from({ length: 7 }, (_, i) => council(`extra-${i}`, `Extra ${i} Council`, false)))
    const agent = new Agent(t.app)
    await walkTo(agent, '/request/with')
    const page = html(await agent.get('/request/with'))
    const list = page.querySelectorAll('select[name="partyCouncil"] option').map((o) => o.text.trim())
    assert.deepEqual(list.slice(0, 3), ['Choose a council', 'Halton Borough Council', 'Warrington Borough Council'])
    assert.equal(list.at(-1), 'Another council')
    assert.equal(list.length, 12)
    assert.equal(
      page.querySelector('label[for="partyName-local-authority"]')?.text.trim(),
      'If it is another council, its name',
    )
    assertFormErrors(await agent.submit('/request/with', withPage({ partyCouncil: '' })), ['partyCouncil'])
    const { party } = await send({ partyCouncil: 'extra-3' })
    assert.equal(party.name, 'Extra 3 Council')
  })
})

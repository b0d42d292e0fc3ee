// The council a request is for, with several councils on one install: the postcode decides when it
// is in one of their areas; otherwise (or when the person says it is not theirs) they choose, or say
// none of them, and the request is still sent. The case is under the council settled on.
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, test } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html } from '../../../../test/helpers/html.ts'
import { caseEvents, cases, localAuthorities } from '../../../db/schema/index.ts'
import { walkTo, type Fields } from '../test-kit.ts'

let t: TestApp
let warrington: string
let halton: string
let knowsley: string

const council = (code: string, name: string, districts: string[], free = true) => ({
  code,
  name,
  commissioned: true,
  freeForResidents: free,
  postcodeDistricts: districts,
  serviceName: `${name.split(' ')[0]} SEN Mediation`,
  phone: code === 'halton' ? '01632 960 701' : '01632 960 702',
  address: '1 Example Road',
  openingHours: 'Monday to Thursday, 10am to 4pm',
})

before(async () => {
  t = await createTestApp()
  warrington = (await t.database.db.select().from(localAuthorities))[0]!.id
  const [h, k] = await t.database.db
    .insert(localAuthorities)
    .values([
      council('halton', 'Halton Borough Council', ['WA7', 'WA8']),
      council('knowsley', 'Knowsley Council', ['L34'], false),
    ])
    .returning()
  halton = h!.id
  knowsley = k!.id
  // A council we know of but do not work for.
  await t.database.db
    .insert(localAuthorities)
    .values({ ...council('sefton', 'Sefton Council', ['L20']), commissioned: false })
})
after(() => t.close())

/** Walks to the check page with this postcode (and council answer), sends, and gives the case made. */
async function send(postcode: string, councilAnswer?: Fields) {
  const agent = new Agent(t.app)
  await walkTo(agent, '/request/check', {
    '/request/postcode': { postcode },
    ...(councilAnswer ? { '/request/council': councilAnswer } : {}),
  })
  const check = await agent.get('/request/check')
  const key = /name="submissionKey" value="([^"]+)"/.exec(check.body)![1]!
  assertRedirect(await agent.post('/request/check', { submissionKey: key }), '/request/confirmation')
  const confirmation = await agent.get('/request/confirmation')
  const [made] = await t.database.db.select().from(cases).where(eq(cases.submissionKey, key))
  const [received] = await t.database.db
    .select()
    .from(caseEvents)
    .where(and(eq(caseEvents.caseId, made!.id), eq(caseEvents.type, 'enquiry-received')))
  return { check, confirmation, made: made!, received: received! }
}

const radios = (res: Awaited<ReturnType<Agent['get']>>) =>
  html(res)
    .querySelectorAll('input[name="council"]')
    .map((i) => [i.getAttribute('value'), html(res).querySelector(`label[for="${i.id}"]`)?.text.trim()])

describe('the council a request is for', () => {
  test('a postcode in a council’s area names it, and the case is under it, with its contact details', async () => {
    const agent = new Agent(t.app)
    await walkTo(agent, '/request/postcode')
    assertRedirect(await agent.submit('/request/postcode', { postcode: 'wa7 1aa' }), '/request/council')
    const page = await agent.get('/request/council')
    assert.match(
      page.body,
      /WA7 1AA is in the Halton Borough Council area\. Our service is free for people who live there/,
    )

    const { check, confirmation, made, received } = await send('WA7 1AA')
    assert.match(check.body, /WA7 1AA<br>In the Halton Borough Council area/)
    assert.equal(made.localAuthorityId, halton)
    assert.equal(received.data.localAuthority, 'Halton Borough Council')
    assert.equal(received.data.outsideCouncilAreas, undefined)
    assert.match(confirmation.body, /our service is free for people who live in the Halton Borough Council area/)
    assert.match(confirmation.body, /phone 01632 960 701/)
    assert.match(confirmation.body, /We are open Monday to Thursday, 10am to 4pm/)
  })

  test('a postcode in no council’s area asks which, from the councils the service works for', async () => {
    const agent = new Agent(t.app)
    await walkTo(agent, '/request/postcode')
    await agent.submit('/request/postcode', { postcode: 'M1 1AE' })
    const page = await agent.get('/request/council')
    assert.deepEqual(radios(page), [
      [halton, 'Halton Borough Council'],
      [knowsley, 'Knowsley Council'],
      [warrington, 'Warrington Borough Council'],
      ['none', 'None of these'],
    ])
    assert.match(html(page).querySelector(`#council-2-item-hint`)?.text ?? '', /may not be free/)
    assertFormErrors(await agent.submit('/request/council', { council: randomUUID() }), ['council'])

    const { made, received, confirmation } = await send('M1 1AE', { council: halton })
    assert.equal(made.localAuthorityId, halton)
    assert.equal(received.data.outsideCouncilAreas, undefined)
    assert.match(confirmation.body, /free for people who live in the Halton Borough Council area/)
  })

  test('a council we know of but do not work for is named, and they choose', async () => {
    const agent = new Agent(t.app)
    await walkTo(agent, '/request/postcode')
    await agent.submit('/request/postcode', { postcode: 'L20 1AA' })
    const page = await agent.get('/request/council')
    assert.match(page.body, /L20 1AA is in the Sefton Council area, which we do not work for/)
    assert.ok(!radios(page).some(([, name]) => name === 'Sefton Council'))
  })

  test('“None of these” still sends, says it may not be free, and lands with the first council', async () => {
    const { check, made, received, confirmation } = await send('M1 1AE', { council: 'none' })
    assert.match(check.body, /Not in the area of a council we work for/)
    assert.match(check.body, /Our service may not be free for this postcode/)
    assert.equal(made.localAuthorityId, warrington, 'the install’s first council, so its staff see it')
    assert.equal(received.data.outsideCouncilAreas, true)
    assert.match(
      confirmation.body,
      /free for people who live in the areas of the councils we work for\. It may not be free for you/,
    )
  })

  test('someone whose postcode names the wrong council can choose theirs', async () => {
    const agent = new Agent(t.app)
    await walkTo(agent, '/request/postcode')
    await agent.submit('/request/postcode', { postcode: 'WA1 1AB' })
    const named = await agent.get('/request/council')
    assert.ok(html(named).querySelector('a[href="/request/council?choose=yes"]'))
    const choose = await agent.get('/request/council?choose=yes')
    assert.match(choose.body, /usually in the Warrington Borough Council area/)
    assertRedirect(await agent.post('/request/council', { council: halton }), '/request/ehc-plan')
    const { made } = await send('WA1 1AB', { council: halton })
    assert.equal(made.localAuthorityId, halton)
  })

  test('a council where the service is not free for residents says so plainly', async () => {
    const agent = new Agent(t.app)
    await walkTo(agent, '/request/postcode')
    await agent.submit('/request/postcode', { postcode: 'L34 1AA' })
    const page = await agent.get('/request/council')
    assert.equal(html(page).querySelector('h1')?.text.trim(), 'Our service may not be free for this postcode')
    assert.match(page.body, /L34 1AA is in the Knowsley Council area/)
    const { made, confirmation } = await send('L34 1AA')
    assert.equal(made.localAuthorityId, knowsley)
    assert.match(confirmation.body, /may not be free for people who live in the Knowsley Council area/)
  })

  test('the start page and the permission page name the areas where it is free', async () => {
    const start = await new Agent(t.app).get('/')
    assert.match(
      start.body,
      /It is free for people who live in the areas of Halton Borough Council and Warrington Borough Council\./,
    )
    const agent = new Agent(t.app)
    await agent.submit('/request', { role: 'school' })
    await agent.submit('/request/your-name', { name: 'Tess Teacher', organisation: 'Oak School' })
    assertRedirect(await agent.submit('/request/permission', { permission: 'no' }), '/request/permission-needed')
    const needed = await agent.get('/request/permission-needed')
    assert.match(
      needed.body,
      /free for people who live in the areas of Halton Borough Council and Warrington Borough Council/,
    )
  })
})

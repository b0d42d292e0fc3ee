// Who sees which figures: a commissioner of Warrington sees Warrington's figures only, never a
// case page (every one is tried, from the app's own route table), nor a name, a reference or
// anything people wrote; staff see the councils they work for; a coordinator has no reports.
import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { Agent } from '../../../test/helpers/agent.ts'
import { createStaff, createTestApp, testPassword, type TestApp } from '../../../test/helpers/app.ts'
import { assertRedirect, html } from '../../../test/helpers/html.ts'
import { registeredRoutes } from '../../../test/helpers/routes.ts'
import { firstCouncilId, makeCase } from '../cases/testing.ts'
import { secondCouncil } from './testing.ts'

const quarter = (council: string) => new URLSearchParams({ council, from: '2026-07-01', to: '2026-09-30' }).toString()

describe('who sees which reports', () => {
  let t: TestApp
  let warrington: string
  let halton: string
  let commissioner: Agent
  let amelia: { id: string; reference: string }

  before(async () => {
    t = await createTestApp({ config: { SESSION_IDLE_MINUTES: 60 * 24 * 365 } })
    warrington = await firstCouncilId(t.database)
    halton = await secondCouncil(t)
    await createStaff(t.database, 'cam@example.com', ['commissioner'], 'Cam Commissioner', [warrington])
    await createStaff(t.database, 'one@example.com', ['manager'], 'Una Manager', [warrington])
    await createStaff(t.database, 'two@example.com', ['manager'], 'Duo Manager', [warrington, halton])
    await createStaff(t.database, 'cora@example.com', ['coordinator'], 'Cora Ordinator', [warrington])
    amelia = await makeCase(t.database, t.clock, {
      childName: 'Amelia Hartley',
      parentName: 'Sarah Hartley',
      whatHappened: 'The council refused to change the plan in June.',
      localAuthorityId: warrington,
    })
    commissioner = await new Agent(t.app).signIn('cam@example.com')
  })
  after(() => t.close())

  it("lands a commissioner on their council's reports after signing in, with a menu of reports and their account", async () => {
    const agent = new Agent(t.app)
    await agent.get('/sign-in')
    const res = await agent.post('/sign-in', { email: 'cam@example.com', password: testPassword })
    assertRedirect(res, '/sign-in/second-factor')
    assertRedirect(await agent.passSecondStep('cam@example.com'), '/reports')
    const page = await agent.get('/reports')
    assert.equal(page.statusCode, 200)
    const menu = html(page)
      .querySelectorAll('.govuk-service-navigation__item a')
      .map((a) => [a.text.trim(), a.getAttribute('href')])
    assert.deepEqual(menu, [
      ['Reports', '/reports'],
      ['Your account', '/account'],
    ])
    assert.ok(html(page).querySelector('.govuk-service-navigation form[action="/sign-out"][method=post] button'))
    // Their own council, and no other to choose.
    assert.equal(html(page).querySelector('input[name="council"]')?.getAttribute('value'), warrington)
    assert.equal(html(page).querySelector('select[name="council"]'), null)
    assert.equal((await agent.get('/account/password')).statusCode, 200)
  })

  it("shows a commissioner their council's report, and nothing of another council's", async () => {
    const own = await commissioner.get(`/reports/report?${quarter(warrington)}`)
    assert.equal(own.statusCode, 200)
    for (const path of ['/reports/report', '/reports/report/csv/enquiries-channel', '/reports/report/pdf']) {
      assert.equal((await commissioner.get(`${path}?${quarter(halton)}`)).statusCode, 404, path)
    }
    const all = await commissioner.get(`/reports/report?${quarter('all')}`)
    assert.equal(all.statusCode, 404, 'a commissioner cannot ask for every council')
    assert.equal((await commissioner.get(`/reports/report?${quarter(randomUUID())}`)).statusCode, 404)
  })

  it('never gives a commissioner a name, a reference or what people wrote, whatever they open', async () => {
    const report = `?${new URLSearchParams({ council: warrington, from: '2026-11-01', to: '2026-11-30' })}`
    const pages = [
      `/reports/report${report}`,
      `/reports/report/csv/enquiries-channel${report}`,
      `/reports/report/csv/enquiries-became${report}`,
    ]
    for (const path of pages) {
      const res = await commissioner.get(path)
      assert.equal(res.statusCode, 200, path)
      for (const secret of ['Amelia', 'Hartley', amelia.reference, 'refused to change'])
        assert.ok(!res.body.includes(secret), `${path} does not say ${secret}`)
    }
    // The case is counted all the same: one online enquiry in November.
    const csv = await commissioner.get(`/reports/report/csv/enquiries-channel${report}`)
    assert.match(csv.body, /Online \(the web form\),fewer than 5\r\n/)
    assert.match(csv.body, /Total,fewer than 5/)
  })

  it('refuses a commissioner every case page, GET and POST, and every other page of the staff', async () => {
    await commissioner.get('/account/password') // a form, for a CSRF token
    const routes = registeredRoutes(t.app.printRoutes({ commonPrefix: false }))
      .map((r) => r.split(' ') as [string, string])
      .filter(([method]) => method === 'GET' || method === 'POST')
    const fill = (path: string) =>
      path.replace(/:(\w+)/g, (_, name: string) =>
        name === 'id' ? amelia.id : name === 'reference' ? amelia.reference : randomUUID(),
      )
    // Pages anyone may open (the public journey, the portal's sign-in, the API with its own tokens), and theirs.
    const open =
      /^(\/|\/request.*|\/dates.*|\/services.*|\/privacy|\/accessibility|\/cookies|\/portal.*|\/sign-in.*|\/sign-out|\/health.*|\/ready|\/api\/.*|\/assets\/.*|\/favicon\.ico|\/account.*|\/reports.*)$/
    const checked: string[] = []
    for (const [method, path] of routes) {
      if (open.test(path)) continue
      const url = fill(path)
      const res = method === 'GET' ? await commissioner.get(url) : await commissioner.post(url, { version: '1' })
      checked.push(`${method} ${path}`)
      assert.ok([403, 404].includes(res.statusCode), `${method} ${path}: ${res.statusCode}`)
      assert.ok(!res.body.includes('Amelia Hartley') && !res.body.includes(amelia.reference), `${method} ${path}`)
    }
    for (const expected of ['GET /cases/:id', 'GET /cases', 'GET /today', 'POST /cases/:id/scope', 'GET /admin/users'])
      assert.ok(checked.includes(expected), `${expected} was tried`)
  })

  it('gives a manager the councils they work for, and all of them together when there are several', async () => {
    const one = await new Agent(t.app).signIn('one@example.com')
    const choose = html(await one.get('/reports'))
    assert.equal(choose.querySelector('input[name="council"]')?.getAttribute('value'), warrington)
    assert.equal((await one.get(`/reports/report?${quarter(halton)}`)).statusCode, 404)
    assert.equal((await one.get(`/reports/report?${quarter('all')}`)).statusCode, 404)
    const two = await new Agent(t.app).signIn('two@example.com')
    const options = html(await two.get('/reports'))
      .querySelectorAll('select[name="council"] option')
      .map((o) => o.text.trim())
    assert.deepEqual(options, ['All your councils', 'Halton Borough Council', 'Warrington Borough Council'])
    const all = await two.get(`/reports/report?${quarter('all')}`)
    assert.equal(all.statusCode, 200)
    assert.match(html(all).querySelector('.govuk-caption-l')!.text, /All your councils/)
  })

  it('has no reports for a coordinator or a mediator', async () => {
    const coordinator = await new Agent(t.app).signIn('cora@example.com')
    assert.equal((await coordinator.get('/reports')).statusCode, 403)
    assert.equal((await coordinator.get(`/reports/report?${quarter(warrington)}`)).statusCode, 403)
    await createStaff(t.database, 'maya@example.com', ['mediator'], 'Maya Mediator')
    const mediator = await new Agent(t.app).signIn('maya@example.com')
    assert.equal((await mediator.get('/reports')).statusCode, 403)
  })

  it('asks again, with what was chosen, when the choice cannot be read', async () => {
    const res = await commissioner.get(
      `/reports?council=${warrington}&period=dates&from-day=31&from-month=2&from-year=2026`,
    )
    assert.equal(res.statusCode, 400)
    const doc = html(res)
    assert.deepEqual(
      doc.querySelectorAll('.govuk-error-summary__list a').map((a) => [a.getAttribute('href'), a.text.trim()]),
      [
        ['#from-day', 'The first day must be a real date'],
        ['#to-day', 'Enter the last day'],
      ],
    )
    assert.equal(doc.getElementById('from-day')?.getAttribute('value'), '31')
    assertRedirect(
      await commissioner.get(`/reports?council=${warrington}&period=quarter&quarter=2026-07`),
      `/reports/report?${quarter(warrington)}`,
    )
    assertRedirect(
      await commissioner.get(`/reports?council=${warrington}&period=year&year=2026`),
      `/reports/report?${new URLSearchParams({ council: warrington, from: '2026-04-01', to: '2027-03-31' })}`,
    )
  })
})

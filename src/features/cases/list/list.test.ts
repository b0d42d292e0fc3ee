import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { clearAccessLog } from '../../../../test/helpers/audit.ts'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html, titleOf } from '../../../../test/helpers/html.ts'
import { accessLog, cases } from '../../../db/schema/index.ts'
import { makeCase } from '../testing.ts'

const referencesIn = (body: ReturnType<typeof html>) =>
  body.querySelectorAll('tbody tr td:first-child a').map((a) => a.text.trim())
const childrenIn = (body: ReturnType<typeof html>) =>
  body.querySelectorAll('tbody tr td:nth-child(2)').map((td) => td.text.trim())

describe('the case list at /cases', () => {
  let t: TestApp
  let coordinator: Agent
  let coordinatorId: string
  const refs: Record<string, string> = {}

  before(async () => {
    t = await createTestApp()
    coordinatorId = (await createStaff(t.database, 'coordinator@example.com', ['coordinator'])).id
    await createStaff(t.database, 'mediator@example.com', ['mediator'])
    t.clock.set('2026-11-01T10:00:00Z')
    refs.amelia = (
      await makeCase(t.database, t.clock, { childName: 'Amelia Hartley', parentName: 'Sarah Hartley' })
    ).reference
    t.clock.set('2026-11-10T10:00:00Z')
    const zara = await makeCase(t.database, t.clock, {
      childName: 'Zara Quinn',
      parentName: 'Bartholomew Fenwick',
      channel: 'phone',
    })
    refs.zara = zara.reference
    await t.database.db.update(cases).set({ scope: 'both', status: 'scope-decided' }).where(eq(cases.id, zara.id))
    t.clock.set('2026-11-20T10:00:00Z')
    refs.script = (
      await makeCase(t.database, t.clock, {
        childName: '<script>alert(1)</script>',
        parentName: 'Pat Smith',
        channel: 'email',
      })
    ).reference
    for (let i = 1; i <= 25; i++) {
      t.clock.set(`2026-11-25T${String(i % 24).padStart(2, '0')}:00:00Z`)
      await makeCase(t.database, t.clock, {
        childName: `Filler Child ${String(i).padStart(2, '0')}`,
        parentName: `Filler Parent ${i}`,
      })
    }
    t.clock.set('2026-11-27T10:00:00Z')
    coordinator = await new Agent(t.app).signIn('coordinator@example.com')
  })
  after(() => t.close())

  it('sends someone not signed in to sign in', async () => {
    const res = await new Agent(t.app).get('/cases')
    assertRedirect(res, '/sign-in?next=%2Fcases')
  })

  it('shows a coordinator the newest cases first, 25 a page', async () => {
    const res = await coordinator.get('/cases')
    assert.equal(res.statusCode, 200)
    assert.match(titleOf(res), /^Cases - /)
    const doc = html(res)
    assert.equal(referencesIn(doc).length, 25)
    assert.equal(childrenIn(doc)[0], 'Filler Child 23') // 23:00 on 25 November is the latest
    assert.match(doc.getElementById('results-count')!.text, /Showing 1 to 25 of 28 cases/)
    assert.equal(doc.querySelector('th[aria-sort="descending"]')?.text.trim(), 'Received')
    assert.ok(doc.querySelector('.govuk-pagination'), 'pagination shown')
  })

  it('pages on the server, keeping the filters in the links', async () => {
    const res = await coordinator.get('/cases?page=2')
    const doc = html(res)
    assert.equal(res.statusCode, 200)
    assert.equal(referencesIn(doc).length, 3)
    assert.deepEqual(childrenIn(doc), ['<script>alert(1)</script>', 'Zara Quinn', 'Amelia Hartley'])
    assert.equal(doc.querySelector('.govuk-pagination__prev a')?.getAttribute('href'), '/cases')

    const filtered = html(await coordinator.get('/cases?channel=online&sort=child&order=asc'))
    const next = filtered.querySelector('.govuk-pagination__next a')?.getAttribute('href')
    assert.equal(next, '/cases?channel=online&sort=child&order=asc&page=2')
  })

  it('reads a page number that is not one as the first page, and one past the end as the last', async () => {
    const bad = await coordinator.get('/cases?page=abc')
    assert.equal(bad.statusCode, 200)
    assert.equal(referencesIn(html(bad)).length, 25)
    const past = await coordinator.get('/cases?page=99')
    assert.equal(past.statusCode, 200)
    assert.equal(referencesIn(html(past)).length, 3)
  })

  it('sorts by a column through links in its header, both ways', async () => {
    const asc = html(await coordinator.get('/cases?receivedTo=15/11/2026&sort=child&order=asc'))
    assert.deepEqual(childrenIn(asc), ['Amelia Hartley', 'Zara Quinn'])
    const header = asc.querySelectorAll('th').find((th) => th.text.trim() === 'Child or young person')!
    assert.equal(header.getAttribute('aria-sort'), 'ascending')
    assert.equal(
      header.querySelector('a')?.getAttribute('href'),
      '/cases?receivedTo=15%2F11%2F2026&sort=child&order=desc',
    )
    assert.equal(asc.querySelectorAll('th[aria-sort="none"]').length, 4)

    const desc = html(await coordinator.get('/cases?receivedTo=15/11/2026&sort=child&order=desc'))
    assert.deepEqual(childrenIn(desc), ['Zara Quinn', 'Amelia Hartley'])
    const byReference = html(await coordinator.get('/cases?receivedTo=15/11/2026&sort=reference&order=asc'))
    assert.deepEqual(referencesIn(byReference), [refs.amelia, refs.zara])
    const byReceived = html(await coordinator.get('/cases?receivedTo=15/11/2026&sort=received&order=asc'))
    assert.deepEqual(childrenIn(byReceived), ['Amelia Hartley', 'Zara Quinn'])
    const byScope = html(await coordinator.get('/cases?receivedTo=15/11/2026&sort=scope&order=desc'))
    assert.deepEqual(childrenIn(byScope), ['Zara Quinn', 'Amelia Hartley'])
  })

  it('ignores a sort it does not know', async () => {
    const res = await coordinator.get('/cases?sort=password&order=sideways')
    assert.equal(res.statusCode, 200)
    assert.equal(childrenIn(html(res))[0], 'Filler Child 23')
  })

  it('filters by status, type, channel and received dates', async () => {
    assert.deepEqual(childrenIn(html(await coordinator.get('/cases?status=scope-decided'))), ['Zara Quinn'])
    assert.deepEqual(childrenIn(html(await coordinator.get('/cases?scope=both'))), ['Zara Quinn'])
    assert.deepEqual(childrenIn(html(await coordinator.get('/cases?channel=phone'))), ['Zara Quinn'])
    assert.deepEqual(childrenIn(html(await coordinator.get('/cases?channel=phone&channel=email'))), [
      '<script>alert(1)</script>',
      'Zara Quinn',
    ])
    assert.deepEqual(childrenIn(html(await coordinator.get('/cases?receivedFrom=5/11/2026&receivedTo=20/11/2026'))), [
      '<script>alert(1)</script>',
      'Zara Quinn',
    ])
    assert.deepEqual(childrenIn(html(await coordinator.get('/cases?receivedFrom=2026-11-02&receivedTo=2026-11-10'))), [
      'Zara Quinn',
    ])
    const undecided = html(await coordinator.get('/cases?scope=undecided'))
    assert.match(undecided.getElementById('results-count')!.text, /of 27 cases/)
    assert.ok(undecided.querySelector('.moj-filter__selected'), 'the chosen filter is shown')
    assert.equal(undecided.querySelector('.moj-filter__tag')?.getAttribute('href'), '/cases')
    assert.equal(undecided.querySelector('input[name="scope"][value="undecided"]')?.hasAttribute('checked'), true)
  })

  it('ignores filter values it does not know', async () => {
    const res = await coordinator.get('/cases?status=hacked&scope[]=x&channel=carrier-pigeon')
    assert.equal(res.statusCode, 200)
    assert.match(html(res).getElementById('results-count')!.text, /of 28 cases/)
  })

  it('says clearly when a received date cannot be read, and lists without it', async () => {
    const res = await coordinator.get('/cases?receivedFrom=31/2/2026&receivedTo=soon')
    assertFormErrors(res, ['receivedFrom', 'receivedTo'])
    assert.match(res.body, /Received from must be a real date/)
    assert.match(html(res).getElementById('results-count')!.text, /of 28 cases/)
    assert.equal(html(res).getElementById('receivedTo')?.getAttribute('value'), 'soon')
  })

  it('says when no cases match', async () => {
    const res = await coordinator.get('/cases?q=Nobody%20Anywhere%20Xyzzy')
    assert.equal(res.statusCode, 200)
    assert.equal(html(res).getElementById('no-results')?.text.trim(), 'No cases match')
    assert.equal(html(res).querySelectorAll('tbody tr').length, 0)
  })

  it('finds a case by its exact reference, whatever the case of the letters', async () => {
    const res = await coordinator.get(`/cases?q=${refs.zara!.toLowerCase()}`)
    assert.equal(res.statusCode, 200)
    assert.deepEqual(referencesIn(html(res)), [refs.zara])
  })

  it('finds a child by a misspelt name, best match first', async () => {
    const res = await coordinator.get('/cases?q=Amelia+Hartly')
    assert.equal(res.statusCode, 200)
    const children = childrenIn(html(res))
    assert.equal(children[0], 'Amelia Hartley')
    assert.ok(!children.includes('Zara Quinn'))
    assert.match(html(res).getElementById('results-count')!.text, /best match first/)

    const close = childrenIn(html(await coordinator.get('/cases?q=Filler+Child+07')))
    assert.ok(close.length > 1, 'similar names match too')
    assert.equal(close[0], 'Filler Child 07')
  })

  it('finds a case by the name of a parent in it, misspelt', async () => {
    const res = await coordinator.get('/cases?q=Bartholemew+Fenwik')
    assert.deepEqual(childrenIn(html(res)), ['Zara Quinn'])
  })

  it('records that a search happened, but not what was searched for', async () => {
    await clearAccessLog(t.database)
    await coordinator.get('/cases?q=Amelia+Hartly&status=enquiry')
    await coordinator.get('/cases?status=enquiry') // not a search
    const rows = await t.database.db.select().from(accessLog)
    assert.equal(rows.length, 1)
    assert.equal(rows[0]!.action, 'search')
    assert.equal(rows[0]!.caseId, null)
    assert.equal(rows[0]!.userId, coordinatorId)
    assert.equal(rows[0]!.path, '/cases')
    assert.equal(rows[0]!.at.toISOString(), '2026-11-27T10:00:00.000Z')
  })

  it('refuses a search that is too long without failing', async () => {
    const res = await coordinator.get(`/cases?q=${'a'.repeat(101)}`)
    assertFormErrors(res, ['q'])
    assert.match(html(res).getElementById('results-count')!.text, /of 28 cases/)
  })

  it("shows a child's name escaped", async () => {
    const res = await coordinator.get('/cases?channel=email')
    assert.ok(!res.body.includes('<script>alert(1)</script>'))
    assert.ok(res.body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'))
  })

  it('shows a mediator no cases yet', async () => {
    const mediator = await new Agent(t.app).signIn('mediator@example.com')
    const res = await mediator.get('/cases')
    assert.equal(res.statusCode, 200)
    assert.equal(html(res).querySelectorAll('tbody tr').length, 0)
    assert.equal(html(res).getElementById('no-results')?.text.trim(), 'No cases match')
    const searched = await mediator.get(`/cases?q=${refs.amelia}`)
    assert.equal(html(searched).querySelectorAll('tbody tr').length, 0)
  })
})

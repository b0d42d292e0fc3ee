import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { clearAccessLog } from '../../../../test/helpers/audit.ts'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertRedirect, html, titleOf } from '../../../../test/helpers/html.ts'
import { accessLog } from '../../../db/schema/index.ts'
import { makeCase } from '../../cases/testing.ts'
import { createWorkflowService } from '../../cases/index.ts'
import { issueWorkedExample } from '../testing.ts'

const text = (s: string) => s.replace(/\s+/g, ' ').trim()

describe('the Certificates tab at /cases/:id/certificates', () => {
  let t: TestApp
  let example: Awaited<ReturnType<typeof issueWorkedExample>>

  before(async () => {
    t = await createTestApp({ now: '2026-12-18T10:00:00Z' })
    await createStaff(t.database, 'coordinator@example.com', ['coordinator'])
    await createStaff(t.database, 'manager@example.com', ['manager'])
    await createStaff(t.database, 'mediator@example.com', ['mediator'])
    example = await issueWorkedExample(t.database, t.clock)
  })
  after(() => t.close())
  // Sessions expire after a while idle: sign in again whenever the clock has moved.
  const signIn = (email = 'coordinator@example.com') => new Agent(t.app).signIn(email)

  it('lists the certificate issued, with its page and both PDFs', async () => {
    const res = await (await signIn()).get(`/cases/${example.id}/certificates`)
    assert.equal(res.statusCode, 200)
    assert.equal(
      titleOf(res),
      `Certificates - ${example.reference} - SEN Mediation and Disagreement Resolution Service`,
    )
    const doc = html(res)
    assert.equal(doc.querySelector('.moj-sub-navigation__link[aria-current="page"]')?.text.trim(), 'Certificates')
    const rows = doc.querySelectorAll('table tbody tr')
    assert.equal(rows.length, 1)
    const cells = rows[0]!.querySelectorAll('td').map((td) => text(td.text))
    assert.equal(cells[0], `${example.reference}-C1`)
    assert.equal(cells[1], 'Mediation declined')
    assert.equal(cells[2], 'Wednesday 23 December 2026')
    const base = `/cases/${example.id}/certificates/${example.certificateId}`
    assert.deepEqual(
      rows[0]!.querySelectorAll('a').map((a) => a.getAttribute('href')),
      [base, `${base}.pdf`, `${base}-large-print.pdf`],
    )
    assert.match(
      cells[3]!,
      new RegExp(`^PDF of certificate ${example.number} Large print PDF of certificate ${example.number}$`),
    )
    assert.equal(doc.getElementById('certificate-due'), null)
    assert.equal(doc.getElementById('large-print-asked'), null)
  })

  it('says which certificate is due and by when, with a link to issue it', async () => {
    t.clock.set('2026-12-18T10:00:00Z')
    const due = await makeCase(t.database, t.clock, { childName: 'Noah Phillips' })
    const workflow = createWorkflowService({ db: t.database.db, clock: t.clock })
    await workflow.apply(
      due.id,
      { type: 'decide-scope', scope: 'sen-mediation', reason: 'x' },
      { actor: { label: 'x' } },
    )
    const coordinator = await signIn()
    const before = html(await coordinator.get(`/cases/${due.id}/certificates`))
    assert.equal(before.getElementById('certificate-due'), null)
    assert.match(text(before.querySelector('main')!.text), /No certificate has been issued for this case/)

    await workflow.apply(due.id, { type: 'decline-mediation' }, { actor: { label: 'x' } })
    const res = await coordinator.get(`/cases/${due.id}/certificates`)
    const box = html(res).getElementById('certificate-due')!
    assert.match(
      text(box.text),
      /A mediation certificate is due: Mediation declined\. Issue it by Wednesday 23 December 2026\./,
    )
    assert.doesNotMatch(text(box.text), /overdue/)
    assert.equal(box.querySelector('a')?.getAttribute('href'), `/cases/${due.id}/actions/issue-certificate`)

    t.clock.set('2026-12-24T10:00:00Z')
    assert.match(
      text(html(await (await signIn()).get(`/cases/${due.id}/certificates`)).getElementById('certificate-due')!.text),
      /This is overdue\./,
    )
  })

  it('points to the large-print PDF when the person asked for large print', async () => {
    const big = await issueWorkedExample(t.database, t.clock, { childName: 'Ella Grant', largePrint: true })
    const doc = html(await (await signIn()).get(`/cases/${big.id}/certificates`))
    assert.match(text(doc.getElementById('large-print-asked')!.text), /asked for large print/)
    assert.match(text(doc.querySelector('table tbody tr')!.text), /Large print PDF of certificate .* \(asked for\)/)
  })

  it('shows a manager the tab and records the view in the access log', async () => {
    await clearAccessLog(t.database)
    const manager = await signIn('manager@example.com')
    assert.equal((await manager.get(`/cases/${example.id}/certificates`)).statusCode, 200)
    const rows = await t.database.db.select().from(accessLog).where(eq(accessLog.caseId, example.id))
    assert.deepEqual(
      rows.map((r) => r.path),
      [`/cases/${example.id}/certificates`],
    )
  })

  it('gives a mediator the same "not found" as any case page, and sends someone not signed in to sign in', async () => {
    const mediator = await signIn('mediator@example.com')
    const res = await mediator.get(`/cases/${example.id}/certificates`)
    assert.equal(res.statusCode, 404)
    assert.match(titleOf(res), /^Case not found/)
    assert.ok(!res.body.includes(example.reference))
    assertRedirect(await new Agent(t.app).get(`/cases/${example.id}/certificates`), /^\/sign-in\?next=/)
    assert.equal((await (await signIn()).get('/cases/not-a-case/certificates')).statusCode, 404)
  })

  it("shows a child's name escaped", async () => {
    const bad = await issueWorkedExample(t.database, t.clock, { childName: '<script>alert(1)</script>' })
    const res = await (await signIn()).get(`/cases/${bad.id}/certificates`)
    assert.equal(res.statusCode, 200)
    assert.ok(!res.body.includes('<script>alert(1)</script>'))
    assert.ok(res.body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'))
  })
})

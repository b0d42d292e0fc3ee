// Cases worked through the pages as a coordinator would: the worked example in rules.md (a parent
// declines SEN mediation and gets a certificate), and disagreement resolution that cannot go ahead.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertRedirect, html } from '../../../../test/helpers/html.ts'
import { caseEvents, cases, certificates } from '../../../db/schema/index.ts'
import { makeCase } from '../testing.ts'

const squash = (s: string) => s.replace(/\s+/g, ' ').trim()
const on = (iso: string) => {
  const [y, m, d] = iso.split('-')
  return { 'occurredOn-day': String(Number(d)), 'occurredOn-month': String(Number(m)), 'occurredOn-year': y! }
}

describe('working cases through the action pages', () => {
  let t: TestApp
  let coordinator: Agent
  const versionOf = async (id: string) =>
    String((await t.database.db.select().from(cases).where(eq(cases.id, id)))[0]!.version)
  const statusOf = async (id: string) => (await t.database.db.select().from(cases).where(eq(cases.id, id)))[0]!.status
  const progress = async (id: string) => html(await coordinator.get(`/cases/${id}/progress`))

  before(async () => {
    t = await createTestApp({ now: '2026-12-18T10:00:00Z', config: { SESSION_IDLE_MINUTES: 60 * 24 * 30 } })
    await createStaff(t.database, 'coordinator@example.com', ['coordinator'], 'Cora Ordinator')
    coordinator = await new Agent(t.app).signIn('coordinator@example.com')
  })
  after(() => t.close())

  it('SEN mediation: the parent declines on Friday 18 December 2026, the certificate is issued on Wednesday 23rd, and the appeal deadline is Monday 25 January 2027', async () => {
    const { id } = await makeCase(t.database, t.clock) // decision letter sent Monday 19 October 2026

    assertRedirect(
      await coordinator.submit(`/cases/${id}/scope`, {
        version: await versionOf(id),
        scope: 'sen-mediation',
        reason: 'Refusal to amend the plan',
      }),
    )
    assert.equal(await statusOf(id), 'scope-decided')

    // From the progress page's next steps, to the page that records the parent's choice.
    const steps = (await progress(id))
      .querySelectorAll('.govuk-button-group a.govuk-button')
      .map((a) => a.getAttribute('href'))
    assert.ok(steps.includes(`/cases/${id}/actions/decline-mediation`))
    assertRedirect(
      await coordinator.submit(`/cases/${id}/actions/decline-mediation`, {
        version: await versionOf(id),
        ...on('2026-12-18'),
      }),
      `/cases/${id}/progress`,
    )
    assert.equal(await statusOf(id), 'declined')

    let doc = await progress(id)
    assert.equal(squash(doc.getElementById('case-status')!.text), 'Mediation declined: certificate due')
    const due = squash(doc.getElementById('deadline-certificate')!.text)
    assert.match(due, /Issue the mediation certificate/)
    assert.match(due, /Due Wednesday 23 December 2026 \(3 working days left\)/)
    assert.match(due, /SEND Regulations 2014, reg 34/)
    assert.match(due, /Started by The parent or young person declined mediation on Friday 18 December 2026/)
    assert.match(squash(doc.getElementById('deadline-appeal')!.text), /Due Monday 21 December 2026/)

    // Closing now is refused: the certificate comes first.
    const early = await coordinator.submit(`/cases/${id}/actions/close`, {
      version: await versionOf(id),
      ...on('2026-12-18'),
    })
    assert.equal(early.statusCode, 409)
    assert.match(html(early).querySelector('.govuk-error-summary')!.text, /Issue the certificate first/)

    t.clock.set('2026-12-23T12:00:00Z')
    const form = html(await coordinator.get(`/cases/${id}/actions/issue-certificate`))
    assert.equal(form.querySelector('input[name="kind"][value="declined"]')?.hasAttribute('checked'), true)
    assertRedirect(
      await coordinator.submit(`/cases/${id}/actions/issue-certificate`, {
        version: await versionOf(id),
        kind: 'declined',
        ...on('2026-12-23'),
      }),
    )
    assert.equal(await statusOf(id), 'certificate-issued')

    const [certificate] = await t.database.db.select().from(certificates).where(eq(certificates.caseId, id))
    assert.deepEqual([certificate?.kind, certificate?.issuedOn], ['declined', '2026-12-23'])

    doc = await progress(id)
    assert.match(doc.querySelector('.govuk-notification-banner')!.text, /Mediation certificate issued/)
    const certificateDeadline = doc.getElementById('deadline-certificate')!
    assert.equal(certificateDeadline.querySelector('.govuk-tag')!.text.trim(), 'Met')
    const appeal = squash(doc.getElementById('deadline-appeal')!.text)
    assert.match(appeal, /Due Monday 25 January 2027/)
    assert.match(appeal, /Started by The mediation certificate was issued on Wednesday 23 December 2026/)

    assertRedirect(
      await coordinator.submit(`/cases/${id}/actions/close`, {
        version: await versionOf(id),
        note: 'Certificate sent by email',
        ...on('2026-12-23'),
      }),
    )
    assert.equal(await statusOf(id), 'closed')
    const types = (await t.database.db.select().from(caseEvents).where(eq(caseEvents.caseId, id))).map((e) => e.type)
    assert.deepEqual(
      types.filter((x) => ['scope-decided', 'mediation-declined', 'certificate-issued', 'closed'].includes(x)),
      ['scope-decided', 'mediation-declined', 'certificate-issued', 'closed'],
    )
  })

  it('disagreement resolution stops when the school is not willing, and says why when asked to go on', async () => {
    t.clock.set('2026-12-18T10:00:00Z')
    const { id } = await makeCase(t.database, t.clock, { childName: 'Noah Phillips' })
    assertRedirect(
      await coordinator.submit(`/cases/${id}/scope`, {
        version: await versionOf(id),
        scope: 'disagreement-resolution',
        reason: 'About the provision at school',
      }),
    )
    assertRedirect(
      await coordinator.submit(`/cases/${id}/actions/start-willingness`, {
        version: await versionOf(id),
        ...on('2026-12-18'),
      }),
    )
    assertRedirect(
      await coordinator.submit(`/cases/${id}/actions/invite-party`, {
        version: await versionOf(id),
        party: 'school',
        how: 'email',
        ...on('2026-12-16'),
      }),
    )
    assertRedirect(
      await coordinator.submit(`/cases/${id}/actions/invite-party`, {
        version: await versionOf(id),
        party: 'local-authority',
        how: 'phone',
        ...on('2026-12-16'),
      }),
    )

    // The school's answer comes from its row on the progress page.
    const links = (await progress(id))
      .getElementById('party-school')!
      .querySelectorAll('a')
      .map((a) => a.getAttribute('href'))
    assert.ok(links.includes(`/cases/${id}/actions/record-willingness?party=school`))
    assertRedirect(
      await coordinator.submit(`/cases/${id}/actions/record-willingness`, {
        version: await versionOf(id),
        party: 'school',
        answer: 'unwilling',
        reason: 'The head teacher will not meet the family',
        ...on('2026-12-18'),
      }),
    )
    assert.equal(await statusOf(id), 'could-not-proceed')
    const doc = await progress(id)
    assert.equal(
      squash(doc.getElementById('case-status')!.text),
      'Could not go ahead: not every party is willing to take part',
    )
    assert.match(
      squash(doc.getElementById('party-school')!.text),
      /Not willing to take part \(Friday 18 December 2026\) Reason: The head teacher will not meet the family/,
    )
    const steps = doc.querySelectorAll('.govuk-button-group a.govuk-button').map((a) => a.text.trim())
    assert.deepEqual(steps, ['Close the case', 'Reopen the case'])

    const refused = await coordinator.submit(`/cases/${id}/actions/start-preparation`, {
      version: await versionOf(id),
      ...on('2026-12-18'),
    })
    assert.equal(refused.statusCode, 409)
    assert.match(html(refused).querySelector('.govuk-error-summary')!.text, /not every party is willing to take part/)
    assert.equal(await statusOf(id), 'could-not-proceed')
  })

  it('SEN mediation: the council cannot refuse to take part', async () => {
    t.clock.set('2026-12-18T10:00:00Z')
    const { id } = await makeCase(t.database, t.clock, { childName: 'Isla Grant' })
    assertRedirect(
      await coordinator.submit(`/cases/${id}/scope`, {
        version: await versionOf(id),
        scope: 'sen-mediation',
        reason: 'Appealable',
      }),
    )
    assertRedirect(
      await coordinator.submit(`/cases/${id}/actions/choose-mediation`, {
        version: await versionOf(id),
        healthInIssue: 'no',
        healthOnly: 'no',
        ...on('2026-12-18'),
      }),
    )
    assertRedirect(
      await coordinator.submit(`/cases/${id}/actions/invite-party`, {
        version: await versionOf(id),
        party: 'local-authority',
        how: 'email',
        ...on('2026-12-18'),
      }),
    )
    const refused = await coordinator.submit(`/cases/${id}/actions/record-willingness`, {
      version: await versionOf(id),
      party: 'local-authority',
      answer: 'unwilling',
      reason: 'Too busy',
      ...on('2026-12-18'),
    })
    assert.equal(refused.statusCode, 409)
    assert.match(html(refused).querySelector('.govuk-error-summary')!.text, /The council cannot refuse SEN mediation/)
    assert.equal(await statusOf(id), 'willingness')
  })
})

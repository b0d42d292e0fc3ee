// Issuing a certificate sends it: the parent or young person gets it by the way they chose (the
// outbox), with the PDF attached, in the same transaction; the page says what Parley did.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { Agent } from '../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { html } from '../../../test/helpers/html.ts'
import { caseParties, cases, messages } from '../../db/schema/index.ts'
import { createWorkflowService } from '../cases/index.ts'
import { makeCase } from '../cases/testing.ts'
import { readPdf } from '../certificates/testing.ts'

describe('a certificate issued on its page is sent to the parent or young person', () => {
  let t: TestApp
  let coordinator: Agent
  before(async () => {
    t = await createTestApp() // Friday 27 November 2026
    await createStaff(t.database, 'coordinator@example.com', ['coordinator'], 'Cora Ordinator')
    coordinator = await new Agent(t.app).signIn('coordinator@example.com')
  })
  after(() => t.close())

  const declined = async () => {
    const made = await makeCase(t.database, t.clock) // Sarah Hartley, who chose email
    const w = createWorkflowService({ db: t.database.db, clock: t.clock })
    const actor = { actor: { label: 'Cora Ordinator' } }
    assert.ok((await w.apply(made.id, { type: 'decide-scope', scope: 'sen-mediation', reason: 'x' }, actor)).ok)
    assert.ok((await w.apply(made.id, { type: 'decline-mediation' }, actor)).ok)
    const [row] = await t.database.db.select({ version: cases.version }).from(cases).where(eq(cases.id, made.id))
    return { ...made, version: String(row!.version) }
  }
  const issue = (id: string, version: string) =>
    coordinator.submit(`/cases/${id}/actions/issue-certificate`, {
      version,
      kind: 'declined',
      'occurredOn-day': '27',
      'occurredOn-month': '11',
      'occurredOn-year': '2026',
    })

  it('queues it by email with the PDF, and the progress page says so', async () => {
    const c = await declined()
    const res = await issue(c.id, c.version)
    assert.equal(res.statusCode, 303, res.body.slice(0, 300))
    const sent = await t.database.db
      .select()
      .from(messages)
      .where(and(eq(messages.caseId, c.id), eq(messages.templateKey, 'certificate-copy')))
    assert.equal(sent.length, 1)
    assert.equal(sent[0]!.channel, 'email')
    assert.equal(sent[0]!.recipientAddress, 'sarah@example.com')
    assert.match(sent[0]!.subject, new RegExp(`Your mediation certificate: ${c.reference}`))
    const [attachment] = sent[0]!.attachments as { filename: string; contentType: string; content: string }[]
    assert.equal(attachment!.contentType, 'application/pdf')
    const pdf = await readPdf(Buffer.from(attachment!.content, 'base64'))
    assert.match(pdf.text, /Amelia Hartley/)
    const progress = await coordinator.get(res.headers.location as string)
    assert.match(
      html(progress).querySelector('.govuk-notification-banner--success')?.text ?? '',
      /Mediation certificate issued\. A copy is being sent to Sarah Hartley by email\./,
    )
  })

  it('says plainly that nothing was sent when there is no way to reach them', async () => {
    const c = await declined()
    await t.database.db
      .update(caseParties)
      .set({ email: null, phone: null, contactPreferences: { methods: ['email'] } })
      .where(and(eq(caseParties.caseId, c.id), eq(caseParties.role, 'parent')))
    const res = await issue(c.id, c.version)
    assert.equal(res.statusCode, 303, res.body.slice(0, 300))
    const progress = await coordinator.get(res.headers.location as string)
    assert.match(
      html(progress).querySelector('.govuk-notification-banner--success')?.text ?? '',
      /We have no contact details for the parent or young person, so nothing was sent/,
    )
  })
})

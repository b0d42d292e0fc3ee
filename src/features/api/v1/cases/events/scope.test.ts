// Deciding the scope through the API, as staff do on the scope page: the service, the reasons,
// the appeal's subject (only section I: no adviser-contact and no certificate deadline), and
// where an out-of-scope enquiry is signposted.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import { Agent } from '../../../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../../../test/helpers/app.ts'
import { html } from '../../../../../../test/helpers/html.ts'
import { scopeDecisions } from '../../../../../db/schema/index.ts'
import { makeCase } from '../../../../cases/testing.ts'
import { api, issueToken } from '../../../test-kit.ts'

describe('POST /api/v1/cases/:reference/events: scope-decided', () => {
  let t: TestApp
  let token: string
  const post = (reference: string, body: unknown) => api(t, token).post(`/api/v1/cases/${reference}/events`, body)
  const names = (deadlines: { name: string }[]) => deadlines.map((d) => d.name).sort()

  before(async () => {
    t = await createTestApp()
    ;({ token } = await issueToken(t, 'warrington', 'Warrington case system'))
    await createStaff(t.database, 'coordinator@example.com', ['coordinator'], 'Cora Ordinator')
  })
  after(() => t.close())

  it('decides SEN mediation with its reason, takes the case past scope, and records who decided', async () => {
    const { id, reference } = await makeCase(t.database, t.clock)
    const res = await post(reference, {
      type: 'scope-decided',
      date: '2026-11-27',
      data: { scope: 'sen-mediation', reason: 'A refusal to assess, which can be appealed.' },
    })
    assert.equal(res.statusCode, 201, res.body)
    assert.equal(res.json().status, 'scope-decided')
    const [row] = await t.database.db.select().from(scopeDecisions).where(eq(scopeDecisions.caseId, id))
    assert.deepEqual(
      [row!.scope, row!.reason, row!.decidedBy, row!.decidedByLabel, row!.appealSubject],
      ['sen-mediation', 'A refusal to assess, which can be appealed.', null, 'API: Warrington case system', null],
    )
    const chose = await post(reference, {
      type: 'mediation-requested',
      date: '2026-11-27',
      data: { healthInIssue: false, healthOnly: false },
    })
    assert.equal(chose.statusCode, 201, chose.body)
    const again = await post(reference, {
      type: 'scope-decided',
      date: '2026-11-27',
      data: { scope: 'disagreement-resolution', reason: 'Changed our minds' },
    })
    assert.equal(again.statusCode, 409)
    assert.match(again.json().detail, /The scope can no longer be changed/)
    const page = html(await new Agent(t.app).signIn('coordinator@example.com').then((a) => a.get(`/cases/${id}`)))
    assert.match(page.getElementById('scope-decision')!.text, /API: Warrington case system/)
  })

  it('records an appeal only about section I: no adviser-contact or certificate deadline, here or on the pages', async () => {
    const { id, reference } = await makeCase(t.database, t.clock)
    await post(reference, { type: 'decision-letter-sent', date: '2026-11-16' })
    const before = await post(reference, { type: 'adviser-contacted', date: '2026-11-17' })
    assert.ok(names(before.json().deadlines).includes('adviser-contact'))
    const res = await post(reference, {
      type: 'scope-decided',
      date: '2026-11-27',
      data: {
        scope: 'sen-mediation',
        reason: 'Only the school named in the plan is in dispute.',
        appealSubject: { decisions: ['plan-contents'], sections: ['I'] },
      },
    })
    assert.equal(res.statusCode, 201, res.body)
    assert.deepEqual(names(res.json().deadlines), ['appeal'])
    const declined = await post(reference, { type: 'mediation-declined', date: '2026-11-27' })
    assert.equal(declined.statusCode, 201, declined.body)
    assert.deepEqual(names(declined.json().deadlines), ['appeal'])
    assert.equal(declined.json().status, 'declined')
    const read = (await api(t, token).get(`/api/v1/cases/${reference}`)).json()
    assert.deepEqual(read.appealSubject, { decisions: ['plan-contents'], sections: ['I'] })
    assert.equal(read.placementOnly, true)
    assert.deepEqual(names(read.deadlines), ['appeal'])
    const certificate = await post(reference, {
      type: 'certificate-issued',
      date: '2026-11-27',
      data: { kind: 'declined' },
    })
    assert.equal(certificate.statusCode, 409)
    assert.match(certificate.json().detail, /needs no mediation certificate/)

    const coordinator = await new Agent(t.app).signIn('coordinator@example.com')
    const progress = html(await coordinator.get(`/cases/${id}/progress`)).querySelector('main')!.text
    assert.doesNotMatch(progress, /Contact the mediation adviser|Issue the mediation certificate/)
    assert.match(progress, /Last day to appeal/)
    const overview = html(await coordinator.get(`/cases/${id}`))
    assert.match(
      overview.getElementById('appeal-subject')!.text,
      /Section I: the school, college or other placement named/,
    )
    assert.match(overview.getElementById('appeal-subject')!.text, /no mediation certificate are needed/)
    const what = (
      await api(t, token).post('/api/v1/deadlines', {
        events: [
          { type: 'scope-decided', date: '2026-11-20', data: { appealSubject: { decisions: [], sections: ['I'] } } },
          { type: 'decision-letter-sent', date: '2026-11-16' },
          { type: 'mediation-declined', date: '2026-11-27' },
        ],
      })
    ).json()
    assert.deepEqual(names(what.deadlines), ['appeal'])
  })

  it('signposts an enquiry out of scope to an agency by its code, and names a missing or unknown one', async () => {
    const { reference } = await makeCase(t.database, t.clock)
    const missing = await post(reference, {
      type: 'scope-decided',
      date: '2026-11-27',
      data: { scope: 'out-of-scope', reason: 'Advice only' },
    })
    assert.equal(missing.statusCode, 400)
    assert.deepEqual(Object.keys(missing.json().fields), ['data.signpostTo'])
    const unknown = await post(reference, {
      type: 'scope-decided',
      date: '2026-11-27',
      data: { scope: 'out-of-scope', reason: 'Advice only', signpostTo: 'nobody' },
    })
    assert.equal(unknown.statusCode, 400)
    assert.deepEqual(Object.keys(unknown.json().fields), ['data.signpostTo'])
    const res = await post(reference, {
      type: 'scope-decided',
      date: '2026-11-27',
      data: { scope: 'out-of-scope', reason: 'Advice only', signpostTo: 'sendiass' },
    })
    assert.equal(res.statusCode, 201, res.body)
    assert.equal(res.json().status, 'signposted')
  })
})

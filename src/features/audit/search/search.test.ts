// /admin/audit and /admin/audit.csv: the audit searched by who, case, kind and dates, paged by
// keyset, as CSV (the download itself recorded), and what a manager may see of it.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import type { LightMyRequestResponse } from 'fastify'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, html, titleOf } from '../../../../test/helpers/html.ts'
import { auditTrail, localAuthorities } from '../../../db/schema/index.ts'
import { recordAccess } from '../../cases/index.ts'
import { makeCase } from '../../cases/testing.ts'
import { recordEntry } from '../index.ts'

const rowsOf = (res: LightMyRequestResponse) => html(res).querySelectorAll('#audit-entries tbody tr')

describe('the audit trail at /admin/audit', () => {
  let t: TestApp
  let admin: Agent
  let manager: Agent
  let coraId: string
  let adminId: string
  let ours: { id: string; reference: string }
  let theirs: { id: string; reference: string }
  before(async () => {
    t = await createTestApp({ now: '2026-11-27T10:00:00Z' })
    const [first] = await t.database.db.select().from(localAuthorities).where(eq(localAuthorities.code, 'warrington'))
    const [second] = await t.database.db
      .insert(localAuthorities)
      .values({
        code: 'halton-audit',
        name: 'Halton Test Council',
        commissioned: true,
        postcodeDistricts: ['WA7'],
        serviceName: 'Halton SEN Mediation Service',
        phone: '0300 000 0002',
        address: '1 Example Street, Widnes',
        openingHours: 'Monday to Friday, 9am to 5pm',
      })
      .returning()
    adminId = (await createStaff(t.database, 'ada@example.com', ['administrator'], 'Ada Admin')).id
    await createStaff(t.database, 'mo@example.com', ['manager'], 'Mo Manager', [first!.id])
    coraId = (
      await createStaff(t.database, 'cora@example.com', ['coordinator'], 'Cora Coordinator', [first!.id, second!.id])
    ).id
    ours = await makeCase(t.database, t.clock, { localAuthorityId: first!.id })
    theirs = await makeCase(t.database, t.clock, { localAuthorityId: second!.id })
    for (const c of [ours, theirs])
      await recordAccess(t.database.db, t.clock, { userId: coraId, caseId: c.id, path: `/cases/${c.id}` })
    await recordEntry(t.database.db, t.clock, {
      by: { userId: adminId, ip: '192.0.2.7' },
      action: 'council.changed',
      record: { kind: 'council', id: first!.id },
      before: { phone: '01632 960 001' },
      after: { phone: '01632 960 002' },
    })
    admin = await new Agent(t.app).signIn('ada@example.com')
    manager = await new Agent(t.app).signIn('mo@example.com')
  })
  after(() => t.close())

  it('shows an administrator every change and look, newest first, with who, from where and before and after', async () => {
    const res = await admin.get('/admin/audit')
    assert.equal(res.statusCode, 200)
    assert.match(titleOf(res), /^Audit trail - /)
    const text = rowsOf(res).map((r) => r.textContent)
    assert.ok(
      text.some(
        (r) =>
          /Ada Admin\s+from 192\.0\.2\.7\s+council\.changed/.test(r) && /Before: {"phone":"01632 960 001"}/.test(r),
      ),
    )
    assert.ok(
      text.some((r) => r.includes('Cora Coordinator') && r.includes('Looked (view)') && r.includes(theirs.reference)),
    )
    assert.ok(text.some((r) => r.includes('Case event: ') && r.includes(ours.reference)))
  })

  it('filters by who, by case, by kind and by dates', async () => {
    const byWho = rowsOf(await admin.get(`/admin/audit?who=${coraId}`))
    assert.equal(byWho.length, 2)
    assert.ok(byWho.every((r) => r.textContent.includes('Cora Coordinator')))

    const byCase = rowsOf(await admin.get(`/admin/audit?case=${ours.reference.toLowerCase()}`))
    assert.ok(byCase.length >= 2)
    assert.ok(byCase.every((r) => r.textContent.includes(ours.reference)))

    const byKind = rowsOf(await admin.get('/admin/audit?kind=council'))
    assert.deepEqual(
      byKind.map((r) => /council\.changed/.test(r.textContent)),
      [true],
    )

    assert.ok(rowsOf(await admin.get('/admin/audit?from=27/11/2026&to=27/11/2026')).length >= 5)
    const earlier = await admin.get('/admin/audit?to=26/11/2026')
    assert.equal(rowsOf(earlier).length, 0)
    assert.match(earlier.body, /No entries match/)

    const bad = await admin.get('/admin/audit?from=31/2/2026')
    assertFormErrors(bad, ['from'])
    assert.match(bad.body, /From must be a real date, like 17\/5\/2026/)
  })

  it('pages by keyset: every entry once, older pages after newer ones', async () => {
    for (let i = 0; i < 60; i++)
      await recordAccess(t.database.db, t.clock, {
        userId: coraId,
        caseId: ours.id,
        path: `/cases/${ours.id}/page-${i}`,
      })
    const seen: string[] = []
    let url: string | undefined = `/admin/audit?who=${coraId}&kind=read`
    while (url) {
      const res = await admin.get(url)
      const doc = html(res)
      seen.push(...doc.querySelectorAll('#audit-entries tbody tr').map((r) => r.textContent.replace(/\s+/g, ' ')))
      url = doc.querySelector('.govuk-pagination__next a')?.getAttribute('href') ?? undefined
      if (url) assert.match(url, /^\/admin\/audit\?who=.*&kind=read&after=/)
    }
    assert.equal(seen.length, 62)
    assert.equal(new Set(seen.filter((s) => s.includes('/page-'))).size, 60)
    assert.match(seen[0]!, /page-59/, 'newest first')
  })

  it("gives a manager the entries of their councils' cases only, never those of no case", async () => {
    const res = await manager.get('/admin/audit')
    assert.equal(res.statusCode, 200)
    const text = rowsOf(res).map((r) => r.textContent)
    assert.ok(text.length > 0)
    assert.ok(
      text.every((r) => r.includes(ours.reference)),
      "only their council's case",
    )
    assert.ok(!res.body.includes(theirs.reference))
    assert.ok(!res.body.includes('council.changed'))
    const other = await manager.get(`/admin/audit?case=${theirs.reference}`)
    assert.match(other.body, /There is no case .* or it is not one of yours/)
    assert.equal(rowsOf(other).length, 0)
    const csv = await manager.get('/admin/audit.csv')
    assert.ok(!csv.body.includes(theirs.reference) && !csv.body.includes('council.changed'))
  })

  it('is not for coordinators', async () => {
    const cora = await new Agent(t.app).signIn('cora@example.com')
    assert.notEqual((await cora.get('/admin/audit')).statusCode, 200)
    assert.notEqual((await cora.get('/admin/audit.csv')).statusCode, 200)
  })

  it('downloads every matching entry as CSV, and records the download', async () => {
    const res = await admin.get(`/admin/audit.csv?who=${coraId}&kind=read`)
    assert.equal(res.statusCode, 200)
    assert.match(String(res.headers['content-type']), /^text\/csv/)
    assert.match(String(res.headers['content-disposition']), /^attachment; filename="audit-2026-11-27\.csv"/)
    const lines = res.body
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n')
    assert.equal(lines[0], '"When","Who","From","What","Record","Case","Before","After"')
    assert.equal(lines.length, 1 + 62)
    assert.match(
      lines[1]!,
      /^"2026-11-27T10:00:00\.000Z","Cora Coordinator","","Looked \(view\)","read \/cases\/.*\/page-59"/,
    )
    const [download] = await t.database.db
      .select()
      .from(auditTrail)
      .where(
        and(
          eq(auditTrail.action, 'download'),
          eq(auditTrail.recordId, '/admin/audit.csv'),
          eq(auditTrail.userId, adminId),
        ),
      )
    assert.ok(download?.ip)
    assert.deepEqual(download?.after, { file: 'audit-2026-11-27.csv', query: `who=${coraId}&kind=read` })
  })
})

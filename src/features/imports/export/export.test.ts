// Exporting the case list: the CSV of the list as filtered (the list's own query string), and the
// handover zip of the cases, their people and their events; each of the cases the person may see
// (their councils'), streamed, and in the audit trail with its filters.
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { parse } from 'csv-parse/sync'
import { eq } from 'drizzle-orm'
import { unzipSync, strFromU8 } from 'fflate'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { auditTrail } from '../../../db/schema/index.ts'
import { createCases } from '../../cases/index.ts'
import { firstCouncilId, makeCase, sampleFacts } from '../../cases/testing.ts'
import { addCouncil } from '../testing.ts'
import { PAGE } from './files.ts'

const rowsOf = (text: string) => parse(text, { bom: true }) as string[][]

describe('exporting the case list', () => {
  let t: TestApp
  let coordinator: Agent
  let warrington: string
  let stHelens: string

  before(async () => {
    t = await createTestApp()
    warrington = await firstCouncilId(t.database)
    stHelens = await addCouncil(t, 'St Helens Borough Council', 'st-helens')
    // More than a page of cases, so the export reads on after the first page.
    await t.database.db.transaction((tx) =>
      createCases(
        tx,
        t.clock,
        Array.from({ length: PAGE + 3 }, (_, i) => ({
          facts: sampleFacts({ childName: `Child ${i}` }),
          channel: i % 2 ? ('phone' as const) : ('online' as const),
          localAuthorityId: warrington,
          actor: { label: 'The person asking for help' },
          submissionKey: `export-test-${i}`,
        })),
      ),
    )
    await makeCase(t.database, t.clock, {
      childName: '=HYPERLINK("x")',
      localAuthorityId: warrington,
      channel: 'email',
    })
    await makeCase(t.database, t.clock, { childName: 'Sam St Helens', localAuthorityId: stHelens, channel: 'email' })
    await createStaff(t.database, 'coordinator@example.org', ['coordinator'], 'Cody Coordinator', [warrington])
    coordinator = await new Agent(t.app).signIn('coordinator@example.org')
  })
  after(() => t.close())

  test('the CSV holds every case of the filter that the person may see, and no other', async () => {
    const all = await coordinator.get('/cases/export.csv')
    assert.equal(all.statusCode, 200)
    assert.match(String(all.headers['content-type']), /^text\/csv/)
    assert.match(String(all.headers['content-disposition']), /^attachment; filename="cases-2026-11-27\.csv"$/)
    assert.ok(all.body.startsWith('\ufeff'), 'a byte-order mark, for Excel')
    const rows = rowsOf(all.body)
    assert.equal(rows[0]![0], 'Reference')
    assert.equal(rows.length - 1, PAGE + 4, 'every Warrington case, past the first page')
    assert.ok(!rows.some((r) => r.includes('Sam St Helens')), 'not a case of another council')
    assert.equal(new Set(rows.slice(1).map((r) => r[0])).size, PAGE + 4, 'each once')
    assert.ok(
      rows.some((r) => r[6] === `'=HYPERLINK("x")`),
      'a formula is written as text',
    )

    // The list links to the export of what it shows.
    const list = await coordinator.get('/cases?channel=phone&sort=child&page=2')
    assert.match(list.body, /href="\/cases\/export\.csv\?channel=phone" download/)
    assert.match(list.body, /href="\/cases\/export\.zip\?channel=phone" download/)
    const phone = rowsOf((await coordinator.get('/cases/export.csv?channel=phone')).body)
    assert.equal(phone.length - 1, Math.floor((PAGE + 3) / 2))
    assert.ok(phone.slice(1).every((r) => r[4] === 'Phone'))
    const named = rowsOf((await coordinator.get('/cases/export.csv?q=Child%2012')).body)
    assert.ok(
      named.slice(1).some((r) => r[6] === 'Child 12'),
      'the list search too',
    )

    const bad = await coordinator.get('/cases/export.csv?receivedFrom=31%2F2%2F2026')
    assert.equal(bad.statusCode, 303)
    assert.equal(
      bad.headers.location,
      '/cases?receivedFrom=31%2F2%2F2026',
      'back to the list, which says what is wrong',
    )

    const audit = await t.database.db.select().from(auditTrail).where(eq(auditTrail.action, 'download'))
    assert.ok(
      audit.some(
        (a) => a.recordId === '/cases/export.csv' && (a.after as { query?: string }).query === 'channel=phone',
      ),
    )
  })

  test('the handover zip holds the cases, their people and their events', async () => {
    const res = await coordinator.get('/cases/export.zip?channel=email')
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['content-type'], 'application/zip')
    const files = unzipSync(new Uint8Array(res.rawPayload))
    assert.deepEqual(Object.keys(files), ['cases.csv', 'people.csv', 'events.csv'])
    const [casesCsv, people, events] = ['cases.csv', 'people.csv', 'events.csv'].map((f) =>
      rowsOf(strFromU8(files[f]!)),
    )
    assert.equal(casesCsv!.length, 2, 'the one email case of Warrington')
    const reference = casesCsv![1]![0]!
    assert.deepEqual(
      people!.slice(1).map((p) => [p[0], p[1], p[2]]),
      [
        [reference, 'Parent or carer', 'Sarah Hartley'],
        [reference, 'Local authority', 'Warrington Borough Council'],
      ],
    )
    assert.deepEqual(
      events!.slice(1).map((e) => [e[0], e[2]]),
      [
        [reference, 'enquiry-received'],
        [reference, 'decision-letter-sent'],
        [reference, 'adviser-contacted'],
      ],
    )
    const audit = await t.database.db.select().from(auditTrail).where(eq(auditTrail.recordId, '/cases/export.zip'))
    assert.equal(audit.length, 1)
  })

  test('mediators and commissioners cannot export; an administrator sees every council', async () => {
    await createStaff(t.database, 'mediator@example.org', ['mediator'])
    const mediator = await new Agent(t.app).signIn('mediator@example.org')
    assert.equal((await mediator.get('/cases/export.csv')).statusCode, 403)
    assert.equal((await mediator.get('/cases/export.zip')).statusCode, 403)
    await createStaff(t.database, 'admin@example.org', ['administrator'])
    const admin = await new Agent(t.app).signIn('admin@example.org')
    const rows = rowsOf((await admin.get('/cases/export.csv?channel=email')).body)
    assert.deepEqual(
      rows
        .slice(1)
        .map((r) => r[1])
        .sort(),
      ['St Helens Borough Council', 'Warrington Borough Council'],
    )
  })
})

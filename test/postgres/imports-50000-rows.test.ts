// A file of 50,000 cases, made in the test: the upload, the dry run's first page and its counts,
// and the import by the job, through the real pages. Its time is printed (not asserted). On
// PostgreSQL only, which a provider with years of cases runs on: on the embedded database the same
// file takes minutes of CI's two cores, and src/features/imports/imports.test.ts tests every
// kind of row there.
import assert from 'node:assert/strict'
import { after, before, test } from 'node:test'
import { sql } from 'drizzle-orm'
import { Agent } from '../helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../helpers/app.ts'
import { html } from '../helpers/html.ts'
import { batchIdOf, runImports, uploadFile } from '../../src/features/imports/testing.ts'

const ROWS = 50_000
const unknown = Math.floor(ROWS / 10_000) // rows naming a council Parley does not know (even numbers)
const ready = ROWS - unknown
const withDecision = Math.ceil(ROWS / 2) // the odd rows

function bigFile(): string {
  const lines = ['Reference,Council,Received,Child,Date of birth,Parent,Decision,Letter date']
  for (let i = 1; i <= ROWS; i++) {
    const day = String((i % 28) + 1).padStart(2, '0')
    // Every 10,000th row names a council Parley does not know.
    const council = i % 10_000 === 0 ? 'Atlantis' : 'Warrington Borough Council'
    const decision = i % 2 ? 'refuse-assessment,2026-09-' + day : ','
    // Names repeat, as surnames do in a real file.
    lines.push(`B-${i},${council},${day}/10/2026,Child ${i % 700},2014-01-${day},Parent ${i % 900},${decision}`)
  }
  return lines.join('\r\n') + '\r\n'
}

let t: TestApp
before(async () => {
  t = await createTestApp()
  await createStaff(t.database, 'admin@example.org', ['administrator'])
})
after(() => t.close())

test(`a file of ${ROWS.toLocaleString('en-GB')} cases: the dry run and the import`, async () => {
  const admin = await new Agent(t.app).signIn('admin@example.org')
  const started = Date.now()
  const lap = (what: string) => console.log(`${what}: ${((Date.now() - started) / 1000).toFixed(1)}s`)
  const uploaded = await uploadFile(t, admin, { name: 'big.csv', bytes: bigFile() })
  assert.equal(uploaded.statusCode, 303, uploaded.body)
  const id = batchIdOf(uploaded)
  lap('upload')
  const columns = html(await admin.get(`/admin/imports/${id}/columns`))
  const chosen = Object.fromEntries(
    columns
      .querySelectorAll('select')
      .map((s) => [s.getAttribute('name')!, s.querySelector('option[selected]')?.getAttribute('value') ?? '']),
  )
  assert.equal((await admin.post(`/admin/imports/${id}/columns`, chosen)).statusCode, 303)
  const dry = await admin.get(`/admin/imports/${id}`)
  lap('dry run')
  assert.match(
    html(dry).querySelector('#dry-run-counts')!.text,
    new RegExp(`${ready} cases would be made\\. ${unknown} rows? cannot be imported`),
  )
  const lines = html(dry)
    .querySelectorAll('tbody tr td:first-child')
    .map((c) => c.text.trim())
  assert.deepEqual(
    lines,
    Array.from({ length: unknown }, (_, i) => String((i + 1) * 10_000 + 1)),
  )
  const lastPage = Math.ceil(ready / 50)
  const last = await admin.get(`/admin/imports/${id}?show=ready&page=${lastPage}`)
  assert.match(last.body, new RegExp(`Cases that would be made, ${(lastPage - 1) * 50 + 1} to ${ready} of ${ready}`))
  lap('dry run, last page')

  assert.equal((await admin.post(`/admin/imports/${id}/start`)).statusCode, 303)
  assert.deepEqual(await runImports(t), { done: 1, failed: 0 })
  lap('import')
  const [counts] = (
    await t.database.db.execute<{ cases: number; events: number; appeals: number }>(sql`select
      (select count(*)::int from cases) as cases,
      (select count(*)::int from case_events) as events,
      (select count(*)::int from case_deadlines where name = 'appeal') as appeals`)
  ).rows
  // A case with a decision has three first events (contact, letter, adviser) and an appeal deadline; others one.
  assert.deepEqual(counts, { cases: ready, events: withDecision * 3 + (ready - withDecision), appeals: withDecision })
  assert.match(
    html(await admin.get(`/admin/imports/${id}`)).querySelector('.govuk-summary-list')!.text,
    new RegExp(`Cases made\\s*${ready}`),
  )
})

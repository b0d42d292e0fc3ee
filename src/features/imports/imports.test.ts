// Importing a file of existing cases through the pages, as an administrator does it: upload (an
// awkward CSV file and an Excel workbook), columns (guessed, then remembered), the dry run with
// its line numbers and reasons, the job, a second run that makes nothing twice, the audit trail,
// and the undo (refused once a case has changed).
import assert from 'node:assert/strict'
import { after, before, describe, test } from 'node:test'
import { and, eq, inArray, like, sql } from 'drizzle-orm'
import { Agent } from '../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { html } from '../../../test/helpers/html.ts'
import { auditTrail, caseDeadlines, caseEvents, caseParties, cases, importBatches } from '../../db/schema/index.ts'
import { createWorkflowService, refreshDeadlineIndex } from '../cases/index.ts'
import { batchIdOf, runImports, uploadFile, workbook } from './testing.ts'

// A byte-order mark, Windows line endings, a quoted comma and a quoted new line, dates written
// three ways, an empty line and a row of empty cells; then three rows that cannot be imported.
const awkward =
  [
    '\uFEFFCase ref,Council,Date received,Child,DOB,School,Postcode,Parent,Email,EHC,Decision,Letter date,Notes',
    'KIDS-001,Warrington Borough Council,2026-10-19,Amelia Hartley,14/03/2015,Oakwood Primary,wa1 1aa,Sarah Hartley,sarah@example.com,has a plan,refuse-amend,19 October 2026,"Review in June, the council said no',
    'to changes"',
    '',
    'KIDS-002,warrington,19/10/2026,"Hartley, Ben",1 June 2016,,,Tom Hartley,,none,,,',
    ',,,,,,,,,,,,',
    'KIDS-003,Nowhere Council,19 October 2026,Cara Jones,2014-05-05,,,Jo Jones,,none,,,',
    'KIDS-004,Warrington Borough Council,31/02/2026,Dan Smith,2014-05-05,,,Jo Smith,,none,,,',
    'KIDS-005,Warrington Borough Council,2026-11-01,,2014-05-05,,,Kim Lee,,none,,,',
  ].join('\r\n') + '\r\n'

describe('importing cases', () => {
  let t: TestApp
  let admin: Agent
  let adminId: string

  before(async () => {
    t = await createTestApp()
    adminId = (await createStaff(t.database, 'admin@example.org', ['administrator'], 'Ada Admin')).id
    admin = await new Agent(t.app).signIn('admin@example.org')
  })
  after(() => t.close())

  /** Upload, keep the columns offered, and answer the batch's id and its dry run page. */
  async function uploadAndCheck(name: string, bytes: Buffer | string, type?: string) {
    const uploaded = await uploadFile(t, admin, { name, bytes, type })
    assert.equal(uploaded.statusCode, 303, uploaded.body)
    const id = batchIdOf(uploaded)
    const columns = await admin.get(`/admin/imports/${id}/columns`)
    assert.equal(columns.statusCode, 200)
    const chosen = Object.fromEntries(
      html(columns)
        .querySelectorAll('select')
        .map((s) => [s.getAttribute('name')!, s.querySelector('option[selected]')?.getAttribute('value') ?? '']),
    )
    const saved = await admin.post(`/admin/imports/${id}/columns`, chosen)
    assert.equal(saved.statusCode, 303, saved.body)
    assert.equal(saved.headers.location, `/admin/imports/${id}`)
    return { id, chosen, page: await admin.get(`/admin/imports/${id}`) }
  }

  test('an awkward CSV file: the dry run names each row that cannot be imported, with its line', async () => {
    const { id, chosen, page } = await uploadAndCheck('kids-cases.csv', awkward)
    assert.equal(chosen.reference, 'Case ref')
    assert.equal(chosen.childDateOfBirth, 'DOB')
    assert.equal(chosen.notes, 'Notes')
    assert.equal(page.statusCode, 200)
    const doc = html(page)
    assert.match(doc.querySelector('#dry-run-counts')!.text, /2 cases would be made\. 3 rows cannot be imported/)
    const problems = doc.querySelectorAll('tbody tr').map((r) => r.querySelectorAll('td').map((c) => c.text.trim()))
    assert.deepEqual(
      problems.map((p) => p[0]),
      ['7', '8', '9'],
    )
    assert.match(problems[0]![2]!, /Parley does not know the council "Nowhere Council"/)
    assert.match(problems[1]![2]!, /Date of first contact "31\/02\/2026" is not a date Parley can read/)
    assert.match(problems[2]![2]!, /Child or young person’s name is missing/)

    const ready = html(await admin.get(`/admin/imports/${id}?show=ready`))
    const rows = ready.querySelectorAll('tbody tr').map((r) => r.querySelectorAll('td').map((c) => c.text.trim()))
    assert.deepEqual(
      rows.map((r) => r.slice(0, 5)),
      [
        ['2', 'KIDS-001', 'Amelia Hartley', 'Warrington Borough Council', 'Monday 19 October 2026'],
        ['5', 'KIDS-002', 'Hartley, Ben', 'Warrington Borough Council', 'Monday 19 October 2026'],
      ],
    )
    assert.equal(await t.database.db.$count(cases), 0, 'a dry run makes nothing')
  })

  test('the import runs as a job, with its progress, and makes each case with its deadlines and events', async () => {
    const [batch] = await t.database.db.select().from(importBatches).where(eq(importBatches.fileName, 'kids-cases.csv'))
    const started = await admin.post(`/admin/imports/${batch!.id}/start`)
    assert.equal(started.statusCode, 303)
    assert.equal((await admin.post(`/admin/imports/${batch!.id}/start`)).statusCode, 303, 'a second press is harmless')
    const waiting = html(await admin.get(`/admin/imports/${batch!.id}`))
    assert.equal(waiting.querySelector('#progress-status')!.text.trim(), 'Waiting to start')
    assert.equal(waiting.querySelector('progress')!.getAttribute('value'), '0')
    assert.ok(
      waiting.querySelector(`a[href="/admin/imports/${batch!.id}"]`),
      'a link to look again, without JavaScript',
    )

    assert.deepEqual(await runImports(t), { done: 1, failed: 0 })
    const done = html(await admin.get(`/admin/imports/${batch!.id}`))
    assert.equal(done.querySelector('#progress-status')!.text.trim(), 'Imported')
    assert.match(done.querySelector('.govuk-summary-list')!.text, /Cases made\s*2/)

    const made = await t.database.db.select().from(cases).orderBy(cases.childName)
    assert.deepEqual(
      made.map((c) => [c.childName, c.childDateOfBirth, c.receivedOn, c.childPostcode]),
      [
        ['Amelia Hartley', '2015-03-14', '2026-10-19', 'WA1 1AA'],
        ['Hartley, Ben', '2016-06-01', '2026-10-19', ''],
      ],
    )
    const amelia = made[0]!
    assert.equal(amelia.request.whatHappened, 'Review in June, the council said no\nto changes')
    assert.deepEqual(amelia.request.decision, { kind: 'refuse-amend', letterDate: '2026-10-19' })
    const events = await t.database.db
      .select()
      .from(caseEvents)
      .where(eq(caseEvents.caseId, amelia.id))
      .orderBy(caseEvents.id)
    assert.deepEqual(
      events.map((e) => [e.type, e.occurredOn, e.actorLabel, e.actorUserId]),
      [
        ['enquiry-received', '2026-10-19', 'Import of kids-cases.csv', adminId],
        ['decision-letter-sent', '2026-10-19', 'Import of kids-cases.csv', adminId],
        ['adviser-contacted', '2026-10-19', 'Import of kids-cases.csv', adminId],
      ],
    )
    assert.deepEqual(events[0]!.data.importedFrom, { batchId: batch!.id, line: 2, fileName: 'kids-cases.csv' })
    const parties = await t.database.db.select().from(caseParties).where(eq(caseParties.caseId, amelia.id))
    assert.deepEqual(parties.map((p) => [p.role, p.name, p.email]).sort(), [
      ['local-authority', 'Warrington Borough Council', null],
      ['parent', 'Sarah Hartley', 'sarah@example.com'],
    ])

    // The deadlines are those the app works out for a case: the same as working them out again.
    const indexed = async () =>
      (
        await t.database.db
          .select()
          .from(caseDeadlines)
          .where(
            inArray(
              caseDeadlines.caseId,
              made.map((c) => c.id),
            ),
          )
      )
        .map((d) => `${d.caseId === amelia.id ? 'amelia' : 'ben'} ${d.name} ${d.dueDate} ${d.status}`)
        .sort()
    const imported = await indexed()
    assert.ok(
      imported.some((d) => d.startsWith('amelia appeal ')),
      imported.join('\n'),
    )
    assert.ok(!imported.some((d) => d.startsWith('ben appeal ')), 'no statutory clock without a decision')
    await t.database.db.transaction(async (tx) => {
      for (const c of made) await refreshDeadlineIndex(tx, t.clock, c.id)
    })
    assert.deepEqual(await indexed(), imported)

    const audit = await t.database.db
      .select()
      .from(auditTrail)
      .where(and(eq(auditTrail.recordKind, 'case-import'), eq(auditTrail.recordId, batch!.id)))
      .orderBy(auditTrail.id)
    assert.deepEqual(
      audit.map((a) => [a.action, a.userId]),
      [
        ['case-import.uploaded', adminId],
        ['case-import.columns-chosen', adminId],
        ['case-import.started', adminId],
        ['case-import.finished', adminId],
      ],
    )
    assert.deepEqual(audit[3]!.after, { fileName: 'kids-cases.csv', rows: 5, casesMade: 2, rowsNotImported: 3 })
  })

  test('the same file again makes nothing twice, and its columns are offered as chosen last time', async () => {
    const renamed = awkward.replace('Child,DOB', 'Kid,DOB')
    const { page } = await uploadAndCheck('again.csv', awkward)
    assert.match(html(page).querySelector('#dry-run-counts')!.text, /0 cases would be made\. 5 rows cannot be imported/)
    assert.match(page.body, /Imported already, in an earlier import: it is not made twice/)
    assert.equal(html(page).querySelector('form[action$="/start"]'), null, 'nothing to import')

    // A heading Parley cannot guess, chosen once, is offered the next time.
    const first = await uploadFile(t, admin, { name: 'kid.csv', bytes: renamed })
    const firstId = batchIdOf(first)
    const offered = html(await admin.get(`/admin/imports/${firstId}/columns`))
    assert.equal(offered.querySelector('#childName option[selected]'), null)
    await admin.post(`/admin/imports/${firstId}/columns`, {
      ...Object.fromEntries(
        offered
          .querySelectorAll('select')
          .map((s) => [s.getAttribute('name')!, s.querySelector('option[selected]')?.getAttribute('value') ?? '']),
      ),
      childName: 'Kid',
    })
    const next = batchIdOf(await uploadFile(t, admin, { name: 'kid-again.csv', bytes: renamed }))
    const remembered = html(await admin.get(`/admin/imports/${next}/columns`))
    assert.equal(remembered.querySelector('#childName option[selected]')?.getAttribute('value'), 'Kid')
  })

  test('the columns form: a field a case needs must have a column, and a column is one field only', async () => {
    const id = batchIdOf(await uploadFile(t, admin, { name: 'columns.csv', bytes: awkward }))
    await admin.get(`/admin/imports/${id}/columns`)
    const res = await admin.post(`/admin/imports/${id}/columns`, {
      council: 'Council',
      receivedOn: 'Council',
      childName: '',
      childDateOfBirth: 'DOB',
      requesterName: 'Parent',
    })
    assert.equal(res.statusCode, 400)
    assert.match(res.body, /The column Council is chosen already for council: choose another/)
    assert.match(res.body, /Choose the column that holds child or young person’s name/)
    assert.match(html(res).querySelector('title')!.text, /^Error: /)
  })

  test('an Excel workbook is read like a CSV file', async () => {
    const bytes = workbook([
      ['Reference', 'Council', 'First contact', 'Child name', 'Date of birth', 'Parent', 'Channel'],
      ['XL-1', 'warrington', '3 November 2026', 'Ella Park', '2012-01-02', 'Mo Park', 'Email'],
      ['', '', '', '', '', '', ''],
      ['XL-2', 'Warrington Borough Council', '4/11/2026', 'Finn Park', '2013-02-03', 'Mo Park', ''],
    ])
    const { page } = await uploadAndCheck(
      'cases.xlsx',
      bytes,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    assert.match(html(page).querySelector('#dry-run-counts')!.text, /2 cases would be made\. 0 rows cannot be imported/)
    assert.match(page.body, /Finn Park/)
    assert.match(page.body, /Wednesday 4 November 2026/)
  })

  test('a file that is not a spreadsheet, or is empty, is refused on the upload page', async () => {
    const pdf = await uploadFile(t, admin, { name: 'cases.pdf', bytes: '%PDF-1.4', type: 'application/pdf' })
    assert.equal(pdf.statusCode, 400)
    assert.match(pdf.body, /The selected file must be a CSV file or an Excel workbook/)
    const empty = await uploadFile(t, admin, { name: 'empty.csv', bytes: 'Council,Child\r\n\r\n' })
    assert.equal(empty.statusCode, 400)
    assert.match(empty.body, /The selected file has headings but no rows of cases/)
  })

  test('an undo is refused once a case of the batch has changed, and otherwise withdraws exactly its cases', async () => {
    const [first] = await t.database.db.select().from(importBatches).where(eq(importBatches.fileName, 'kids-cases.csv'))
    const amelia = (await t.database.db.select().from(cases).where(eq(cases.childName, 'Amelia Hartley')))[0]!
    const workflow = createWorkflowService({ db: t.database.db, clock: t.clock })
    const changed = await workflow.recordFact(
      amelia.id,
      'health-body-notified',
      {},
      { actor: { label: 'A coordinator' } },
    )
    assert.ok(changed.ok)
    await admin.get(`/admin/imports/${first!.id}/undo`)
    const refused = await admin.post(`/admin/imports/${first!.id}/undo`)
    assert.equal(refused.statusCode, 400)
    assert.match(
      refused.body,
      new RegExp(`1 of its cases has been changed since it was imported \\(${amelia.reference}\\)`),
    )

    // The workbook's import: undone as one, and only its cases.
    const [xl] = await t.database.db.select().from(importBatches).where(eq(importBatches.fileName, 'cases.xlsx'))
    await admin.post(`/admin/imports/${xl!.id}/start`)
    await runImports(t)
    const xlCases = await t.database.db
      .select()
      .from(cases)
      .where(like(cases.childName, '% Park'))
      .orderBy(cases.childName)
    assert.deepEqual(
      xlCases.map((c) => c.channel),
      ['email', 'phone'],
      'how they got in touch, phone when the file does not say',
    )
    await admin.get(`/admin/imports/${xl!.id}/undo`)
    assert.equal((await admin.post(`/admin/imports/${xl!.id}/undo`)).statusCode, 303)
    assert.match(
      html(await admin.get(`/admin/imports/${xl!.id}`)).querySelector('#progress-status')!.text,
      /Waiting to be undone/,
    )
    await runImports(t)
    assert.match(html(await admin.get(`/admin/imports/${xl!.id}`)).querySelector('#progress-status')!.text, /Undone/)

    const statuses = await t.database.db
      .select({ name: cases.childName, status: cases.status })
      .from(cases)
      .orderBy(cases.childName)
    assert.deepEqual(statuses, [
      { name: 'Amelia Hartley', status: 'enquiry' },
      { name: 'Ella Park', status: 'withdrawn' },
      { name: 'Finn Park', status: 'withdrawn' },
      { name: 'Hartley, Ben', status: 'enquiry' },
    ])
    const [open] = await t.database.db
      .select({ n: sql<number>`count(*)::int` })
      .from(caseDeadlines)
      .where(
        and(
          inArray(
            caseDeadlines.caseId,
            xlCases.map((c) => c.id),
          ),
          eq(caseDeadlines.status, 'open'),
        ),
      )
    assert.equal(open!.n, 0, 'an undone case has nothing due')
    const [undone] = await t.database.db
      .select()
      .from(auditTrail)
      .where(and(eq(auditTrail.action, 'case-import.undone'), eq(auditTrail.recordId, xl!.id)))
    assert.deepEqual(undone!.after, { fileName: 'cases.xlsx', casesWithdrawn: 2, casesKeptBecauseChanged: 0 })
    assert.equal(undone!.userId, adminId)

    // Its rows are free again: the corrected workbook can be imported.
    const again = await uploadAndCheck(
      'cases-corrected.xlsx',
      workbook([
        ['Reference', 'Council', 'First contact', 'Child name', 'Date of birth', 'Parent'],
        ['XL-1', 'warrington', '3 November 2026', 'Ella Park', '2012-01-02', 'Mo Park'],
      ]),
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    )
    assert.match(html(again.page).querySelector('#dry-run-counts')!.text, /1 case would be made/)
  })

  test('an import that stopped can be started again, and makes nothing twice', async () => {
    const bytes = [
      'Reference,Council,Received,Child,Date of birth,Parent',
      'S-1,warrington,2026-11-02,Gus Ray,2013-03-03,Ana Ray',
      'S-2,warrington,2026-11-02,Hal Ray,2014-04-04,Ana Ray',
    ].join('\n')
    const { id } = await uploadAndCheck('stops.csv', bytes)
    await admin.post(`/admin/imports/${id}/start`)
    await runImports(t)
    // As if its worker had died part-way: the import is failed, with what it made kept.
    await t.database.db
      .update(importBatches)
      .set({ status: 'failed', error: 'The worker stopped' })
      .where(eq(importBatches.id, id))
    const stopped = html(await admin.get(`/admin/imports/${id}`))
    assert.equal(stopped.querySelector('#progress-status')!.text.trim(), 'The import stopped')
    assert.equal((await admin.post(`/admin/imports/${id}/start`)).statusCode, 303)
    await runImports(t)
    const [batch] = await t.database.db.select().from(importBatches).where(eq(importBatches.id, id))
    assert.equal(batch!.status, 'done')
    assert.equal(batch!.casesMade, 2, 'the two made the first time, none again')
    assert.equal(await t.database.db.$count(cases, like(cases.childName, '% Ray')), 2)
  })

  test('only administrators import', async () => {
    await createStaff(t.database, 'coordinator@example.org', ['coordinator'])
    const coordinator = await new Agent(t.app).signIn('coordinator@example.org')
    const [batch] = await t.database.db.select().from(importBatches).limit(1)
    for (const url of ['/admin/imports', `/admin/imports/${batch!.id}`, `/admin/imports/${batch!.id}/columns`])
      assert.equal((await coordinator.get(url)).statusCode, 403, url)
    assert.equal((await coordinator.post(`/admin/imports/${batch!.id}/start`)).statusCode, 403)
  })
})

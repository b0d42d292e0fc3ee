// The report matches a hand count of known cases (src/features/reports/testing.ts), figure by
// figure with the small numbers suppressed, on the page, in each table's CSV, in the PDF's text
// and through the API; a long report runs as a job and is kept. Warrington, July to September 2026.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Agent } from '../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../test/helpers/app.ts'
import { assertRedirect, html } from '../../../test/helpers/html.ts'
import { api, issueToken } from '../api/test-kit.ts'
import { readPdf } from '../certificates/testing.ts'
import { runDueReports } from './index.ts'
import { derived, expected, H, S, type Cell } from './hand-count.ts'
import { comment, knownCases, QUARTER, type Known } from './testing.ts'

const text = (c: Cell) => (c === S ? 'fewer than 5' : c === H ? 'not shown' : String(c))
const squash = (s: string) => s.replace(/\s+/g, ' ').trim()
const url = (council: string, from = QUARTER.from, to = QUARTER.to) =>
  `/reports/report?${new URLSearchParams({ council, from, to })}`

function checkPageTables(body: string) {
  const doc = html({ body } as never)
  for (const [id, want] of Object.entries(expected)) {
    const table = doc.getElementById(`table-${id}`)
    assert.ok(table, `the page has the table ${id}`)
    const rows = table.querySelectorAll('tbody tr').map((tr) => ({
      label: squash(tr.querySelector('th')?.text ?? ''),
      cells: tr.querySelectorAll('td').map((td) => squash(td.text)),
    }))
    const body = want.totals ? rows.slice(0, -1) : rows
    assert.deepEqual(
      body.map((r) => r.label),
      want.labels,
      `${id}: rows`,
    )
    assert.deepEqual(
      body.map((r) => r.cells),
      want.rows.map((r) => r.map(text)),
      `${id}: figures`,
    )
    if (want.totals) assert.deepEqual(rows.at(-1), { label: 'Total', cells: want.totals.map(text) }, `${id}: totals`)
    const svg = doc.querySelector(`#chart-${id}-title`)
    assert.equal(
      svg?.text,
      `Chart: ${squash(doc.getElementById(`${id}-heading`)!.text)}`,
      `${id}: the chart has a title`,
    )
    const words = squash(doc.getElementById(`chart-${id}-words`)!.text)
    const drawn = doc
      .querySelector(`svg[aria-labelledby="chart-${id}-title"]`)!
      .querySelectorAll('text')
      .map((t) => squash(t.text))
    for (const [r, label] of want.labels.entries())
      if (want.rows[r]!.length === 1) {
        assert.ok(words.includes(`${label}: ${text(want.rows[r]![0]!)}.`), `${id}: ${words}`)
        assert.ok(drawn.includes(text(want.rows[r]![0]!)), `${id}: the chart says ${text(want.rows[r]![0]!)}`)
      }
  }
  for (const [id, figures] of Object.entries(derived)) {
    const list = doc.getElementById(`${id}-derived`)!
    assert.deepEqual(
      list
        .querySelectorAll('.govuk-summary-list__row')
        .map((row) => [squash(row.querySelector('dt')!.text), squash(row.querySelector('dd')!.text)]),
      figures,
      `${id}: shares and medians`,
    )
  }
}

describe('a report matches the hand count', () => {
  let t: TestApp
  let known: Known
  let manager: Agent
  let commissioner: Agent
  let token: string

  before(async () => {
    t = await createTestApp()
    known = await knownCases(t)
    await createStaff(t.database, 'mo@example.com', ['manager'], 'Mo Manager', [known.councilA, known.councilB])
    await createStaff(t.database, 'cam@example.com', ['commissioner'], 'Cam Commissioner', [known.councilA])
    manager = await new Agent(t.app).signIn('mo@example.com')
    commissioner = await new Agent(t.app).signIn('cam@example.com')
    token = (await issueToken(t, 'warrington', 'Warrington figures')).token
  })
  after(() => t.close())

  it("shows every figure of Warrington's quarter on the page, small numbers suppressed, for staff and commissioner alike", async () => {
    for (const agent of [manager, commissioner]) {
      const res = await agent.get(url(known.councilA))
      assert.equal(res.statusCode, 200)
      checkPageTables(res.body)
      assert.match(
        squash(html(res).getElementById('report-period')!.text),
        /^July to September 2026 \(Wednesday 1 July 2026 to Wednesday 30 September 2026\)$/,
      )
      const note = squash(html(res).getElementById('suppression-note')!.text)
      assert.match(note, /a number from 1 to 4 is shown as "fewer than 5"\..+ It reads "not shown"\.$/)
    }
  })

  it('gives the comments from feedback to staff only', async () => {
    const staff = await manager.get(url(known.councilA))
    assert.ok(staff.body.includes(comment))
    assert.match(squash(html(staff).getElementById('comments-count')!.text), /^2 comments\.$/)
    const council = await commissioner.get(url(known.councilA))
    assert.ok(!council.body.includes(comment))
    assert.equal(html(council).getElementById('section-comments'), null)
  })

  it('downloads every table as CSV with the same figures, and never a comment', async () => {
    for (const [id, want] of Object.entries(expected)) {
      const res = await commissioner.get(
        `/reports/report/csv/${id}?${new URLSearchParams({ council: known.councilA, ...QUARTER })}`,
      )
      assert.equal(res.statusCode, 200)
      assert.match(String(res.headers['content-type']), /^text\/csv/)
      assert.equal(
        res.headers['content-disposition'],
        `attachment; filename="warrington-2026-07-01-to-2026-09-30-${id}.csv"`,
      )
      const lines = res.body
        .replace(/^\ufeff/, '')
        .trim()
        .split('\r\n')
      const rows = want.labels.map((label, r) => [label, ...want.rows[r]!.map(text)])
      const csvLine = (cells: string[]) =>
        cells.map((c) => (/[",]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')
      assert.deepEqual(lines.slice(1, 1 + rows.length), rows.map(csvLine), id)
      if (want.totals) assert.equal(lines[1 + rows.length], csvLine(['Total', ...want.totals.map(text)]), id)
      assert.ok(!res.body.includes(comment))
    }
    const held = await commissioner.get(
      `/reports/report/csv/mediation-held?${new URLSearchParams({ council: known.councilA, ...QUARTER })}`,
    )
    assert.match(held.body, /Median days from the council being told \(days\),19\r\n/)
  })

  it('gives the whole report as a tagged PDF with the same figures, and never a comment', async () => {
    const res = await manager.get(`/reports/report/pdf?${new URLSearchParams({ council: known.councilA, ...QUARTER })}`)
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['content-type'], 'application/pdf')
    const pdf = await readPdf(res.rawPayload)
    assert.equal(pdf.info.Title, 'Service report: Warrington Borough Council, July to September 2026')
    assert.equal(pdf.info.Language, 'en-GB')
    assert.equal(pdf.marked, true)
    const rows = pdf.structure.filter((e) => e.role === 'TR').map((e) => e.text)
    let from = 0
    for (const want of Object.values(expected)) {
      for (const [r, label] of want.labels.entries()) {
        const line = squash([label, ...want.rows[r]!.map(text)].join(' '))
        const at = rows.indexOf(line, from)
        assert.ok(at >= 0, `the PDF has the row "${line}"`)
        from = at
      }
    }
    assert.ok(pdf.text.includes('Median days from the council being told: 19 days.'))
    const note = pdf.structure.find((e) => e.role === 'P' && e.text.startsWith('To protect the people counted'))
    assert.match(note!.text, /a number from 1 to 4 is shown as "fewer than 5"\..+ It reads "not shown"\.$/)
    assert.ok(pdf.structure.some((e) => e.role === 'H2' && e.text === 'The statutory side'))
    assert.ok(!pdf.text.includes(comment) && !pdf.text.includes('Helpful.'))
  })

  it("gives the same figures to Warrington's token through the API, a suppressed one as { count: null, suppressed: true }", async () => {
    const res = await api(t, token).get(`/api/v1/reports/summary?from=${QUARTER.from}&to=${QUARTER.to}`)
    assert.equal(res.statusCode, 200)
    const body = res.json()
    assert.equal(body.council.name, 'Warrington Borough Council')
    const tables = body.sections.flatMap((s: { tables: unknown[] }) => s.tables) as {
      id: string
      rows: { label: string; cells: unknown[]; total?: unknown }[]
      totals?: { cells: unknown[]; total?: unknown }
      derived: { label: string; value: unknown; suppressed: boolean }[]
    }[]
    // Every hidden figure the same, whatever hid it: the pages' "fewer than 5" is not sent.
    const json = (c: Cell) => (c === S || c === H ? { count: null, suppressed: true } : { count: c, suppressed: false })
    assert.ok(!res.body.includes('"small"'))
    for (const [id, want] of Object.entries(expected)) {
      const table = tables.find((x) => x.id === id)!
      assert.deepEqual(
        table.rows.map((r) => [...r.cells, ...(r.total ? [r.total] : [])]),
        want.rows.map((r) => r.map(json)),
        id,
      )
      if (want.totals)
        assert.deepEqual(
          [...table.totals!.cells, ...(table.totals!.total ? [table.totals!.total] : [])],
          want.totals.map(json),
        )
    }
    const held = tables.find((x) => x.id === 'mediation-held')!
    assert.deepEqual(
      held.derived.map((d) => [d.value, d.suppressed]),
      [
        [null, true],
        [19, false],
      ],
    )
    assert.ok(!res.body.includes(comment))
  })

  it('says which date field is wrong through the API', async () => {
    const client = api(t, token)
    for (const [query, field] of [
      ['to=2026-09-30', 'from'],
      ['from=2026-07-01', 'to'],
      ['from=1%20July&to=2026-09-30', 'from'],
      ['from=2026-02-30&to=2026-09-30', 'from'],
      ['from=2026-09-30&to=2026-07-01', 'to'],
      ['from=2025-01-01&to=2026-09-30', 'to'],
    ] as const) {
      const res = await client.get(`/api/v1/reports/summary?${query}`)
      assert.equal(res.statusCode, 400, query)
      assert.deepEqual(Object.keys(res.json().fields), [field], query)
    }
    assert.equal((await api(t).get(`/api/v1/reports/summary?from=${QUARTER.from}&to=${QUARTER.to}`)).statusCode, 401)
  })

  it('works out a long report as a job, with its progress, and keeps it to read and download again', async () => {
    const long = url(known.councilA, '2025-06-01', '2026-09-30')
    const offer = await manager.get(long)
    assert.equal(offer.statusCode, 200)
    assert.match(offer.body, /worked out in the background/)
    const key = html(offer).querySelector('input[name="submissionKey"]')!.getAttribute('value')!
    const fields = { council: known.councilA, from: '2025-06-01', to: '2026-09-30', submissionKey: key }
    const asked = await manager.post('/reports/runs', fields)
    assertRedirect(asked, /^\/reports\/runs\/[0-9a-f-]{36}$/)
    const runUrl = String(asked.headers.location)
    assertRedirect(await manager.post('/reports/runs', fields), runUrl) // a second click makes no second run
    const waiting = await manager.get(runUrl)
    assert.match(squash(html(waiting).getElementById('run-status')!.text), /^Waiting to start$/)
    assert.ok(html(waiting).querySelector(`a[href="${runUrl}"]`), 'a link to look again')
    // Someone else cannot see it; the commissioner did not ask for it.
    assert.equal((await commissioner.get(runUrl)).statusCode, 404)

    assert.deepEqual(await runDueReports({ db: t.database.db, clock: t.clock }), { done: 1, failed: 0 })
    const done = await manager.get(runUrl)
    const doc = html(done)
    // 26 in the quarter and the one of 30 June; the one of 1 October is after.
    const channel = doc.getElementById('table-enquiries-channel')!.querySelectorAll('tbody tr')
    assert.equal(squash(channel.at(-1)!.text), 'Total 27')
    // The 3 by email, kept as small: read from the kept report as on a report worked out now.
    assert.equal(squash(channel[2]!.text), 'Email fewer than 5')
    assert.ok(done.body.includes(comment), 'the comments for staff, read now (never kept with the run)')
    const csv = await manager.get(`${runUrl}/csv/enquiries-channel`)
    assert.match(csv.body, /Email,fewer than 5\r\n.+,not shown\r\nTotal,27/)
    const pdf = await manager.get(`${runUrl}/pdf`)
    assert.equal(pdf.headers['content-type'], 'application/pdf')
    const list = await manager.get('/reports')
    assert.ok(html(list).querySelector(`a[href="${runUrl}"]`), 'kept on the reports page')
    assert.match(squash(html(list).querySelector('table[aria-labelledby="kept-reports"]')!.text), /Ready/)
  })
})

import assert from 'node:assert/strict'
import { randomUUID } from 'node:crypto'
import { after, before, beforeEach, describe, it } from 'node:test'
import { and, eq } from 'drizzle-orm'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertFormErrors, assertRedirect, html, titleOf } from '../../../../test/helpers/html.ts'
import { caseEvents, cases, summaries } from '../../../db/schema/index.ts'
import { DOCX_TYPE, summariesReleased, summaryVisibleTo } from '../rules.ts'
import { dateFields, docxBytes, exeBytes, pdfBytes, preparationCase, staffAgents, submitMultipart } from '../testing.ts'

describe("each party's summary at /cases/:id/preparation/summaries", () => {
  let t: TestApp
  let coordinator: Agent
  let otherMediator: Agent
  let mediator: Agent
  const url = (id: string) => `/cases/${id}/preparation/summaries`
  const summariesOf = (id: string) => t.database.db.select().from(summaries).where(eq(summaries.caseId, id))
  const eventsOf = (id: string, type: string) =>
    t.database.db
      .select()
      .from(caseEvents)
      .where(and(eq(caseEvents.caseId, id), eq(caseEvents.type, type)))
  const caseRow = async (id: string) => (await t.database.db.select().from(cases).where(eq(cases.id, id)))[0]!

  before(async () => {
    t = await createTestApp({ config: { SESSION_IDLE_MINUTES: 60 * 24 * 365 } }) // Friday 27 November 2026; sessions last across the days
    ;({ coordinator, otherMediator } = await staffAgents(t))
    await createStaff(t.database, 'mediator2@example.com', ['mediator'])
    mediator = await new Agent(t.app).signIn('mediator2@example.com')
  })
  beforeEach(() => t.clock.set('2026-11-27T10:00:00Z'))
  after(() => t.close())

  it('shows the page to staff, and is not found for a mediator not allocated to the case', async () => {
    const c = await preparationCase(t)
    const res = await coordinator.get(url(c.id))
    assert.equal(res.statusCode, 200)
    assert.match(titleOf(res), /^Summaries - /)
    assert.equal(html(res).querySelector('form[enctype="multipart/form-data"]')?.getAttribute('action'), url(c.id))
    assert.equal((await otherMediator.get(url(c.id))).statusCode, 404)
    await otherMediator.get('/account/password') // a page with a form, for its token
    const upload = await submitMultipart(t, otherMediator, url(c.id), { party: c.parent.id, summaryText: 'x' })
    assert.equal(upload.statusCode, 404)
    assert.equal((await summariesOf(c.id)).length, 0)
  })

  it('saves a typed summary, with its event', async () => {
    const c = await preparationCase(t)
    assertRedirect(
      await coordinator.submit(url(c.id), {
        submissionKey: randomUUID(),
        party: c.parent.id,
        summaryText: 'Amelia needs weekly therapy.',
      }),
      url(c.id),
    )
    const res = await submitMultipart(t, coordinator, url(c.id), {
      submissionKey: randomUUID(),
      party: c.council.id,
      summaryText: 'The council’s view.',
    })
    assertRedirect(res, url(c.id))
    const rows = await summariesOf(c.id)
    assert.deepEqual(rows.map((r) => r.text).sort(), ['Amelia needs weekly therapy.', 'The council’s view.'])
    const events = await eventsOf(c.id, 'summary-submitted')
    assert.equal(events.length, 2)
    assert.equal((events[0]!.data as { kind: string }).kind, 'typed')
    const doc = html(await coordinator.get(url(c.id)))
    assert.match(doc.getElementById(`summary-${c.parent.id}`)!.text, /Submitted/)
    assert.match(doc.getElementById(`summary-${c.school.id}`)!.text, /Not submitted yet/)
    assert.match(doc.getElementById('case-now')!.text, /Amelia needs weekly therapy\./)
  })

  it('takes a real PDF and a real Word document, judged by their content, and lets staff download them', async () => {
    const c = await preparationCase(t)
    assertRedirect(
      await submitMultipart(
        t,
        coordinator,
        url(c.id),
        { submissionKey: randomUUID(), party: c.parent.id },
        { name: 'our summary.pdf', type: 'application/pdf', bytes: pdfBytes() },
      ),
      url(c.id),
    )
    // A Word document sent with a misleading name and type is still a Word document.
    assertRedirect(
      await submitMultipart(
        t,
        coordinator,
        url(c.id),
        { submissionKey: randomUUID(), party: c.school.id },
        { name: 'school.bin', type: 'application/octet-stream', bytes: docxBytes() },
      ),
      url(c.id),
    )
    const rows = await summariesOf(c.id)
    const pdf = rows.find((r) => r.partyId === c.parent.id)!
    const docx = rows.find((r) => r.partyId === c.school.id)!
    assert.deepEqual(
      [pdf.fileType, pdf.fileSize, pdf.fileName, pdf.text],
      ['application/pdf', pdfBytes().length, 'our summary.pdf', null],
    )
    assert.equal(docx.fileType, DOCX_TYPE)
    assert.ok(Buffer.from(docx.file!).equals(docxBytes()))
    const [event] = (await eventsOf(c.id, 'summary-submitted')).filter(
      (e) => (e.data as { partyId: string }).partyId === c.parent.id,
    )
    assert.deepEqual(event!.data, {
      summaryId: pdf.id,
      partyId: c.parent.id,
      party: 'Sarah Hartley',
      kind: 'document',
      fileType: 'application/pdf',
      fileSize: pdfBytes().length,
    })

    const links = html(await coordinator.get(url(c.id)))
      .querySelectorAll('#case-now a[download]')
      .map((a) => a.getAttribute('href'))
    assert.ok(links.includes(`${url(c.id)}/${pdf.id}/download`))
    const download = await coordinator.get(`${url(c.id)}/${pdf.id}/download`)
    assert.equal(download.statusCode, 200)
    assert.equal(download.headers['content-type'], 'application/pdf')
    assert.equal(download.headers['content-disposition'], 'attachment; filename="our summary.pdf"')
    assert.equal(download.headers['cache-control'], 'no-store')
    assert.ok(download.rawPayload.equals(pdfBytes()))
    const word = await coordinator.get(`${url(c.id)}/${docx.id}/download`)
    assert.equal(word.headers['content-type'], DOCX_TYPE)
    assert.equal(word.headers['content-disposition'], 'attachment; filename="school.docx"')
    assert.equal((await otherMediator.get(`${url(c.id)}/${pdf.id}/download`)).statusCode, 404)
    const other = await preparationCase(t)
    assert.equal(
      (await coordinator.get(`${url(other.id)}/${pdf.id}/download`)).statusCode,
      404,
      'not through another case',
    )
  })

  it('refuses a renamed program, anything else that is not a PDF or Word document, an oversize file, and neither file nor text', async () => {
    const c = await preparationCase(t)
    const exe = await submitMultipart(
      t,
      coordinator,
      url(c.id),
      { submissionKey: randomUUID(), party: c.parent.id },
      { name: 'summary.pdf', type: 'application/pdf', bytes: exeBytes() },
    )
    assertFormErrors(exe, ['document'])
    assert.match(
      html(exe).querySelector('.govuk-error-summary')!.text,
      /The selected file must be a PDF or Word document/,
    )
    const elf = await submitMultipart(
      t,
      coordinator,
      url(c.id),
      { submissionKey: randomUUID(), party: c.parent.id },
      { name: 'summary.docx', type: DOCX_TYPE, bytes: Buffer.from('\x7fELF\x02\x01\x01\x00', 'latin1') },
    )
    assertFormErrors(elf, ['document'])

    const big = Buffer.concat([pdfBytes(), Buffer.alloc(5 * 1024 * 1024, 0x20)])
    const oversize = await submitMultipart(
      t,
      coordinator,
      url(c.id),
      { submissionKey: randomUUID(), party: c.parent.id },
      { name: 'big.pdf', type: 'application/pdf', bytes: big },
    )
    assertFormErrors(oversize, ['document'])
    assert.match(
      html(oversize).querySelector('.govuk-error-summary')!.text,
      /The selected file must be smaller than 5MB/,
    )
    // Exactly 5MB is allowed.
    const fits = Buffer.concat([pdfBytes(), Buffer.alloc(5 * 1024 * 1024 - pdfBytes().length, 0x20)])
    assertRedirect(
      await submitMultipart(
        t,
        coordinator,
        url(c.id),
        { submissionKey: randomUUID(), party: c.school.id },
        { name: 'fits.pdf', type: 'application/pdf', bytes: fits },
      ),
    )

    const nothing = await submitMultipart(
      t,
      coordinator,
      url(c.id),
      { submissionKey: randomUUID(), party: c.parent.id, summaryText: ' ' },
      { name: '', type: 'application/octet-stream', bytes: Buffer.alloc(0) },
    )
    assertFormErrors(nothing, ['summaryText'])
    assert.match(nothing.body, /Type the summary or select a file to upload/)
    assertFormErrors(await coordinator.submit(url(c.id), { submissionKey: randomUUID(), summaryText: '' }), [
      'party',
      'summaryText',
    ])
    const both = await submitMultipart(
      t,
      coordinator,
      url(c.id),
      { submissionKey: randomUUID(), party: c.parent.id, summaryText: 'Typed too' },
      { name: 'a.pdf', type: 'application/pdf', bytes: pdfBytes() },
    )
    assertFormErrors(both, ['document'])
    assert.equal(html(both).getElementById('summaryText')?.text, 'Typed too')
    const long = await submitMultipart(t, coordinator, url(c.id), {
      submissionKey: randomUUID(),
      party: c.parent.id,
      summaryText: 'x'.repeat(10_001),
    })
    assertFormErrors(long, ['summaryText'])
    assert.match(long.body, /The summary must be 10000 characters or fewer/)
    const escaped = await submitMultipart(t, coordinator, url(c.id), {
      submissionKey: randomUUID(),
      summaryText: '<script>alert(1)</script>',
    })
    assertFormErrors(escaped, ['party'])
    assert.ok(!escaped.body.includes('<script>alert(1)</script>'))

    assert.deepEqual(
      (await summariesOf(c.id)).map((r) => r.partyId),
      [c.school.id],
    )
  })

  it('keeps summaries from the parties until a coordinator releases them all, with an event', async () => {
    const c = await preparationCase(t)
    await coordinator.submit(url(c.id), {
      submissionKey: randomUUID(),
      party: c.parent.id,
      summaryText: 'The parent’s summary',
    })
    await coordinator.submit(url(c.id), {
      submissionKey: randomUUID(),
      party: c.council.id,
      summaryText: 'The council’s summary',
    })
    const [parents] = (await summariesOf(c.id)).filter((s) => s.partyId === c.parent.id)

    const before = await caseRow(c.id)
    assert.equal(summariesReleased(before, t.clock.today()), false)
    assert.equal(
      summaryVisibleTo({ kind: 'party', partyId: c.council.id }, parents!, summariesReleased(before, t.clock.today())),
      false,
    )
    assert.equal(summaryVisibleTo({ kind: 'party', partyId: c.parent.id }, parents!, false), true)
    assert.equal(summaryVisibleTo({ kind: 'staff' }, parents!, false), true)

    // Only coordinators (and managers and administrators) release them.
    await mediator.get('/account/password')
    assert.equal((await mediator.post(`${url(c.id)}/release`)).statusCode, 403)
    assert.equal(
      (await otherMediator.post(`${url(c.id)}/release-date`, dateFields('releaseOn', '2026-12-04'))).statusCode,
      403,
    )

    await coordinator.get(url(c.id))
    assertRedirect(await coordinator.post(`${url(c.id)}/release`), url(c.id))
    const released = await caseRow(c.id)
    assert.ok(released.summariesReleasedAt)
    assert.equal(released.version, before.version + 1)
    assert.equal(
      summaryVisibleTo(
        { kind: 'party', partyId: c.council.id },
        parents!,
        summariesReleased(released, t.clock.today()),
      ),
      true,
    )
    assert.equal((await eventsOf(c.id, 'summaries-released')).length, 1)
    const page = html(await coordinator.get(url(c.id)))
    assert.match(page.getElementById('release-state')!.text, /Released to every party on Friday 27 November 2026/)
    assert.equal(page.querySelector(`form[action="${url(c.id)}/release"]`), null)
    assert.equal(page.querySelector('form[enctype="multipart/form-data"]'), null, 'no new summaries once released')

    // Releasing again, or a late summary, changes nothing.
    assertRedirect(await coordinator.post(`${url(c.id)}/release`))
    assert.equal((await eventsOf(c.id, 'summaries-released')).length, 1)
    const late = await submitMultipart(t, coordinator, url(c.id), {
      submissionKey: randomUUID(),
      party: c.school.id,
      summaryText: 'Late',
    })
    assertFormErrors(late, ['release-state'])
    assert.match(late.body, /already been released/)
  })

  it('releases them on the set date, which cannot be in the past', async () => {
    const c = await preparationCase(t)
    await coordinator.submit(url(c.id), {
      submissionKey: randomUUID(),
      party: c.parent.id,
      summaryText: 'The parent’s summary',
    })
    const [parents] = await summariesOf(c.id)

    const past = await coordinator.submit(`${url(c.id)}/release-date`, dateFields('releaseOn', '2026-11-26'))
    assertFormErrors(past, ['releaseOn-day'])
    assert.match(past.body, /The release date must be today or in the future/)
    assertFormErrors(
      await coordinator.submit(`${url(c.id)}/release-date`, {
        'releaseOn-day': '31',
        'releaseOn-month': '2',
        'releaseOn-year': '2027',
      }),
      ['releaseOn-day'],
    )
    assertFormErrors(await coordinator.submit(`${url(c.id)}/release-date`, {}), ['releaseOn-day'])

    assertRedirect(
      await coordinator.submit(`${url(c.id)}/release-date`, dateFields('releaseOn', '2026-12-04')),
      url(c.id),
    )
    const [event] = await eventsOf(c.id, 'summaries-release-date-set')
    assert.deepEqual(event!.data, { releaseOn: '2026-12-04', before: null })
    const row = await caseRow(c.id)
    assert.equal(row.summariesReleaseOn, '2026-12-04')
    assert.match(
      html(await coordinator.get(url(c.id))).getElementById('release-state')!.text,
      /they will be released on Friday 4 December 2026/,
    )
    assert.equal(
      summaryVisibleTo({ kind: 'party', partyId: c.school.id }, parents!, summariesReleased(row, '2026-12-03')),
      false,
    )

    t.clock.set('2026-12-04T08:00:00Z')
    assert.equal(
      summaryVisibleTo({ kind: 'party', partyId: c.school.id }, parents!, summariesReleased(row, t.clock.today())),
      true,
    )
    const res = await coordinator.get(url(c.id))
    assert.equal(res.statusCode, 200, res.body)
    assert.match(
      html(res).getElementById('release-state')!.text,
      /Released to every party on Friday 4 December 2026 \(the set date\)/,
    )
  })
})

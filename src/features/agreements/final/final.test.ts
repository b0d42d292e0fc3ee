import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { html, titleOf } from '../../../../test/helpers/html.ts'
import { readPdf } from '../../certificates/testing.ts'
import { acceptAndFinalise, agreementCase, agreementStaff, draftPoints, type Staff } from '../testing.ts'

const flat = (text: string) => text.replace(/-\s+/g, '-')

describe('the final agreement as a page and as a tagged PDF, at /cases/:id/agreement/final and agreement.pdf', () => {
  let t: TestApp
  let staff: Staff
  let c: Awaited<ReturnType<typeof agreementCase>>
  const base = (id: string) => `/cases/${id}/agreement`

  before(async () => {
    t = await createTestApp()
    staff = await agreementStaff(t)
    c = await agreementCase(t, staff)
    await draftPoints(t, c)
  })
  after(() => t.close())

  it('says it is not final yet, and has no PDF, until the agreement is final', async () => {
    const notFinal = await staff.mediator.get(`${base(c.id)}/final`)
    assert.equal(notFinal.statusCode, 200)
    assert.match(titleOf(notFinal), /^The agreement is not final yet/)
    assert.equal((await staff.mediator.get(`${base(c.id)}/agreement.pdf`)).statusCode, 404)
  })

  it("reads the same as the copy sent: the points in the parties' own words, what was not agreed, who accepted", async () => {
    await acceptAndFinalise(t, c.id, staff.mediatorUserId)
    for (const agent of [staff.mediator, staff.coordinator]) {
      const res = await agent.get(`${base(c.id)}/final`)
      assert.equal(res.statusCode, 200)
      assert.match(titleOf(res), new RegExp(`^Mediation agreement - ${c.reference} - `))
      const text = html(res).getElementById('agreement')!.text.replace(/\s+/g, ' ')
      for (const expected of [
        'Send Sarah the draft amended EHC plan, with 15 hours a week of teaching assistant support in section F.',
        'Try to bring Amelia to the school open morning.',
        'Transport to school.',
        'Make an EHC plan: send the draft (within 5 weeks)',
        'Friday 18 December 2026',
        'Sarah Hartley Accepted at the meeting',
      ])
        assert.ok(text.includes(expected), `the page says "${expected}"`)
    }
    assert.equal((await staff.otherMediator.get(`${base(c.id)}/final`)).statusCode, 404)
    assert.equal((await staff.otherMediator.get(`${base(c.id)}/agreement.pdf`)).statusCode, 404)
    assert.equal((await new Agent(t.app).get(`${base(c.id)}/agreement.pdf`)).statusCode, 303)
  })

  it('downloads as a tagged PDF with a title and language, in standard and large print', async () => {
    const res = await staff.mediator.get(`${base(c.id)}/agreement.pdf`)
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['content-type'], 'application/pdf')
    assert.match(
      String(res.headers['content-disposition']),
      new RegExp(`attachment; filename="${c.reference}-agreement.pdf"`),
    )
    const standard = await readPdf(res.rawPayload)
    const largeRes = await staff.mediator.get(`${base(c.id)}/agreement.pdf?large-print=1`)
    assert.match(String(largeRes.headers['content-disposition']), /-agreement-large-print\.pdf"/)
    const large = await readPdf(largeRes.rawPayload)
    for (const pdf of [standard, large]) {
      for (const expected of [
        'Mediation agreement',
        c.reference,
        'Amelia Hartley',
        'Meet Sarah every Monday at 3:30pm to go through the home-school book.',
        'Who will do it',
        'How everyone will know it is done',
        'Transport to school.',
        'Friday 27 November 2026',
      ])
        assert.ok(flat(pdf.text).includes(expected), `the PDF says "${expected}"`)
      assert.equal(pdf.info.Language, 'en-GB')
      assert.equal(pdf.displayDocTitle, true)
      assert.equal(pdf.marked, true)
      const roles = new Set(pdf.structure.map((e) => e.role))
      for (const role of ['Document', 'H1', 'H2', 'H3', 'P', 'Sect', 'Table', 'TR', 'TH', 'TD', 'L', 'LI', 'LBody'])
        assert.ok(roles.has(role), `has ${role}`)
      assert.deepEqual(
        pdf.structure.filter((e) => e.role === 'H1').map((e) => e.text),
        ['Mediation agreement'],
      )
      assert.deepEqual(
        pdf.structure.filter((e) => e.role === 'H3').map((e) => e.text),
        ['Point 1', 'Point 2', 'Point 3'],
      )
      const cells = pdf.structure.filter((e) => e.role === 'TH' || e.role === 'TD').map((e) => e.text)
      const what = cells.indexOf('What exactly')
      assert.equal(
        cells[what + 1],
        'Send Sarah the draft amended EHC plan, with 15 hours a week of teaching assistant support in section F.',
      )
    }
    assert.equal(standard.info.Title, `Mediation agreement - ${c.reference}`)
    assert.equal(large.info.Title, `Mediation agreement - ${c.reference} (large print)`)
    assert.equal(standard.bodyFontSize, 12)
    assert.ok(large.bodyFontSize >= 18, `large print body is ${large.bodyFontSize}pt`)
    assert.ok(large.pages > standard.pages)
  })
})

import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { eq } from 'drizzle-orm'
import type { LightMyRequestResponse } from 'fastify'
import { clearAccessLog } from '../../../../test/helpers/audit.ts'
import { Agent } from '../../../../test/helpers/agent.ts'
import { createStaff, createTestApp, type TestApp } from '../../../../test/helpers/app.ts'
import { assertRedirect, html, titleOf } from '../../../../test/helpers/html.ts'
import { accessLog, localAuthorities } from '../../../db/schema/index.ts'
import { issueWorkedExample, namesInEveryScript, readPdf } from '../testing.ts'
import { parseCertificateAddress } from './routes.ts'

const text = (s: string) => s.replace(/\s+/g, ' ').trim()

describe('a certificate at /cases/:id/certificates/:certificateId, as a page and as PDFs', () => {
  let t: TestApp
  let example: Awaited<ReturnType<typeof issueWorkedExample>>
  let other: Awaited<ReturnType<typeof issueWorkedExample>>
  let page: string

  before(async () => {
    t = await createTestApp({ now: '2026-12-18T10:00:00Z' })
    await createStaff(t.database, 'coordinator@example.com', ['coordinator'])
    await createStaff(t.database, 'administrator@example.com', ['administrator'])
    await createStaff(t.database, 'mediator@example.com', ['mediator'])
    other = await issueWorkedExample(t.database, t.clock, { childName: 'Noah Phillips' })
    example = await issueWorkedExample(t.database, t.clock)
    page = `/cases/${example.id}/certificates/${example.certificateId}`
  })
  after(() => t.close())
  const signIn = (email = 'coordinator@example.com') => new Agent(t.app).signIn(email)

  it('shows everything the Tribunal needs, and the appeal deadline it starts', async () => {
    const res = await (await signIn()).get(page)
    assert.equal(res.statusCode, 200)
    assert.equal(
      titleOf(res),
      `Mediation certificate ${example.number}: Mediation declined - SEN Mediation and Disagreement Resolution Service`,
    )
    const doc = html(res)
    assert.equal(text(doc.querySelector('h1')!.text), `Certificate number ${example.number} Mediation certificate`)
    assert.deepEqual(
      doc.querySelectorAll('main h2').map((h) => text(h.text)),
      [
        'About this certificate',
        'Who it is for',
        'The child or young person',
        'The decision in dispute',
        'Appealing to the SEND Tribunal',
        'Issued by',
      ],
    )
    const rows = Object.fromEntries(
      doc
        .querySelectorAll('.govuk-summary-list__row')
        .map((r) => [
          `${r.closest('dl')!.id}: ${text(r.querySelector('dt')!.text)}`,
          text(r.querySelector('dd')!.text),
        ]),
    )
    assert.deepEqual(rows, {
      'certificate-details: Type of certificate': 'Mediation declined',
      'certificate-details: What it means':
        'Sarah Hartley was given information about mediation and decided not to try it.',
      'certificate-details: Date of issue': 'Wednesday 23 December 2026',
      'certificate-details: Certificate number': example.number,
      'certificate-details: Case reference': example.reference,
      'issued-to-details: Name': 'Sarah Hartley',
      'issued-to-details: Role': 'Parent or carer',
      'child-details: Name': 'Amelia Hartley',
      'child-details: Date of birth': 'Saturday 14 March 2015',
      'decision-details: Local authority (council)': 'Warrington Borough Council',
      'decision-details: Decision': 'Not to change the EHC plan after a review',
      'decision-details: Date of the decision letter': 'Monday 19 October 2026',
      'decision-details: Mediation adviser contacted': 'Friday 18 December 2026',
      'provider-details: Mediation service': 'SEN Mediation and Disagreement Resolution Service',
      'provider-details: Address': '249 Birmingham Road, Sutton Coldfield, West Midlands, B72 1EA',
      'provider-details: Phone': '03330 062 835',
    })
    const main = text(doc.querySelector('main')!.text)
    assert.match(main, /Sarah Hartley can now appeal to the SEND Tribunal/)
    assert.match(main, /The last day to appeal is Monday 25 January 2027\./)
    // With the dates it was worked out from, once.
    assert.match(
      main,
      /1 month after the mediation certificate \(issued Wednesday 23 December 2026\) is Saturday 23 January 2027/,
    )
    assert.equal(main.split('Monday 25 January 2027').length, 2)
    assert.deepEqual(
      doc.querySelectorAll('#downloads a').map((a) => a.getAttribute('href')),
      [`${page}.pdf`, `${page}-large-print.pdf`],
    )
    assert.ok(doc.getElementById('downloads')!.classList.contains('govuk-!-display-none-print'))
    assert.equal(doc.querySelector('.govuk-back-link')?.getAttribute('href'), `/cases/${example.id}/certificates`)
    assert.equal(doc.getElementById('pdf-letters'), null)
  })

  function assertPdf(res: LightMyRequestResponse, filename: string) {
    assert.equal(res.statusCode, 200)
    assert.equal(res.headers['content-type'], 'application/pdf')
    assert.equal(res.headers['content-disposition'], `attachment; filename="${filename}"`)
    assert.equal(res.headers['cache-control'], 'no-store')
    assert.equal(res.rawPayload.subarray(0, 5).toString('latin1'), '%PDF-')
  }

  it('downloads as a tagged PDF, standard and large print', async () => {
    const coordinator = await signIn()
    const standard = await coordinator.get(`${page}.pdf`)
    assertPdf(standard, `${example.number}.pdf`)
    const large = await coordinator.get(`${page}-large-print.pdf`)
    assertPdf(large, `${example.number}-large-print.pdf`)
    const alsoLarge = await coordinator.get(`${page}.pdf?print=large`)
    assertPdf(alsoLarge, `${example.number}-large-print.pdf`)

    const [s, l, a] = await Promise.all([
      readPdf(standard.rawPayload),
      readPdf(large.rawPayload),
      readPdf(alsoLarge.rawPayload),
    ])
    for (const pdf of [s, l]) {
      for (const expected of [
        'Amelia Hartley',
        'Warrington Borough Council',
        'Monday 19 October 2026',
        'Mediation declined',
        'Wednesday 23 December 2026',
        'SEN Mediation and Disagreement Resolution Service',
        'The last day to appeal is Monday 25 January 2027.',
        example.number,
      ]) {
        assert.ok(pdf.text.includes(expected), `the PDF says "${expected}"`)
      }
      assert.equal(pdf.marked, true)
      assert.equal(pdf.info.Language, 'en-GB')
      assert.ok(pdf.structure.some((e) => e.role === 'H1'))
    }
    assert.equal(s.info.Title, `Mediation certificate ${example.number}: Mediation declined`)
    assert.equal(s.bodyFontSize, 12)
    assert.ok(l.bodyFontSize >= 18)
    assert.equal(a.bodyFontSize, l.bodyFontSize)
  })

  it("prints a child's name as plain text in the PDF and escapes it on the page", async () => {
    const bad = await issueWorkedExample(t.database, t.clock, { childName: '<script>alert(1)</script>' })
    const coordinator = await signIn()
    const res = await coordinator.get(`/cases/${bad.id}/certificates/${bad.certificateId}`)
    assert.equal(res.statusCode, 200)
    assert.ok(!res.body.includes('<script>alert(1)</script>'))
    assert.ok(res.body.includes('&lt;script&gt;alert(1)&lt;/script&gt;'))
    const pdf = await readPdf(
      (await coordinator.get(`/cases/${bad.id}/certificates/${bad.certificateId}.pdf`)).rawPayload,
    )
    assert.ok(pdf.text.includes('Name <script>alert(1)</script>'))
  })

  it('prints a name in any of the scripts its fonts cover exactly as typed, in both PDFs, with no warning', async () => {
    const childName = namesInEveryScript.join(', ')
    const named = await issueWorkedExample(t.database, t.clock, { childName })
    const coordinator = await signIn()
    const address = `/cases/${named.id}/certificates/${named.certificateId}`
    assert.equal(html(await coordinator.get(address)).getElementById('pdf-letters'), null)
    for (const url of [`${address}.pdf`, `${address}-large-print.pdf`]) {
      const pdf = await readPdf((await coordinator.get(url)).rawPayload)
      assert.ok(pdf.text.includes(`Name ${childName}`), url)
      for (const name of namesInEveryScript) assert.ok(pdf.text.includes(name), `${url} says "${name}"`)
    }
  })

  it('warns when the PDF cannot print some characters of a name', async () => {
    const emoji = await issueWorkedExample(t.database, t.clock, { childName: 'Amelia 🙂 Hartley' })
    const res = await (await signIn()).get(`/cases/${emoji.id}/certificates/${emoji.certificateId}`)
    assert.match(text(html(res).querySelector('main')!.text), /Amelia 🙂 Hartley/)
    assert.match(text(html(res).getElementById('pdf-letters')!.text), /not in the PDF's fonts/)
  })

  it('records each view and download in the access log', async () => {
    await clearAccessLog(t.database)
    const administrator = await signIn('administrator@example.com')
    for (const url of [page, `${page}.pdf`, `${page}-large-print.pdf?print=large`])
      assert.equal((await administrator.get(url)).statusCode, 200)
    const rows = await t.database.db.select().from(accessLog).where(eq(accessLog.caseId, example.id))
    assert.deepEqual(
      rows.map((r) => r.path),
      [page, `${page}.pdf`, `${page}-large-print.pdf`],
    )
  })

  it("gives 404 for another case's certificate, an unknown one, or a malformed address", async () => {
    const coordinator = await signIn()
    const base = `/cases/${example.id}/certificates`
    for (const id of [
      other.certificateId,
      `${other.certificateId}.pdf`,
      `${other.certificateId}-large-print.pdf`,
      '00000000-0000-4000-8000-000000000000',
      'not-an-id',
      `${example.certificateId}.docx`,
      `${example.certificateId}-large-print`,
      `${example.certificateId}x.pdf`,
      "1' or '1'='1",
    ]) {
      const res = await coordinator.get(`${base}/${encodeURIComponent(id)}`)
      assert.equal(res.statusCode, 404, id)
      assert.match(titleOf(res), /^Certificate not found/)
      assert.ok(!res.body.includes('Noah Phillips'))
    }
    // The certificate of another case is found under its own case.
    assert.equal((await coordinator.get(`/cases/${other.id}/certificates/${other.certificateId}`)).statusCode, 200)
  })

  it('gives a mediator the same "not found" as any case page, and sends someone not signed in to sign in', async () => {
    const mediator = await signIn('mediator@example.com')
    for (const url of [page, `${page}.pdf`, `${page}-large-print.pdf`]) {
      const res = await mediator.get(url)
      assert.equal(res.statusCode, 404)
      assert.match(titleOf(res), /^Case not found/)
      assert.ok(!res.body.includes('Amelia'))
    }
    assertRedirect(await new Agent(t.app).get(`${page}.pdf`), /^\/sign-in\?next=/)
    assertRedirect(await new Agent(t.app).get(page), /^\/sign-in\?next=/)
  })

  it('reads the address: the page, the PDF, or the large-print PDF', () => {
    const id = '0b7e8a52-3c1d-4e5f-9a6b-7c8d9e0f1a2b'
    assert.deepEqual(parseCertificateAddress(id, {}), { id, format: 'html' })
    assert.deepEqual(parseCertificateAddress(`${id.toUpperCase()}.PDF`, {}), { id, format: 'pdf' })
    assert.deepEqual(parseCertificateAddress(`${id}.pdf`, { print: 'large' }), { id, format: 'large-print-pdf' })
    assert.deepEqual(parseCertificateAddress(`${id}-large-print.pdf`, undefined), { id, format: 'large-print-pdf' })
    for (const bad of [`${id}-large-print`, `${id}.pdf.pdf`, id.slice(1), '', undefined, 42])
      assert.equal(parseCertificateAddress(bad, {}), undefined)
  })
})

describe("a certificate of a council's case: the service as it runs for that council", () => {
  let t: TestApp
  before(async () => {
    t = await createTestApp({ now: '2026-12-18T10:00:00Z' })
  })
  after(() => t.close())

  it("names the council's service and address, with its letter heading first and its signature last", async () => {
    const [halton] = await t.database.db
      .insert(localAuthorities)
      .values({
        code: 'halton',
        name: 'Halton Borough Council',
        commissioned: true,
        postcodeDistricts: ['WA7', 'WA8'],
        serviceName: 'Halton SEN Mediation',
        phone: '01632 960 701',
        address: '1 Example Road, Widnes, WA8 1AA',
        openingHours: 'Monday to Thursday, 10am to 4pm',
        letterHeading: 'SEN mediation for Halton Borough Council',
        letterSignature: 'Robin Example, Service manager',
      })
      .returning()
    await createStaff(t.database, 'halton@example.com', ['coordinator'], 'Hal Ordinator', [halton!.id])
    const made = await issueWorkedExample(t.database, t.clock, { localAuthorityId: halton!.id })
    const agent = await new Agent(t.app).signIn('halton@example.com')
    const page = `/cases/${made.id}/certificates/${made.certificateId}`
    const res = await agent.get(page)
    assert.equal(res.statusCode, 200)
    const doc = html(res)
    assert.equal(text(doc.getElementById('letter-heading')!.text), 'SEN mediation for Halton Borough Council')
    assert.match(
      text(doc.querySelector('main')!.text),
      /Mediation service Halton SEN Mediation Address 1 Example Road, Widnes, WA8 1AA Phone 01632 960 701 Robin Example, Service manager/,
    )
    assert.match(text(doc.querySelector('main')!.text), /Local authority \(council\) Halton Borough Council/)
    const pdf = await readPdf((await agent.get(`${page}.pdf`)).rawPayload)
    assert.equal(pdf.structure[1]?.text, 'SEN mediation for Halton Borough Council')
    assert.ok(pdf.structure.some((e) => e.text === 'Robin Example, Service manager'))
    assert.equal(pdf.info.Author, 'Halton SEN Mediation')
  })
})

import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { formatDate } from '../../web/format.ts'
import { certificateDocument } from './content.ts'
import { pdfChangesText, renderCertificatePdf, toPdfText } from './pdf.ts'
import { readPdf, sampleContent, type ReadPdf } from './testing.ts'

const appeal = { dueDate: '2027-01-25', rule: 'The deadline is the later of two dates.' }
const createdAt = new Date('2026-12-23T12:00:00Z')

describe('the certificate as a PDF', () => {
  const document = certificateDocument(sampleContent(), appeal, formatDate)
  let standard: ReadPdf
  let large: ReadPdf
  let standardBytes: Buffer

  before(async () => {
    standardBytes = await renderCertificatePdf(document, { largePrint: false, createdAt })
    standard = await readPdf(standardBytes)
    large = await readPdf(await renderCertificatePdf(document, { largePrint: true, createdAt }))
  })

  it('is a PDF', () => {
    assert.equal(standardBytes.subarray(0, 5).toString('latin1'), '%PDF-')
  })

  it('says what the Tribunal needs, in both sizes', () => {
    for (const pdf of [standard, large]) {
      for (const expected of [
        'Mediation certificate',
        'MED-2026-000042-C1',
        'MED-2026-000042',
        'Mediation declined',
        'Sarah Hartley',
        'Parent or carer',
        'Amelia Hartley',
        'Saturday 14 March 2015',
        'Warrington Borough Council',
        'Not to change the EHC plan after a review',
        'Monday 19 October 2026',
        'Wednesday 23 December 2026',
        'The last day to appeal is Monday 25 January 2027.',
        'SEN Mediation and Disagreement Resolution Service',
        '249 Birmingham Road, Sutton Coldfield',
        '03330 062 835',
      ])
        assert.ok(pdf.text.includes(expected), `the PDF says "${expected}"`)
    }
  })

  it('has a title shown as the window title, and is in British English', () => {
    assert.equal(standard.info.Title, document.title)
    assert.equal(large.info.Title, `${document.title} (large print)`)
    assert.equal(standard.info.Language, 'en-GB')
    assert.equal(large.info.Language, 'en-GB')
    assert.equal(standard.displayDocTitle, true)
    assert.equal(standard.info.CreationDate, 'D:20261223120000Z')
  })

  it('is tagged, with headings, paragraphs and tables in reading order', () => {
    for (const pdf of [standard, large]) {
      assert.equal(pdf.marked, true)
      const roles = new Set(pdf.structure.map((e) => e.role))
      for (const role of ['Document', 'H1', 'H2', 'P', 'Sect', 'Table', 'TR', 'TH', 'TD'])
        assert.ok(roles.has(role), `has ${role}`)
      const h1 = pdf.structure.filter((e) => e.role === 'H1')
      assert.deepEqual(
        h1.map((e) => e.text),
        ['Mediation certificate'],
      )
      assert.deepEqual(
        pdf.structure.filter((e) => e.role === 'H2').map((e) => e.text),
        document.sections.map((s) => s.heading),
      )
      // Each row reads label then value.
      const cells = pdf.structure.filter((e) => e.role === 'TH' || e.role === 'TD').map((e) => e.text)
      assert.deepEqual(cells.slice(0, 2), ['Type of certificate', 'Mediation declined'])
      const child = cells.indexOf('Amelia Hartley')
      assert.equal(cells[child - 1], 'Name')
      assert.equal(cells[child + 2], 'Saturday 14 March 2015')
      // Nothing is left out of the structure.
      assert.equal(pdf.structure[0]!.role, 'Document')
    }
  })

  it('prints large print at 18pt or more, bigger than the standard', () => {
    assert.equal(standard.bodyFontSize, 12)
    assert.ok(large.bodyFontSize >= 18, `large print body is ${large.bodyFontSize}pt`)
    assert.equal(standard.pages, 1, 'the standard certificate fits on one page')
    assert.ok(large.pages > standard.pages, `large print has ${large.pages} pages`)
    // Headings stay whole across pages in large print.
    assert.deepEqual(
      large.structure.filter((e) => e.role === 'H2').map((e) => e.text),
      document.sections.map((s) => s.heading),
    )
  })

  it('prints a script tag as plain words', async () => {
    const pdf = await readPdf(
      await renderCertificatePdf(
        certificateDocument(sampleContent({ childName: '<script>alert(1)</script>' }), appeal, formatDate),
        { largePrint: false, createdAt },
      ),
    )
    assert.ok(pdf.text.includes('<script>alert(1)</script>'))
  })

  it('draws letters the standard fonts lack without their accents, keeping the exact words as ActualText', async () => {
    assert.equal(toPdfText('Łucja Şahin-Ğüneş, O’Brien – Zoë'), 'Lucja Sahin-Günes, O’Brien – Zoë')
    assert.equal(toPdfText('李 🙂'), '? ?')
    const plain = certificateDocument(sampleContent(), appeal, formatDate)
    const polish = certificateDocument(sampleContent({ childName: 'Łucja Wiśniewska' }), appeal, formatDate)
    assert.equal(pdfChangesText(plain), false)
    assert.equal(pdfChangesText(polish), true)
    const bytes = await renderCertificatePdf(polish, { largePrint: false, createdAt })
    const pdf = await readPdf(bytes)
    assert.ok(pdf.text.includes('Lucja Wisniewska'))
    assert.ok(bytes.toString('latin1').includes('/ActualText'), 'the exact name is kept as ActualText')
    assert.ok(!standardBytes.toString('latin1').includes('/ActualText'), 'no ActualText when nothing changed')
  })
})

import assert from 'node:assert/strict'
import { before, describe, it } from 'node:test'
import { CERTIFICATE_KINDS } from '../../domain/workflow.ts'
import { formatDate } from '../../web/format.ts'
import { certificateDocument } from './content.ts'
import { pdfChangesText, renderCertificatePdf, toPdfText } from './pdf.ts'
import { embeddedFonts, namesInEveryScript, readPdf, sampleContent, type ReadPdf } from './testing.ts'

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

  it('prints names in every script exactly as typed, on a certificate of each kind, in both sizes', async () => {
    const parent = namesInEveryScript.slice(0, 3).join(', ')
    const child = namesInEveryScript.slice(3).join(', ')
    for (const kind of CERTIFICATE_KINDS) {
      const content = sampleContent({ kind, childName: child })
      const named = certificateDocument(
        { ...content, issuedTo: { ...content.issuedTo, name: parent } },
        appeal,
        formatDate,
      )
      assert.equal(pdfChangesText(named), false, 'nothing to warn about')
      for (const largePrint of [false, true]) {
        const pdf = await readPdf(await renderCertificatePdf(named, { largePrint, createdAt }))
        for (const name of namesInEveryScript) assert.ok(pdf.text.includes(name), `${kind}: the PDF says "${name}"`)
        const cells = pdf.structure.filter((e) => e.role === 'TD').map((e) => e.text)
        assert.ok(cells.includes(parent), `${kind}: the parent's name is a cell of its own`)
        assert.ok(cells.includes(child), `${kind}: the child's name is a cell of its own`)
      }
    }
  })

  it('embeds its fonts, the Chinese one only for a certificate with Chinese in it, each cut to the letters used', async () => {
    const chinese = await renderCertificatePdf(
      certificateDocument(sampleContent({ childName: '李华' }), appeal, formatDate),
      { largePrint: false, createdAt },
    )
    assert.deepEqual(embeddedFonts(standardBytes), ['NotoSans-Bold', 'NotoSans-Regular'])
    assert.deepEqual(embeddedFonts(chinese), ['NotoSans-Bold', 'NotoSans-Regular', 'NotoSansHans-Regular'])
    assert.ok(!standardBytes.toString('latin1').includes('Helvetica'), 'no standard font')
    // The Chinese font is 8 MB; the two letters of it used take a few kilobytes.
    assert.ok(chinese.length < 120_000, `the PDF is ${chinese.length} bytes`)
  })

  it('draws a character no font has as "?", keeping the exact words as ActualText, and warns about it', async () => {
    assert.equal(toPdfText('Zoë 🙂'), 'Zoë ?')
    const emoji = certificateDocument(sampleContent({ childName: 'Amelia 🙂 Hartley' }), appeal, formatDate)
    assert.equal(pdfChangesText(emoji), true)
    const pdf = await readPdf(await renderCertificatePdf(emoji, { largePrint: false, createdAt }))
    assert.ok(pdf.text.includes('Amelia ? Hartley'))
    const cell = pdf.structure.find((e) => e.role === 'TD' && e.text === 'Amelia ? Hartley')
    assert.equal(cell?.alt, 'Amelia 🙂 Hartley')
    assert.ok(!standard.structure.some((e) => e.alt !== undefined), 'no ActualText when the drawing says it all')
  })

  it('keeps the exact words of Arabic as ActualText, whose joined letters a reader may take in the wrong order', async () => {
    // "عبد الله" has the lam-lam-heh ligature: pdf.js reads its three letters back to front.
    const arabic = certificateDocument(sampleContent({ childName: 'عبد الله علاء' }), appeal, formatDate)
    const pdf = await readPdf(await renderCertificatePdf(arabic, { largePrint: false, createdAt }))
    const name = pdf.structure.find((e) => e.role === 'TD' && e.alt === 'عبد الله علاء')
    assert.ok(name, 'the name is kept exactly')
  })
})

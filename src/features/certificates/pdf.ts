// A certificate as an accessible PDF: tagged (a structure tree of H1, H2, P and Table elements in
// reading order), with a Title shown as the window title and the language set to en-GB. Fonts are
// the standard Helvetica faces, which every PDF reader has. Large print: 18pt body text or bigger,
// one column, more space between lines.
//
// The standard fonts only have the Windows-1252 letters. Any other letter (Ł, ş, ğ, ...) is drawn
// without its accent (or as ?), and the element carries the exact words as its ActualText, which
// screen readers and copying use. `pdfChangesText` tells the pages to warn staff when that happens.
import PDFDocument, { type StructureElement, type StructureOptions } from 'pdfkit'
import type { CertificateDocument, CertificateRow } from './content.ts'

export interface PdfOptions {
  largePrint: boolean
  /** The PDF's creation date (from the app's clock, so the same certificate prints the same). */
  createdAt: Date
  /** Who made the document, for its Author. */
  author?: string
}

interface Style {
  body: number
  h1: number
  caption: number
  h2: number
  lineGap: number
  margin: number
  /** Row labels above their values instead of beside them. */
  stacked: boolean
}

const standard: Style = { body: 12, h1: 24, caption: 14, h2: 16, lineGap: 2.5, margin: 36, stacked: false }
const large: Style = { body: 18, h1: 36, caption: 20, h2: 26, lineGap: 7, margin: 48, stacked: true }

const regular = 'Helvetica'
const bold = 'Helvetica-Bold'
const ink = '#0b0c0c'

const winAnsiExtras = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ')
const noDecomposition: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', ı: 'i', Ħ: 'H', ħ: 'h', Ŀ: 'L', ŀ: 'l', Ŧ: 'T', ŧ: 't', ĸ: 'k' }

function drawable(ch: string): boolean {
  const c = ch.codePointAt(0)!
  return c === 10 || (c >= 0x20 && c <= 0x7e) || (c >= 0xa0 && c <= 0xff) || winAnsiExtras.has(ch)
}

/** The text as the standard fonts can draw it: accents dropped where they must be, else "?". */
export function toPdfText(text: string): string {
  let out = ''
  for (const ch of text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ')) {
    if (drawable(ch)) {
      out += ch
      continue
    }
    const base = noDecomposition[ch] ?? ch.normalize('NFD').replace(/\p{M}/gu, '')
    out += base && [...base].every(drawable) ? base : '?'
  }
  return out
}

/** Some of the certificate's words cannot be drawn exactly in the PDF (they keep their ActualText). */
export function pdfChangesText(certificate: CertificateDocument): boolean {
  const texts = [certificate.title, certificate.heading, certificate.caption, certificate.intro, ...certificate.sections.flatMap((s) => [
    s.heading, ...s.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : b.rows.flatMap((r) => [r.key, r.value]))),
  ])]
  return texts.some((t) => toPdfText(t) !== t.replace(/\r\n?/g, '\n').replace(/\t/g, ' '))
}

export function renderCertificatePdf(certificate: CertificateDocument, options: PdfOptions): Promise<Buffer> {
  const style = options.largePrint ? large : standard
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: style.margin, bottom: style.margin, left: style.margin, right: style.margin },
    pdfVersion: '1.7',
    tagged: true,
    lang: 'en-GB',
    displayTitle: true,
    font: regular,
    info: {
      Title: options.largePrint ? `${certificate.title} (large print)` : certificate.title,
      Subject: 'Mediation certificate for an appeal to the SEND Tribunal',
      ...(options.author ? { Author: options.author } : {}),
      Creator: 'Parley',
      CreationDate: options.createdAt,
      ModDate: options.createdAt,
    },
  })
  const chunks: Buffer[] = []
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })

  const left = style.margin
  const width = doc.page.width - 2 * style.margin
  const bottom = () => doc.page.height - doc.page.margins.bottom
  const textOptions = { width, lineGap: style.lineGap }
  const rowGap = style.body * 0.35
  /** Starts a new page unless `height` more points fit on this one. */
  const keepTogether = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage()
  }
  const heightOf = (font: string, size: number, text: string, w = width) =>
    doc.font(font).fontSize(size).heightOfString(toPdfText(text), { width: w, lineGap: style.lineGap })
  /** A structure element drawn by `draw`; words the font cannot show exactly are kept as its ActualText. */
  const tagged = (type: string, text: string, draw: (drawn: string) => void, options: StructureOptions = {}) => {
    const drawn = toPdfText(text)
    return doc.struct(type, drawn === text ? options : { ...options, actual: text }, () => draw(drawn))
  }

  const root = doc.struct('Document')
  doc.addStructure(root)
  doc.fillColor(ink)

  root.add(tagged('H1', certificate.heading, (t) => doc.font(bold).fontSize(style.h1).text(t, left, doc.y, textOptions)))
  root.add(tagged('P', `Certificate number ${certificate.caption}`, (t) => doc.font(regular).fontSize(style.caption).text(t, left, doc.y, textOptions)))
  doc.moveDown(0.3)
  root.add(tagged('P', certificate.intro, (t) => doc.font(regular).fontSize(style.body).text(t, left, doc.y, textOptions)))

  for (const section of certificate.sections) {
    const sect = doc.struct('Sect', { title: section.heading })
    root.add(sect)
    doc.moveDown(0.5)
    // A heading never ends a page: a short section stays whole, a long one keeps a few lines with its heading.
    const headingHeight = heightOf(bold, style.h2, section.heading)
    const whole = headingHeight + sectionHeight(section)
    keepTogether(whole < (bottom() - doc.page.margins.top) / 3 ? whole : headingHeight + style.body * 4)
    sect.add(tagged('H2', section.heading, (t) => doc.font(bold).fontSize(style.h2).text(t, left, doc.y, textOptions)))
    doc.moveDown(0.15)
    for (const block of section.blocks) {
      if (block.type === 'paragraph') {
        sect.add(tagged('P', block.text, (t) =>
          doc.font(block.strong ? bold : regular).fontSize(style.body).text(t, left, doc.y, { ...textOptions, paragraphGap: style.body * 0.5 })))
      } else {
        const table = doc.struct('Table')
        sect.add(table)
        for (const row of block.rows) drawRow(table, row)
        table.end()
      }
    }
    sect.end()
  }
  root.end()
  doc.end()
  return finished

  function sectionHeight(section: CertificateDocument['sections'][number]): number {
    const gap = rowGap
    const keyWidth = Math.round(width * 0.36)
    return section.blocks.reduce((sum, block) => sum + (block.type === 'paragraph'
      ? heightOf(block.strong ? bold : regular, style.body, block.text) + style.body * 0.5
      : block.rows.reduce((rows, row) => rows + gap + (style.stacked
        ? heightOf(bold, style.body, row.key) + heightOf(regular, style.body, row.value)
        : Math.max(heightOf(bold, style.body, row.key, keyWidth), heightOf(regular, style.body, row.value, width - keyWidth - gap))), 0)), 0)
  }

  function drawRow(table: StructureElement, row: CertificateRow) {
    const tr = doc.struct('TR')
    table.add(tr)
    const gap = rowGap
    if (style.stacked) {
      keepTogether(heightOf(bold, style.body, row.key) + heightOf(regular, style.body, row.value))
      tr.add(tagged('TH', row.key, (t) => doc.font(bold).fontSize(style.body).text(t, left, doc.y, textOptions), { scope: 'Row' }))
      tr.add(tagged('TD', row.value, (t) => doc.font(regular).fontSize(style.body).text(t, left, doc.y, textOptions)))
      doc.y += gap
    } else {
      const keyWidth = Math.round(width * 0.36)
      const valueWidth = width - keyWidth - gap
      const height = Math.max(heightOf(bold, style.body, row.key, keyWidth), heightOf(regular, style.body, row.value, valueWidth))
      keepTogether(height)
      const top = doc.y
      tr.add(tagged('TH', row.key, (t) => doc.font(bold).fontSize(style.body).text(t, left, top, { width: keyWidth, lineGap: style.lineGap }), { scope: 'Row' }))
      tr.add(tagged('TD', row.value, (t) => doc.font(regular).fontSize(style.body).text(t, left + keyWidth + gap, top, { width: valueWidth, lineGap: style.lineGap })))
      doc.x = left
      doc.y = top + height + gap
    }
    tr.end()
  }
}

// A certificate as an accessible PDF (src/web/tagged-pdf.ts): H1, H2, P and Table elements in
// reading order. Large print: 18pt body text or bigger, one column, more space between lines.
// A character no embedded font has is drawn as "?" (its element keeps the exact words as
// ActualText); `pdfChangesText` tells the pages to warn staff when that happens.
import { bold, regular, startTaggedPdf, toPdfText } from '../../web/tagged-pdf.ts'
import type { CertificateDocument } from './content.ts'

export { toPdfText }

export interface PdfOptions {
  largePrint: boolean
  /** The PDF's creation date (from the app's clock, so the same certificate prints the same). */
  createdAt: Date
  /** Who made the document, for its Author. */
  author?: string
}

const standard = { body: 12, h1: 24, caption: 14, h2: 16, lineGap: 0.5, margin: 36, stacked: false }
const large = { body: 18, h1: 36, caption: 20, h2: 26, lineGap: 3.5, margin: 48, stacked: true }
/** The share of the width the row labels take, beside their values. */
const keyShare = 0.36

/** Some of the certificate's characters are in no embedded font (their elements keep the exact words as ActualText). */
export function pdfChangesText(certificate: CertificateDocument): boolean {
  const texts = [
    certificate.title,
    ...(certificate.letterHead ? [certificate.letterHead] : []),
    certificate.heading,
    certificate.caption,
    certificate.intro,
    ...certificate.sections.flatMap((s) => [
      s.heading,
      ...s.blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : b.rows.flatMap((r) => [r.key, r.value]))),
    ]),
  ]
  return texts.some((t) => toPdfText(t) !== t.replace(/\r\n?/g, '\n').replace(/\t/g, ' '))
}

export function renderCertificatePdf(certificate: CertificateDocument, options: PdfOptions): Promise<Buffer> {
  const style = options.largePrint ? large : standard
  const pdf = startTaggedPdf(
    {
      title: options.largePrint ? `${certificate.title} (large print)` : certificate.title,
      subject: 'Mediation certificate for an appeal to the SEND Tribunal',
      author: options.author,
      createdAt: options.createdAt,
    },
    style,
  )
  const { doc, root, bottom, textOptions, tagged, heightOf, keepTogether } = pdf

  // The council's letter heading, above the title.
  if (certificate.letterHead) {
    root.add(tagged('P', certificate.letterHead, { weight: bold, size: style.body, ...textOptions }))
    doc.moveDown(0.5)
  }
  root.add(tagged('H1', certificate.heading, { weight: bold, size: style.h1, ...textOptions }))
  root.add(
    tagged('P', `Certificate number ${certificate.caption}`, { weight: regular, size: style.caption, ...textOptions }),
  )
  doc.moveDown(0.3)
  root.add(tagged('P', certificate.intro, { weight: regular, size: style.body, ...textOptions }))

  for (const section of certificate.sections) {
    const sect = doc.struct('Sect', { title: section.heading })
    root.add(sect)
    doc.moveDown(0.5)
    // A heading never ends a page: a short section stays whole, a long one keeps a few lines with its heading.
    const headingHeight = heightOf(bold, style.h2, section.heading)
    const whole = headingHeight + sectionHeight(section)
    keepTogether(whole < (bottom() - doc.page.margins.top) / 3 ? whole : headingHeight + style.body * 4)
    sect.add(tagged('H2', section.heading, { weight: bold, size: style.h2, ...textOptions }))
    doc.moveDown(0.15)
    for (const block of section.blocks) {
      if (block.type === 'paragraph') {
        sect.add(
          tagged('P', block.text, {
            weight: block.strong ? bold : regular,
            size: style.body,
            ...textOptions,
            paragraphGap: style.body * 0.5,
          }),
        )
      } else {
        pdf.table(sect, block.rows, keyShare)
      }
    }
    sect.end()
  }
  return pdf.finish()

  function sectionHeight(section: CertificateDocument['sections'][number]): number {
    return section.blocks.reduce(
      (sum, block) =>
        sum +
        (block.type === 'paragraph'
          ? heightOf(block.strong ? bold : regular, style.body, block.text) + style.body * 0.5
          : pdf.tableHeight(block.rows, keyShare)),
      0,
    )
  }
}

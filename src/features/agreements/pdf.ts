// The final agreement as an accessible PDF (src/web/tagged-pdf.ts): H1, H2, H3, P, L/LI and
// Table/TR/TH/TD in reading order. Large print: 18pt body text, label above value, more space
// between lines.
import type { StructureElement } from 'pdfkit'
import { bold, regular, startTaggedPdf } from '../../web/tagged-pdf.ts'
import { agreementDocument, type AgreementContent } from './content.ts'

interface Style {
  body: number
  h1: number
  h2: number
  h3: number
  lineGap: number
  margin: number
  stacked: boolean
}

const standard: Style = { body: 12, h1: 24, h2: 16, h3: 13, lineGap: 0.5, margin: 40, stacked: false }
const large: Style = { body: 18, h1: 34, h2: 26, h3: 21, lineGap: 3.5, margin: 48, stacked: true }

/** The share of the width the row labels take, beside their values. */
const keyShare = 0.32

export interface AgreementPdfOptions {
  largePrint: boolean
  /** The PDF's creation date; by default noon on the day the agreement was made, so a reprint is the same. */
  createdAt?: Date
}

export function agreementPdf(content: AgreementContent, options: AgreementPdfOptions): Promise<Buffer> {
  const document = agreementDocument(content)
  const style = options.largePrint ? large : standard
  const createdAt = options.createdAt ?? new Date(`${content.madeOn}T12:00:00Z`)
  const pdf = startTaggedPdf(
    {
      title: options.largePrint ? `${document.title} (large print)` : document.title,
      subject: 'Mediation agreement',
      author: content.provider.name,
      createdAt,
    },
    style,
  )
  const { doc, root, left, width, textOptions, write, tagged, heightOf, keepTogether } = pdf
  const heading = (parent: StructureElement, type: 'H2' | 'H3', text: string) => {
    const size = type === 'H2' ? style.h2 : style.h3
    keepTogether(heightOf(bold, size, text) + style.body * 4)
    parent.add(tagged(type, text, { weight: bold, size, ...textOptions }))
    doc.moveDown(0.2)
  }
  const paragraph = (parent: StructureElement, text: string) => {
    parent.add(tagged('P', text, { weight: regular, size: style.body, ...textOptions, paragraphGap: style.body * 0.5 }))
  }

  root.add(tagged('H1', document.heading, { weight: bold, size: style.h1, ...textOptions }))
  doc.moveDown(0.3)
  for (const text of document.intro) paragraph(root, text)

  for (const section of document.sections) {
    const sect = doc.struct('Sect', { title: section.heading })
    root.add(sect)
    doc.moveDown(0.5)
    heading(sect, 'H2', section.heading)
    for (const text of section.paragraphs ?? []) paragraph(sect, text)
    if (section.list?.length) {
      const list = doc.struct('L')
      sect.add(list)
      for (const item of section.list) {
        const li = doc.struct('LI')
        list.add(li)
        const indent = style.body * 1.2
        keepTogether(heightOf(regular, style.body, item, width - indent))
        const top = doc.y
        li.add(
          doc.struct('Lbl', () => write('•', { weight: regular, size: style.body, x: left, y: top, width: indent })),
        )
        li.add(
          tagged('LBody', item, {
            weight: regular,
            size: style.body,
            x: left + indent,
            y: top,
            width: width - indent,
            lineGap: style.lineGap,
            paragraphGap: style.body * 0.3,
          }),
        )
        doc.x = left
        li.end()
      }
      list.end()
    }
    for (const point of section.points ?? []) {
      doc.moveDown(0.3)
      const pointSect = doc.struct('Sect', { title: point.heading })
      sect.add(pointSect)
      heading(pointSect, 'H3', point.heading)
      pdf.table(pointSect, point.rows, keyShare)
      pointSect.end()
    }
    if (section.rows?.length) pdf.table(sect, section.rows, keyShare)
    sect.end()
  }
  return pdf.finish()
}

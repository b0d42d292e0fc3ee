// The whole report as a tagged PDF for the council's contract meeting (src/web/tagged-pdf.ts):
// H1, the period and the note on small numbers, then each section (H2) and table (H3) with the
// rule for its dates, the table itself (TH for headings and row labels, TD for figures) and its
// shares and medians, in reading order. Hidden figures read as on the page ("fewer than 5" or
// "not shown"). No comments from feedback: this goes to the council.
import type { StructureElement } from 'pdfkit'
import type { SafeReport, SafeTable } from '../../domain/report-safe.ts'
import { bold, regular, startTaggedPdf } from '../../web/tagged-pdf.ts'
import { derivedText, figureText, SUPPRESSION_NOTE } from './figures.ts'
import { periodText, reportTitle, type ReportHeading } from './view-model.ts'

const style = { body: 10, lineGap: 0.5, margin: 40, stacked: false }
const sizes = { h1: 20, h2: 15, h3: 12 }

export function reportPdf(report: SafeReport, heading: ReportHeading, options: { createdAt: Date; provider?: string }) {
  const title = reportTitle(heading)
  const pdf = startTaggedPdf(
    { title, subject: 'Figures for the council', author: options.provider, createdAt: options.createdAt },
    style,
  )
  const { doc, root, left, width, textOptions, tagged, heightOf, keepTogether } = pdf

  const headingOf = (parent: StructureElement, type: 'H1' | 'H2' | 'H3', text: string) => {
    const size = type === 'H1' ? sizes.h1 : type === 'H2' ? sizes.h2 : sizes.h3
    keepTogether(heightOf(bold, size, text) + style.body * 6)
    parent.add(tagged(type, text, { weight: bold, size, ...textOptions }))
    doc.moveDown(0.25)
  }
  const paragraph = (parent: StructureElement, text: string, weight = regular) => {
    keepTogether(heightOf(weight, style.body, text))
    parent.add(tagged('P', text, { weight, size: style.body, ...textOptions, paragraphGap: style.body * 0.4 }))
  }

  /** A table with a heading row; row labels take a third of the width, figures share the rest. */
  const table = (parent: StructureElement, t: SafeTable) => {
    const withTotal = t.rows.some((r) => r.total) || t.totals?.total !== undefined
    const headings = [t.rowHeading, ...t.columns, ...(withTotal ? ['Total'] : [])]
    const labelWidth = Math.round(width * (headings.length > 3 ? 0.26 : 0.45))
    const figureWidth = (width - labelWidth) / (headings.length - 1)
    const xOf = (i: number) => (i === 0 ? left : left + labelWidth + (i - 1) * figureWidth)
    const widthOf = (i: number) => (i === 0 ? labelWidth : figureWidth) - 4
    const lines: { cells: string[]; head: boolean }[] = [
      { cells: headings, head: true },
      ...t.rows.map((r) => ({
        cells: [r.label, ...r.cells.map(figureText), ...(r.total ? [figureText(r.total)] : [])],
        head: false,
      })),
      ...(t.totals
        ? [
            {
              cells: [
                'Total',
                ...t.totals.cells.map(figureText),
                ...(t.totals.total ? [figureText(t.totals.total)] : []),
              ],
              head: false,
            },
          ]
        : []),
    ]
    const element = doc.struct('Table')
    parent.add(element)
    for (const line of lines) {
      const height = Math.max(
        ...line.cells.map((c, i) => heightOf(line.head || i === 0 ? bold : regular, style.body, c, widthOf(i))),
      )
      keepTogether(height)
      const top = doc.y
      const bottoms: number[] = []
      const tr = doc.struct('TR')
      element.add(tr)
      line.cells.forEach((text, i) => {
        const type = line.head || i === 0 ? 'TH' : 'TD'
        const scope = line.head ? ('Column' as const) : i === 0 ? ('Row' as const) : undefined
        tr.add(
          tagged(
            type,
            text,
            {
              weight: type === 'TH' ? bold : regular,
              size: style.body,
              x: xOf(i),
              y: top,
              width: widthOf(i),
              lineGap: style.lineGap,
            },
            scope ? { scope } : {},
          ),
        )
        bottoms.push(doc.y)
      })
      tr.end()
      // The row ends below its tallest cell, as drawn.
      doc.x = left
      doc.y = Math.max(...bottoms) + style.body * 0.35
    }
    element.end()
  }

  headingOf(root, 'H1', title)
  paragraph(root, `Council: ${heading.councilName}.`)
  paragraph(root, `Period: ${periodText(heading.period)}.`)
  paragraph(root, SUPPRESSION_NOTE)
  for (const section of report.sections) {
    const sect = doc.struct('Sect', { title: section.title })
    root.add(sect)
    doc.moveDown(0.4)
    headingOf(sect, 'H2', section.title)
    for (const t of section.tables) {
      doc.moveDown(0.3)
      headingOf(sect, 'H3', t.title)
      paragraph(sect, t.rule)
      table(sect, t)
      for (const d of t.derived) paragraph(sect, `${d.label}: ${derivedText(d)}.`)
    }
    sect.end()
  }
  return pdf.finish()
}

// What every PDF Parley makes shares (certificates, agreements, letters): an accessible, tagged
// document (a structure tree in reading order), with a Title shown as the window title and the
// language en-GB, in the standard Helvetica faces that every PDF reader has.
//
// The standard fonts only have the Windows-1252 letters. Any other letter (Ł, ş, ğ, ...) is drawn
// without its accent (or as ?), and the element carries the exact words as its ActualText, which
// screen readers and copying use.
import PDFDocument, { type StructureElement, type StructureOptions } from 'pdfkit'

export const regular = 'Helvetica'
export const bold = 'Helvetica-Bold'
const ink = '#0b0c0c'

const winAnsiExtras = new Set('€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ')
const noDecomposition: Record<string, string> = {
  Ł: 'L',
  ł: 'l',
  Đ: 'D',
  đ: 'd',
  ı: 'i',
  Ħ: 'H',
  ħ: 'h',
  Ŀ: 'L',
  ŀ: 'l',
  Ŧ: 'T',
  ŧ: 't',
  ĸ: 'k',
}

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

export interface PdfInfo {
  title: string
  subject: string
  author?: string
  /** From the app's clock (or the document's own date), so the same document prints the same. */
  createdAt: Date
}

export interface PdfStyle {
  body: number
  lineGap: number
  margin: number
  /** Table row labels above their values (large print) instead of beside them. */
  stacked: boolean
}

/**
 * A new A4 tagged document with its root 'Document' element, and the helpers every layout uses.
 * Call `finish()` once everything is drawn.
 */
export function startTaggedPdf(info: PdfInfo, style: PdfStyle) {
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: style.margin, bottom: style.margin, left: style.margin, right: style.margin },
    pdfVersion: '1.7',
    tagged: true,
    lang: 'en-GB',
    displayTitle: true,
    font: regular,
    info: {
      Title: info.title,
      Subject: info.subject,
      ...(info.author ? { Author: info.author } : {}),
      Creator: 'Parley',
      CreationDate: info.createdAt,
      ModDate: info.createdAt,
    },
  })
  const chunks: Buffer[] = []
  const finished = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk) => chunks.push(chunk))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  const root = doc.struct('Document')
  doc.addStructure(root)
  doc.fillColor(ink)

  const left = style.margin
  const width = doc.page.width - 2 * style.margin
  const bottom = () => doc.page.height - doc.page.margins.bottom
  const textOptions = { width, lineGap: style.lineGap }

  /** A structure element drawn by `draw`; words the font cannot show exactly are kept as its ActualText. */
  const tagged = (type: string, text: string, draw: (drawn: string) => void, options: StructureOptions = {}) => {
    const drawn = toPdfText(text)
    return doc.struct(type, drawn === text ? options : { ...options, actual: text }, () => draw(drawn))
  }
  const heightOf = (font: string, size: number, text: string, w = width) =>
    doc.font(font).fontSize(size).heightOfString(toPdfText(text), { width: w, lineGap: style.lineGap })
  /** Starts a new page unless `height` more points fit on this one. */
  const keepTogether = (height: number) => {
    if (doc.y + height > bottom()) doc.addPage()
  }

  const rowGap = style.body * 0.35
  /** The height a table of label/value rows will take. */
  const tableHeight = (rows: readonly { key: string; value: string }[], keyShare: number) => {
    const keyWidth = Math.round(width * keyShare)
    return rows.reduce(
      (sum, row) =>
        sum +
        rowGap +
        (style.stacked
          ? heightOf(bold, style.body, row.key) + heightOf(regular, style.body, row.value)
          : Math.max(
              heightOf(bold, style.body, row.key, keyWidth),
              heightOf(regular, style.body, row.value, width - keyWidth - rowGap),
            )),
      0,
    )
  }

  /** A table of label/value rows (TH scope Row, TD), side by side or stacked in large print. */
  const table = (parent: StructureElement, rows: readonly { key: string; value: string }[], keyShare: number) => {
    const t = doc.struct('Table')
    parent.add(t)
    for (const row of rows) {
      const tr = doc.struct('TR')
      t.add(tr)
      if (style.stacked) {
        keepTogether(heightOf(bold, style.body, row.key) + heightOf(regular, style.body, row.value))
        tr.add(
          tagged('TH', row.key, (s) => doc.font(bold).fontSize(style.body).text(s, left, doc.y, textOptions), {
            scope: 'Row',
          }),
        )
        tr.add(tagged('TD', row.value, (s) => doc.font(regular).fontSize(style.body).text(s, left, doc.y, textOptions)))
        doc.y += rowGap
      } else {
        const keyWidth = Math.round(width * keyShare)
        const valueWidth = width - keyWidth - rowGap
        const height = Math.max(
          heightOf(bold, style.body, row.key, keyWidth),
          heightOf(regular, style.body, row.value, valueWidth),
        )
        keepTogether(height)
        const top = doc.y
        tr.add(
          tagged(
            'TH',
            row.key,
            (s) => doc.font(bold).fontSize(style.body).text(s, left, top, { width: keyWidth, lineGap: style.lineGap }),
            { scope: 'Row' },
          ),
        )
        tr.add(
          tagged('TD', row.value, (s) =>
            doc
              .font(regular)
              .fontSize(style.body)
              .text(s, left + keyWidth + rowGap, top, { width: valueWidth, lineGap: style.lineGap }),
          ),
        )
        doc.x = left
        doc.y = top + height + rowGap
      }
      tr.end()
    }
    t.end()
  }

  const finish = () => {
    root.end()
    doc.end()
    return finished
  }

  return { doc, root, left, width, bottom, textOptions, tagged, heightOf, keepTogether, table, tableHeight, finish }
}

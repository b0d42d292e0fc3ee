// What every PDF Parley makes shares (certificates, agreements, letters, reports): an accessible,
// tagged document (a structure tree in reading order), with a Title shown as the window title and
// the language en-GB, and its words in fonts embedded for every script they are in: each piece of
// text is drawn as runs (pdf-text.ts), each in its script's font (pdf-fonts.ts), on one baseline
// and with one line height however its runs mix.
//
// A character no embedded font has (an emoji; a Hebrew or Korean letter) is drawn as "?", and the
// element keeps the exact words as its ActualText, which screen readers and copying use. So does
// any element with Arabic in it: a reader taking the words from the drawing (in the order they
// are seen) can put the two letters of a joined pair, such as lam-alef, the wrong way round.
import { createRequire } from 'node:module'
import type PDFKit from 'pdfkit'
import type { StructureElement, StructureOptions, TextOptions } from 'pdfkit'
import { fontName, fontOf, type Script, type Weight } from './pdf-fonts.ts'
import { textRuns, toPdfText, type Run } from './pdf-text.ts'

export { toPdfText }
export type { Weight }
export const regular: Weight = 'regular'
export const bold: Weight = 'bold'
const ink = '#0b0c0c'

/** How a piece of text is drawn: its weight and size, where (by default at the left margin, at `doc.y`) and pdfkit's options. */
export interface Write extends TextOptions {
  weight: Weight
  size: number
  x?: number
  y?: number
}

/** A font's ascender and line height (with its gap) at a size, in points, as pdfkit works them out. */
function metrics(script: Script, weight: Weight, size: number) {
  const font = fontOf(script, weight)
  const scale = size / font.unitsPerEm
  return { ascent: font.ascent * scale, lineHeight: (font.ascent - font.descent + font.lineGap) * scale }
}

/** The tallest ascender and line height of the fonts of these runs: each line of a mixed text takes them. */
function lineOf(runs: readonly Run[], weight: Weight, size: number) {
  const all = [...new Set(runs.map((r) => r.script))].map((s) => metrics(s, weight, size))
  return { ascent: Math.max(...all.map((m) => m.ascent)), lineHeight: Math.max(...all.map((m) => m.lineHeight)) }
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
  /** Points added to the font's own line height (Noto Sans: 1.36 times the size). */
  lineGap: number
  margin: number
  /** Table row labels above their values (large print) instead of beside them. */
  stacked: boolean
}

/**
 * A new A4 tagged document with its root 'Document' element, and the helpers every layout uses.
 * Call `finish()` once everything is drawn.
 */
// pdfkit (with fontkit) takes a seventh of a second of CPU to load: it loads for the first PDF
// drawn, not in every process that builds the app. Its CommonJS build, as pdf-fonts.ts loads fontkit's.
const load = createRequire(import.meta.url)
let PDFDocument: typeof PDFKit | undefined

export function startTaggedPdf(info: PdfInfo, style: PdfStyle) {
  PDFDocument ??= load('pdfkit') as typeof PDFKit
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: style.margin, bottom: style.margin, left: style.margin, right: style.margin },
    pdfVersion: '1.7',
    tagged: true,
    lang: 'en-GB',
    displayTitle: true,
    // No standard font: the embedded ones are registered as a document first needs each.
    font: null,
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

  const registered = new Set<string>()
  const use = (script: Script, weight: Weight) => {
    const name = fontName(script, weight)
    if (!registered.has(name)) {
      doc.registerFont(name, fontOf(script, weight))
      registered.add(name)
    }
    return doc.font(name)
  }
  use('latin', 'regular')

  const left = style.margin
  const width = doc.page.width - 2 * style.margin
  const bottom = () => doc.page.height - doc.page.margins.bottom
  const textOptions = { width, lineGap: style.lineGap }

  /** pdfkit's options for one run of a text: Arabic laid out whole; a mixed text on one baseline and line height. */
  const runOptions = (run: Run, runs: readonly Run[], weight: Weight, size: number, options: TextOptions) => {
    if (runs.length === 1) return run.script === 'arabic' ? { ...options, features: [] } : options
    const line = lineOf(runs, weight, size)
    return {
      ...options,
      lineGap: (options.lineGap ?? 0) + line.lineHeight - metrics(run.script, weight, size).lineHeight,
      baseline: -line.ascent,
      ...(run.script === 'arabic' ? { features: [] } : {}),
    }
  }

  /** Draws text (already as `toPdfText` gives it), a run at a time, each in its font. */
  const write = (text: string, { weight, size, x = left, y = doc.y, ...options }: Write) => {
    const runs = textRuns(text)
    doc.fontSize(size)
    if (runs.length === 0) {
      doc.text('', x, y, options)
      return
    }
    if (options.align === 'right' && runs.length > 1) {
      // pdfkit aligns each run on its own; a line of several is placed by its whole width instead.
      const lineWidth = options.width ?? width
      text.split('\n').forEach((line, i) => {
        const lineRuns = textRuns(line)
        const used = lineRuns.reduce(
          (sum, run) =>
            sum + use(run.script, weight).widthOfString(run.text, runOptions(run, lineRuns, weight, size, {})),
          0,
        )
        const at = x + Math.max(0, lineWidth - used)
        write(line, { ...options, weight, size, align: 'left', x: at, y: i === 0 ? y : doc.y, width: lineWidth })
      })
      return
    }
    runs.forEach((run, i) => {
      use(run.script, weight)
      const last = i === runs.length - 1
      const drawn = runOptions(
        run,
        runs,
        weight,
        size,
        last ? options : { ...options, paragraphGap: 0, continued: true },
      )
      if (i === 0) doc.text(run.text, x, y, drawn)
      else doc.text(run.text, drawn)
    })
    // The next text, and moveDown, go on from the Latin font.
    use('latin', weight)
  }

  /** A structure element with its text drawn; the exact words are its ActualText where the drawing may not give them back. */
  const tagged = (type: string, text: string, how: Write, options: StructureOptions = {}) => {
    const drawn = toPdfText(text)
    const exact = drawn === text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ') && !/\p{Script=Arabic}/u.test(text)
    return doc.struct(type, exact ? options : { ...options, actual: text }, () => write(drawn, how))
  }
  /** The height text will take; for text in several fonts, the most that any of them would take. */
  const heightOf = (weight: Weight, size: number, text: string, w = width) => {
    const runs = textRuns(toPdfText(text))
    const drawn = runs.map((r) => r.text).join('')
    const heights = [...new Set(runs.map((r) => r.script))].map((script) =>
      use(script, weight)
        .fontSize(size)
        .heightOfString(
          drawn,
          runOptions({ script, text: drawn }, runs, weight, size, { width: w, lineGap: style.lineGap }),
        ),
    )
    use('latin', weight)
    return Math.max(0, ...heights)
  }
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
        tr.add(tagged('TH', row.key, { weight: bold, size: style.body, ...textOptions }, { scope: 'Row' }))
        tr.add(tagged('TD', row.value, { weight: regular, size: style.body, ...textOptions }))
        doc.y += rowGap
      } else {
        const keyWidth = Math.round(width * keyShare)
        const valueWidth = width - keyWidth - rowGap
        keepTogether(
          Math.max(heightOf(bold, style.body, row.key, keyWidth), heightOf(regular, style.body, row.value, valueWidth)),
        )
        const top = doc.y
        const cell = { size: style.body, y: top, lineGap: style.lineGap }
        tr.add(tagged('TH', row.key, { ...cell, weight: bold, width: keyWidth }, { scope: 'Row' }))
        const keyBottom = doc.y
        tr.add(tagged('TD', row.value, { ...cell, weight: regular, x: left + keyWidth + rowGap, width: valueWidth }))
        // The row ends below the taller of its two cells, as drawn.
        doc.x = left
        doc.y = Math.max(keyBottom, doc.y) + rowGap
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

  return {
    doc,
    root,
    left,
    width,
    bottom,
    textOptions,
    write,
    tagged,
    heightOf,
    keepTogether,
    table,
    tableHeight,
    finish,
  }
}

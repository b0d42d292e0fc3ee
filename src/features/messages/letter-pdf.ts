// A letter for posting, as an accessible PDF (src/web/tagged-pdf.ts): the sender, the address, the
// date, a heading and the paragraphs, in reading order. Large print: 18pt text or bigger, more space
// between lines. The address sits where a window envelope shows it (DL window, 20mm from the left,
// about 50mm from the top).
import { bold, regular, startTaggedPdf, type Weight } from '../../web/tagged-pdf.ts'

export interface Letter {
  recipientName: string
  /** Lines of the postal address, separated by new lines or commas. */
  recipientAddress: string
  subject: string
  body: string
  /** As it reads on the letter: "Friday 27 November 2026". */
  date: string
  sender: { name: string; address: string; phone: string; email: string }
  /** The council's heading above the letter, and its sign-off below (each may be empty). */
  heading?: string
  signature?: string
  largePrint: boolean
}

const standard = { body: 12, heading: 16, small: 10, lineGap: 1, margin: 57, stacked: false }
const large = { body: 18, heading: 26, small: 16, lineGap: 3.5, margin: 57, stacked: true }

export function addressLines(address: string): string[] {
  return address
    .split(/\r?\n|,/)
    .map((l) => l.trim())
    .filter(Boolean)
}

export function renderLetterPdf(letter: Letter, options: { createdAt: Date }): Promise<Buffer> {
  const style = letter.largePrint ? large : standard
  const title = `${letter.subject}${letter.largePrint ? ' (large print)' : ''}`
  const { doc, root, left, width, tagged, finish } = startTaggedPdf(
    { title, subject: `A letter to ${letter.recipientName}`, author: letter.sender.name, createdAt: options.createdAt },
    style,
  )
  const text = (
    type: string,
    words: string,
    weight: Weight,
    size: number,
    opts: { x?: number; y?: number; width?: number; align?: 'left' | 'right'; gap?: number } = {},
  ) =>
    tagged(type, words, {
      weight,
      size,
      x: opts.x,
      y: opts.y,
      width: opts.width ?? width,
      lineGap: style.lineGap,
      align: opts.align ?? 'left',
      paragraphGap: opts.gap ?? 0,
    })

  // The council's heading, top left (beside the sender, so the address stays in the envelope window).
  let headingBottom = 0
  if (letter.heading?.trim()) {
    const heading = letter.heading.replace(/\r\n?/g, '\n').trim()
    root.add(text('P', heading, bold, style.small, { y: style.margin, width: width / 2 - 12 }))
    headingBottom = doc.y
  }
  // Who it is from, top right.
  const senderLines = [
    letter.sender.name,
    ...addressLines(letter.sender.address),
    letter.sender.phone && `Phone: ${letter.sender.phone}`,
    letter.sender.email && `Email: ${letter.sender.email}`,
  ].filter(Boolean)
  root.add(
    text('P', senderLines.join('\n'), regular, style.small, {
      x: left + width / 2,
      y: style.margin,
      width: width / 2,
      align: 'right',
    }),
  )
  // To whom, in the envelope window.
  root.add(
    text('P', [letter.recipientName, ...addressLines(letter.recipientAddress)].join('\n'), regular, style.body, {
      x: 57,
      y: Math.max(142, Math.max(doc.y, headingBottom) + style.body),
      width: width / 2 + 20,
    }),
  )
  doc.moveDown(1.5)
  root.add(text('P', letter.date, regular, style.body))
  doc.moveDown(1)
  root.add(text('H1', letter.subject, bold, style.heading, { gap: style.body * 0.6 }))
  for (const paragraph of letter.body
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean)) {
    root.add(text('P', paragraph, regular, style.body, { gap: style.body * 0.8 }))
  }
  // The council's sign-off, its lines as written.
  if (letter.signature?.trim()) {
    root.add(text('P', letter.signature.replace(/\r\n?/g, '\n').trim(), regular, style.body))
  }
  return finish()
}

// Text in the PDFs, in every script: split into runs, each drawn in its script's font, in the
// order they are seen (a PDF holds text as it is seen, left to right). fontkit joins the letters of
// an Arabic run and lays it out right to left, line by line, when pdfkit is told to lay the run out
// whole rather than word by word (tagged-pdf.ts does). What is left to do here, for names and
// sentences with a name in them in a left-to-right document, is the part of the Unicode
// bidirectional algorithm that fontkit does not do: when a sign the Arabic font lacks (a hyphen, a
// bracket) or a number splits an Arabic stretch into several runs, the runs go right to left, the
// sign mirrored, the number's digits in their own order. (Such a split stretch over two lines
// would read its lines in the wrong order; a name is rarely so long.)
import { drawable, fontHas, scriptOf, type Script } from './pdf-fonts.ts'

export interface Run {
  /** Whose font draws it. */
  script: Script
  /** As drawn, left to right (an Arabic-font run in its typed order: fontkit reverses it). */
  text: string
}

type Kind = 'text' | 'digits'
interface Resolved {
  script: Script
  rtl: boolean
  kind: Kind
}

const mirrored: Record<string, string> = {
  '(': ')',
  ')': '(',
  '[': ']',
  ']': '[',
  '{': '}',
  '}': '{',
  '<': '>',
  '>': '<',
}

/** The text as runs of one font each, in the order they are seen. */
export function textRuns(text: string): Run[] {
  const chars = [...text]
  const strong = chars.map((ch) => (/\p{M}/u.test(ch) ? undefined : scriptOf(ch)))
  // The nearest letter's script before and after each character.
  const before: (Script | undefined)[] = []
  const after: (Script | undefined)[] = []
  for (let i = 0; i < chars.length; i++) before.push(strong[i] ?? before[i - 1])
  for (let i = chars.length - 1; i >= 0; i--) after[i] = strong[i] ?? after[i + 1]

  const resolved: Resolved[] = []
  chars.forEach((ch, i) => {
    const letter = strong[i]
    const previous = resolved[i - 1]
    if (/\p{M}/u.test(ch) && previous) return resolved.push(previous)
    // A line break ends a right-to-left stretch, and is no font's to draw.
    if (ch === '\n') return resolved.push({ script: previous?.script ?? 'latin', rtl: false, kind: 'text' })
    // A sign between two Arabic letters is part of their right-to-left stretch, otherwise left to right.
    const between = before[i - 1] !== undefined && before[i - 1] === after[i + 1] ? before[i - 1] : undefined
    const rtl = letter === 'arabic' || (letter === undefined && between === 'arabic')
    const kind: Kind = rtl && /\p{Nd}/u.test(ch) ? 'digits' : 'text'
    const script = letter ?? ([between, 'latin', 'arabic', 'han'] as const).find((s) => s && fontHas(s, ch)) ?? 'latin'
    resolved.push({ script, rtl, kind })
  })

  const runs: (Resolved & { text: string })[] = []
  chars.forEach((ch, i) => {
    const r = resolved[i]!
    const last = runs.at(-1)
    if (last && last.script === r.script && last.rtl === r.rtl && last.kind === r.kind) last.text += ch
    else runs.push({ ...r, text: ch })
  })

  const seen: Run[] = []
  for (let i = 0; i < runs.length;) {
    if (!runs[i]!.rtl) {
      seen.push({ script: runs[i]!.script, text: runs[i]!.text })
      i++
      continue
    }
    let end = i
    while (runs[end + 1]?.rtl) end++
    for (let j = end; j >= i; j--) seen.push(asSeen(runs[j]!))
    i = end + 1
  }
  return seen
}

/** A run of a right-to-left stretch as it is drawn. */
function asSeen(run: Resolved & { text: string }): Run {
  const reversed = () => [...run.text].reverse().join('')
  if (run.kind === 'digits') {
    // fontkit reverses Arabic-Indic digits with the Arabic letters; reversed here, they come out in order.
    return { script: run.script, text: /\p{Script=Arabic}/u.test(run.text) ? reversed() : run.text }
  }
  if (run.script === 'arabic') return { script: run.script, text: run.text }
  return {
    script: run.script,
    text: [...reversed()].map((ch) => mirrored[ch] ?? ch).join(''),
  }
}

/** The text as the fonts can draw it: line endings and tabs made plain, and a character no font has as "?". */
export function toPdfText(text: string): string {
  let out = ''
  for (const ch of text.replace(/\r\n?/g, '\n').replace(/\t/g, ' ')) out += drawable(ch) ? ch : '?'
  return out
}

// Wording as an administrator types it, read into the blocks a page shows: a line starting "## "
// is a heading, lines starting "- " make a list, other lines make paragraphs (a blank line ends
// one). Email addresses and web addresses become links. The template escapes every word, so
// nothing typed can add markup.

export interface Segment {
  text: string
  href?: string
}

export type Block =
  | { kind: 'heading'; text: string; id: string }
  | { kind: 'paragraph'; segments: Segment[] }
  | { kind: 'list'; items: Segment[][] }

const linkPattern =
  /([\w.+-]+@[\w-]+(?:\.[\w-]+)+)|(https?:\/\/[^\s]+[^\s.,;:)])|\b((?:www\.)?[a-z0-9-]+\.(?:org\.uk|gov\.uk|co\.uk|org|com)(?:\/[^\s]*[^\s.,;:)])?)/gi

/** A line's words, with its email and web addresses as links. */
export function segmentsOf(line: string): Segment[] {
  const segments: Segment[] = []
  let at = 0
  for (const match of line.matchAll(linkPattern)) {
    if (match.index > at) segments.push({ text: line.slice(at, match.index) })
    const [whole, email, url, bare] = match
    const href = email ? `mailto:${email}` : url ? url : `https://${bare}`
    segments.push({ text: whole, href })
    at = match.index + whole.length
  }
  if (at < line.length) segments.push({ text: line.slice(at) })
  return segments
}

const slug = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')

export function blocksOf(wording: string): Block[] {
  const blocks: Block[] = []
  let paragraph: string[] = []
  let list: Segment[][] | undefined
  const endParagraph = () => {
    if (paragraph.length) blocks.push({ kind: 'paragraph', segments: segmentsOf(paragraph.join(' ')) })
    paragraph = []
  }
  const endList = () => {
    if (list) blocks.push({ kind: 'list', items: list })
    list = undefined
  }
  for (const raw of wording.split(/\r?\n/)) {
    const line = raw.trim()
    if (!line) {
      endParagraph()
      endList()
    } else if (line.startsWith('## ')) {
      endParagraph()
      endList()
      const text = line.slice(3).trim()
      blocks.push({ kind: 'heading', text, id: slug(text) })
    } else if (line.startsWith('- ')) {
      endParagraph()
      list ??= []
      list.push(segmentsOf(line.slice(2).trim()))
    } else {
      endList()
      paragraph.push(line)
    }
  }
  endParagraph()
  endList()
  return blocks
}

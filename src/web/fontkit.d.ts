// The small part of fontkit (which ships no types) that the PDFs use: a font's metrics, and
// whether it has a character. pdfkit takes the parsed font as it is.
declare module 'fontkit' {
  export interface Font {
    unitsPerEm: number
    ascent: number
    descent: number
    lineGap: number
    hasGlyphForCodePoint(codePoint: number): boolean
  }
  export function create(buffer: Buffer): Font
}

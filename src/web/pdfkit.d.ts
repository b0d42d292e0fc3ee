// The small part of pdfkit (which ships no types) that the PDFs use (src/web/tagged-pdf.ts). If
// @types/pdfkit is ever added, delete this file.
declare module 'pdfkit' {
  import type { Font } from 'fontkit'

  export interface TextOptions {
    width?: number
    lineGap?: number
    paragraphGap?: number
    continued?: boolean
    align?: 'left' | 'center' | 'right' | 'justify'
    /** OpenType features; given (even none), pdfkit lays the text out whole rather than word by word. */
    features?: string[]
    /** A number: the baseline this far below the line's top, negated. */
    baseline?: number
  }

  export interface DocumentOptions {
    size?: string | [number, number]
    margins?: { top: number; bottom: number; left: number; right: number }
    pdfVersion?: '1.3' | '1.4' | '1.5' | '1.6' | '1.7' | '1.7ext3'
    tagged?: boolean
    lang?: string
    displayTitle?: boolean
    autoFirstPage?: boolean
    font?: string | null
    info?: {
      Title?: string
      Author?: string
      Subject?: string
      Keywords?: string
      Creator?: string
      CreationDate?: Date
      ModDate?: Date
    }
  }

  export interface StructureOptions {
    title?: string
    lang?: string
    alt?: string
    actual?: string
    scope?: 'Row' | 'Column' | 'Both'
  }

  /** A node of the logical structure tree; a closure child is content drawn inside it. */
  export interface StructureElement {
    add(child: StructureElement | (() => void)): StructureElement
    end(): void
  }

  class PDFDocument {
    constructor(options?: DocumentOptions)
    x: number
    y: number
    page: { width: number; height: number; margins: { top: number; bottom: number; left: number; right: number } }
    on(event: 'data', listener: (chunk: Buffer) => void): this
    on(event: 'end', listener: () => void): this
    on(event: 'error', listener: (error: Error) => void): this
    addPage(): this
    font(name: string): this
    registerFont(name: string, font: Font): this
    currentLineHeight(includeGap?: boolean): number
    widthOfString(text: string, options?: TextOptions): number
    fontSize(size: number): this
    fillColor(color: string): this
    text(text: string, options?: TextOptions): this
    text(text: string, x: number, y: number, options?: TextOptions): this
    moveDown(lines?: number): this
    heightOfString(text: string, options?: TextOptions): number
    struct(type: string, options?: StructureOptions, children?: StructureElement[] | (() => void)): StructureElement
    struct(type: string, children?: StructureElement[] | (() => void)): StructureElement
    addStructure(element: StructureElement): this
    end(): void
  }

  export default PDFDocument
}

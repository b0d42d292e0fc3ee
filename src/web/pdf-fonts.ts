// The fonts every PDF embeds, from packaged Noto fonts (nothing is downloaded at run time): Noto
// Sans for Latin (with its extended letters), Greek and Cyrillic; Noto Naskh Arabic for Arabic
// script; Noto Sans Simplified Chinese for Han (and kana). pdfkit subsets each into the PDF, so a
// document carries only the letters it uses. Each font is read and parsed once per process, the
// first time a document needs it, and shared by every document after: the Chinese one is 8 MB
// and takes a noticeable moment to parse, so a document with no Chinese never loads it.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'
import type { Font } from 'fontkit'

export type Script = 'latin' | 'arabic' | 'han'
export type Weight = 'regular' | 'bold'

const files: Record<Script, { package: string } & Record<Weight, string>> = {
  latin: { package: '@embedpdf/fonts-latin', regular: 'NotoSans-Regular.ttf', bold: 'NotoSans-Bold.ttf' },
  arabic: {
    package: '@embedpdf/fonts-arabic',
    regular: 'NotoNaskhArabic-Regular.ttf',
    bold: 'NotoNaskhArabic-Bold.ttf',
  },
  han: { package: '@embedpdf/fonts-sc', regular: 'NotoSansHans-Regular.otf', bold: 'NotoSansHans-Bold.otf' },
}

/** The name a font is registered under in a document. */
export const fontName = (script: Script, weight: Weight) => `${script}-${weight}`

const fonts = new Map<string, Font>()
// Loaded with the first font, as pdfkit is (tagged-pdf.ts): the same CommonJS build pdfkit uses.
const load = createRequire(import.meta.url)

/** A font, parsed the first time any document needs it. */
export function fontOf(script: Script, weight: Weight): Font {
  const name = fontName(script, weight)
  let font = fonts.get(name)
  if (!font) {
    const { package: pkg, [weight]: file } = files[script]
    const { create } = load('fontkit') as typeof import('fontkit')
    font = create(readFileSync(fileURLToPath(new URL(`../fonts/${file}`, import.meta.resolve(pkg)))))
    fonts.set(name, font)
  }
  return font
}

const has = new Map<string, boolean>()

/** Whether the script's font has this character (the bold faces have the same ones). */
export function fontHas(script: Script, ch: string): boolean {
  const key = script + ch
  let yes = has.get(key)
  if (yes === undefined) {
    yes = fontOf(script, 'regular').hasGlyphForCodePoint(ch.codePointAt(0)!)
    has.set(key, yes)
  }
  return yes
}

const arabic = /\p{Script=Arabic}/u
const han = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303f\uff00-\uffef]/u

/**
 * The script whose font draws a letter; undefined for anything else: spaces, punctuation, digits,
 * symbols, marks and invisible controls (a zero-width non-joiner in a Persian name, say).
 */
export function scriptOf(ch: string): Script | undefined {
  if (arabic.test(ch)) return 'arabic'
  if (han.test(ch)) return 'han'
  if (/[\s\p{P}\p{N}\p{S}\p{M}\p{Cf}]/u.test(ch)) return undefined
  return 'latin'
}

/** Whether some embedded font has this character (an emoji, or a Hebrew or Korean letter, has none). */
export function drawable(ch: string): boolean {
  if (ch === '\n') return true
  const script = scriptOf(ch)
  if (script) return fontHas(script, ch)
  // The Chinese font is loaded for a sign only when neither of the others has it.
  return fontHas('latin', ch) || fontHas('arabic', ch) || fontHas('han', ch)
}

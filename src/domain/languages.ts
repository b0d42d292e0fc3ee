// The languages people most often ask for an interpreter in, in England, to choose from (with
// "another language" typed in). British Sign Language is an adjustment of its own.
export const interpreterLanguages = [
  'Albanian',
  'Arabic',
  'Bengali',
  'Cantonese',
  'Czech',
  'Farsi (Persian)',
  'French',
  'Gujarati',
  'Hindi',
  'Hungarian',
  'Italian',
  'Kurdish',
  'Latvian',
  'Lithuanian',
  'Mandarin',
  'Pashto',
  'Polish',
  'Portuguese',
  'Punjabi',
  'Romanian',
  'Russian',
  'Slovak',
  'Somali',
  'Spanish',
  'Tamil',
  'Tigrinya',
  'Turkish',
  'Ukrainian',
  'Urdu',
  'Welsh',
] as const

/** The choice for a language not in the list, typed in instead. */
export const OTHER_LANGUAGE = 'other'

/** The list's own spelling of a language typed in, when it is one of them (case and spaces aside). */
export function knownLanguage(typed: string | undefined): string | undefined {
  const wanted = (typed ?? '').trim().toLowerCase()
  return interpreterLanguages.find((l) => l.toLowerCase() === wanted)
}

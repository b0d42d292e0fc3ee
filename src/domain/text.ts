/** "the council" -> "The council", for a name at the start of a sentence. */
export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)

/** "the Halton area", "the areas of Halton and Warrington", "the areas of the 12 councils we work for". */
export function areasText(councils: readonly string[]): string {
  if (councils.length === 0) return 'the areas of the councils we work for'
  if (councils.length === 1) return `the ${councils[0]} area`
  if (councils.length > 3) return `the areas of the ${councils.length} councils we work for`
  return `the areas of ${councils.slice(0, -1).join(', ')} and ${councils.at(-1)}`
}

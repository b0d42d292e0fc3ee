/** "the council" -> "The council", for a name at the start of a sentence. */
export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1)
